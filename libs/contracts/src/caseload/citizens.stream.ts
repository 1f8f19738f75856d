import { TSchema, Type } from '@sinclair/typebox';
import { Code, IsoDate, IsoDateTime, Nullable, OneOf, PseudonymousId } from '../core/schema-types';
import { citizenEvent, withCitizen } from './citizen-event';

export { CitizensStream } from './citizens-stream';

export const BENEFIT_TYPES = ['cash-benefit', 'education-benefit', 'integration-benefit', 'sickness-benefit', 'other'] as const;
export const READINESS = ['activity-ready', 'job-ready'] as const;
/** Why a citizen left the outreach team; `job` and `education` are the positive exits. */
export const EXIT_REASONS = ['job', 'education', 'other-self-sufficiency', 'early-retirement', 'flex-job', 'moved', 'other'] as const;

export type BenefitType = (typeof BENEFIT_TYPES)[number];
export type Readiness = (typeof READINESS)[number];
export type ExitReason = (typeof EXIT_REASONS)[number];

const MatchGroup = (description: string) => Type.Integer({ minimum: 1, maximum: 5, description });
const Step = (description: string) => Type.Integer({ minimum: 0, maximum: 4, description });

export const CitizenRegistered = citizenEvent(
  'CitizenRegistered',
  'A citizen was registered with the outreach team (opens the first case period).',
  withCitizen({
    periodId: PseudonymousId('The case period this registration opens'),
    periodOpenedOn: IsoDate('The date the case period opens: the day the outreach team took the citizen on'),
    birthDate: IsoDate('Birth date (derived from the CPR number); age drives the rules'),
    areaCode: Code('Housing area of residence'),
    benefitType: OneOf(BENEFIT_TYPES, 'Benefit type'),
    readiness: OneOf(READINESS, 'Activity-ready or job-ready'),
    matchGroup: Nullable(MatchGroup('Match group 1-5, when assessed')),
    step: Nullable(Step('Step in the step model 0-4, when assessed')),
    interpreterNeeded: Type.Boolean({ description: 'The citizen needs an interpreter' }),
    registeredAt: IsoDateTime('When the registration was recorded'),
  }),
);

/** Change events of one citizen attribute share this shape: from, to and the date it took effect. */
const change = <F extends TSchema, T extends TSchema>(from: F, to: T) =>
  withCitizen({ from, to, effectiveDate: IsoDate('The date the change took effect') });

export const CitizenAreaChanged = citizenEvent('CitizenAreaChanged', "The citizen's housing area changed.", change(Code('Area'), Code('Area')));
export const CitizenBenefitTypeChanged = citizenEvent(
  'CitizenBenefitTypeChanged',
  "The citizen's benefit type changed.",
  change(OneOf(BENEFIT_TYPES, 'Benefit type'), OneOf(BENEFIT_TYPES, 'Benefit type')),
);
export const CitizenReadinessChanged = citizenEvent(
  'CitizenReadinessChanged',
  'The citizen was re-assessed as activity-ready or job-ready.',
  change(OneOf(READINESS, 'Readiness'), OneOf(READINESS, 'Readiness')),
);
export const CitizenMatchGroupChanged = citizenEvent(
  'CitizenMatchGroupChanged',
  "The citizen's match group changed (from is null when first assessed).",
  change(Nullable(MatchGroup('Match group 1-5')), MatchGroup('Match group 1-5')),
);
export const CitizenStepChanged = citizenEvent(
  'CitizenStepChanged',
  'The citizen moved on the step model (from is null when first placed on it).',
  change(Nullable(Step('Step 0-4')), Step('Step 0-4')),
);

export const CitizenExited = citizenEvent(
  'CitizenExited',
  'The citizen left the outreach team; closes the current case period.',
  withCitizen({
    periodId: PseudonymousId('The case period that ends'),
    reason: OneOf(EXIT_REASONS, 'Exit reason; job and education are positive exits'),
    exitDate: IsoDate('Date of the exit'),
    positive: Type.Boolean({ description: 'True for exits to job or education' }),
  }),
);

export const CitizenReentered = citizenEvent(
  'CitizenReentered',
  'An exited citizen came back; opens a new case period and keeps the old ones.',
  withCitizen({
    periodId: PseudonymousId('The new case period'),
    previousPeriodId: PseudonymousId('The period that ended with the last exit'),
    reentryDate: IsoDate('Date of the re-entry'),
    areaCode: Code('Housing area at re-entry'),
    benefitType: OneOf(BENEFIT_TYPES, 'Benefit type at re-entry'),
    readiness: OneOf(READINESS, 'Readiness at re-entry'),
  }),
);

export const CITIZEN_PROFILE_EVENTS = [
  CitizenRegistered,
  CitizenAreaChanged,
  CitizenBenefitTypeChanged,
  CitizenReadinessChanged,
  CitizenMatchGroupChanged,
  CitizenStepChanged,
  CitizenExited,
  CitizenReentered,
] as const;
