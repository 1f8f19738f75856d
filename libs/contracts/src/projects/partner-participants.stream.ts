import { Type } from '@sinclair/typebox';
import { defineEvent } from '../core/event-contract';
import { Code, IsoDate, Nullable, OneOf, PseudonymousId } from '../core/schema-types';
import { defineStream } from '../core/stream';
import { EXAM_RESULTS, LEAVE_REASONS, MILESTONE_KINDS, PHASE_COMPLETIONS } from './projects.stream';

/**
 * What a partner organisation learns about the participants of the projects it takes part in.
 * The projects service writes one event per partner of the project, and names the participant by
 * that partner's own pseudonym: a keyed hash of tenant, partner code and citizen, so two partners
 * get different pseudonyms for one citizen and neither can derive the platform's citizen id.
 * Never a citizen id, a name or a CPR number; no enrolment ids either (they are shared by the
 * partners of a project, so they would link the partners' pseudonyms).
 */
export const PartnerParticipantsStream = defineStream({
  domain: 'projects',
  name: 'partner-participants',
  version: 1,
  description:
    "Each partner organisation's view of the participants of its projects: enrolment, phases, milestones and leaving, one event " +
    "per partner of the project, the participant named by that partner's own pseudonym (never the platform's citizen id).",
  keyDescription: '`<partnerCode>:<participantId>`: the partner and its pseudonym of the participant, so one partner’s events about one participant keep their order.',
});

/** A partner's pseudonym of a participant: base64url of HMAC-SHA256 over tenant, partner code and citizen, 22 characters. */
export const PARTNER_PSEUDONYM_PATTERN = '^[A-Za-z0-9_-]{22}$';
export const PartnerPseudonym = (description: string) => Type.String({ pattern: PARTNER_PSEUDONYM_PATTERN, description });

const byPartnerAndParticipant = (payload: { partnerCode: string; participantId: string }) => `${payload.partnerCode}:${payload.participantId}`;

const participantProperties = () => ({
  partnerCode: Code('The partner organisation the event is for (its code, e.g. foa)'),
  projectId: PseudonymousId('The project'),
  participantId: PartnerPseudonym("The participant, by this partner's own pseudonym (the same in the partner's API views)"),
});

export const PartnerParticipantEnrolled = defineEvent({
  name: 'PartnerParticipantEnrolled',
  version: 1,
  stream: PartnerParticipantsStream,
  description: 'A citizen was enrolled in a project the partner takes part in.',
  schema: Type.Object(
    {
      ...participantProperties(),
      enrolledOn: IsoDate('Date of enrolment'),
      replacesParticipantId: Nullable(PartnerPseudonym('The participant who left and whom this one replaces, by the same partner’s pseudonym')),
    },
    { additionalProperties: false },
  ),
  keyOf: byPartnerAndParticipant,
});

const phaseProperties = () => ({
  ...participantProperties(),
  phaseCode: Code('The phase'),
  position: Type.Integer({ minimum: 1, description: "The phase's order in the project" }),
});

export const PartnerParticipantPhaseStarted = defineEvent({
  name: 'PartnerParticipantPhaseStarted',
  version: 1,
  stream: PartnerParticipantsStream,
  description: 'A participant started a phase of the project.',
  schema: Type.Object({ ...phaseProperties(), startedOn: IsoDate('Date started') }, { additionalProperties: false }),
  keyOf: byPartnerAndParticipant,
});

export const PartnerParticipantPhaseCompleted = defineEvent({
  name: 'PartnerParticipantPhaseCompleted',
  version: 1,
  stream: PartnerParticipantsStream,
  description: 'A participant completed a phase of the project.',
  schema: Type.Object(
    { ...phaseProperties(), completedOn: IsoDate('Date completed'), completedBy: OneOf(PHASE_COMPLETIONS, 'What completed it') },
    { additionalProperties: false },
  ),
  keyOf: byPartnerAndParticipant,
});

export const PartnerParticipantMilestoneReached = defineEvent({
  name: 'PartnerParticipantMilestoneReached',
  version: 1,
  stream: PartnerParticipantsStream,
  description: 'A participant reached a milestone of the project (an exam sitting with its result, a certificate, a hire, a placement).',
  schema: Type.Object(
    {
      ...participantProperties(),
      milestoneCode: Code('The milestone'),
      milestoneKind: OneOf(MILESTONE_KINDS, 'Kind of milestone'),
      result: Nullable(OneOf(EXAM_RESULTS, 'The exam result; null for other kinds')),
      reachedOn: IsoDate('Date reached'),
      phaseCode: Nullable(Code('The phase the participant was in')),
    },
    { additionalProperties: false },
  ),
  keyOf: byPartnerAndParticipant,
});

export const PartnerParticipantLeft = defineEvent({
  name: 'PartnerParticipantLeft',
  version: 1,
  stream: PartnerParticipantsStream,
  description: 'A participant left the project, with the reason; the phase in progress ends uncompleted.',
  schema: Type.Object(
    {
      ...participantProperties(),
      leftOn: IsoDate('Date left'),
      reason: OneOf(LEAVE_REASONS, 'Why'),
      phaseCode: Nullable(Code('The phase in progress when leaving')),
    },
    { additionalProperties: false },
  ),
  keyOf: byPartnerAndParticipant,
});

export const PARTNER_PARTICIPANT_EVENTS = [
  PartnerParticipantEnrolled,
  PartnerParticipantPhaseStarted,
  PartnerParticipantPhaseCompleted,
  PartnerParticipantMilestoneReached,
  PartnerParticipantLeft,
] as const;
