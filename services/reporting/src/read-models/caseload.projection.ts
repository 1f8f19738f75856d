import {
  ACTIVATION_KINDS,
  ACTIVATION_TYPES,
  ActivationStarted,
  BENEFIT_TYPES,
  CANCELLED_BY,
  CitizenAreaChanged,
  CitizenAssigned,
  CitizenBenefitTypeChanged,
  CitizenExited,
  CitizenReadinessChanged,
  CitizenReentered,
  CitizenRegistered,
  CitizenTransferred,
  EXIT_REASONS,
  HomeVisitHeld,
  HoursRuleHearingIssued,
  HoursRuleWarningIssued,
  INTERVIEW_PLACES,
  InterviewCancelled,
  InterviewHeld,
  InterviewNoShow,
  InterviewSummoned,
  JobPlanCreated,
  JobPlanRevised,
  OFFER_DROP_REASONS,
  OFFER_TYPES,
  OfferCompleted,
  OfferDropped,
  OfferPlanned,
  OfferStarted,
  PROGRESSION_GROUPS,
  ProgressionAssessed,
  READINESS,
  RoundTableMeetingHeld,
} from '@fremskudt/contracts';
import { BOOLEAN, FactKind, oneOf } from './fact-catalog';
import { copenhagenDateOf, projection, StreamProjections } from './projection';

const citizenFact = (kind: string, da: string, en: string, attributes: FactKind['attributes'] = {}): FactKind => ({
  kind,
  label: { da, en },
  subject: 'citizen',
  attributes,
});

const offerType = oneOf(OFFER_TYPES);
const place = oneOf(INTERVIEW_PLACES);

/**
 * Caseload's citizens topic: who is in the population when (case periods, birth date, dated
 * area, benefit type, readiness and team), and the case work as facts (job plans, offers,
 * interviews, progression, hours-rule notices, activities, exits).
 */
export const CASELOAD_PROJECTIONS: StreamProjections = {
  facts: [
    citizenFact('citizen-registered', 'Borger indskrevet', 'Citizen registered', { benefitType: oneOf(BENEFIT_TYPES), readiness: oneOf(READINESS) }),
    citizenFact('citizen-exited', 'Borger afgået', 'Citizen exited', { reason: oneOf(EXIT_REASONS), positive: BOOLEAN }),
    citizenFact('citizen-reentered', 'Borger genindskrevet', 'Citizen re-entered', { benefitType: oneOf(BENEFIT_TYPES), readiness: oneOf(READINESS) }),
    citizenFact('job-plan-created', 'Jobplan lavet', 'Job plan made'),
    citizenFact('job-plan-revised', 'Jobplan revideret', 'Job plan revised'),
    citizenFact('offer-planned', 'Tilbud planlagt', 'Offer planned', { offerType }),
    citizenFact('offer-started', 'Tilbud påbegyndt', 'Offer started', { offerType }),
    citizenFact('offer-completed', 'Tilbud gennemført', 'Offer completed', { offerType }),
    citizenFact('offer-dropped', 'Tilbud afbrudt', 'Offer dropped', { offerType, reason: oneOf(OFFER_DROP_REASONS), wasStarted: BOOLEAN }),
    citizenFact('activation-started', 'Aktivering påbegyndt', 'Activation started', {
      activationKind: oneOf(ACTIVATION_KINDS),
      activationType: oneOf(ACTIVATION_TYPES),
      onTime: BOOLEAN,
    }),
    citizenFact('interview-summoned', 'Indkaldt til samtale', 'Summoned to an interview', { place }),
    citizenFact('interview-held', 'Samtale afholdt', 'Interview held', { place, onTime: BOOLEAN }),
    citizenFact('interview-no-show', 'Udeblevet fra samtale', 'No-show at an interview', { place }),
    citizenFact('interview-cancelled', 'Samtale aflyst', 'Interview cancelled', { place, cancelledBy: oneOf(CANCELLED_BY) }),
    citizenFact('progression-assessed', 'Progression vurderet', 'Progression assessed', { group: oneOf(PROGRESSION_GROUPS), outlook: oneOf(['good', 'poor']) }),
    citizenFact('hours-rule-warning-issued', 'Varslet efter timereglen', 'Warned under the hours rule'),
    citizenFact('hours-rule-hearing-issued', 'Partshørt efter timereglen', 'Heard under the hours rule'),
    citizenFact('home-visit-held', 'Hjemmebesøg', 'Home visit'),
    citizenFact('round-table-meeting-held', 'Rundbordsmøde', 'Round-table meeting'),
  ],
  projections: [
    projection(CitizenRegistered, async (event, write) => {
      const on = event.periodOpenedOn;
      await write.citizenBorn(event.citizenId, event.birthDate);
      await write.periodOpened(event.citizenId, event.periodId, on);
      await write.attributes(event.citizenId, { area: event.areaCode, 'benefit-type': event.benefitType, readiness: event.readiness }, on);
      await write.fact({ kind: 'citizen-registered', occurredOn: on, citizenId: event.citizenId, attributes: { benefitType: event.benefitType, readiness: event.readiness } });
    }),
    projection(CitizenAreaChanged, (event, write) => write.attribute(event.citizenId, 'area', event.to, event.effectiveDate)),
    projection(CitizenBenefitTypeChanged, (event, write) => write.attribute(event.citizenId, 'benefit-type', event.to, event.effectiveDate)),
    projection(CitizenReadinessChanged, (event, write) => write.attribute(event.citizenId, 'readiness', event.to, event.effectiveDate)),
    projection(CitizenAssigned, (event, write) => write.attribute(event.citizenId, 'team', event.teamCode, event.effectiveDate)),
    projection(CitizenTransferred, (event, write) => write.attribute(event.citizenId, 'team', event.teamCode, event.effectiveDate)),
    projection(CitizenExited, async (event, write) => {
      await write.periodClosed(event.citizenId, event.periodId, event.exitDate, event.reason);
      await write.fact({ kind: 'citizen-exited', occurredOn: event.exitDate, citizenId: event.citizenId, attributes: { reason: event.reason, positive: event.positive } });
    }),
    projection(CitizenReentered, async (event, write) => {
      const on = event.reentryDate;
      await write.periodOpened(event.citizenId, event.periodId, on);
      await write.attributes(event.citizenId, { area: event.areaCode, 'benefit-type': event.benefitType, readiness: event.readiness }, on);
      await write.fact({ kind: 'citizen-reentered', occurredOn: on, citizenId: event.citizenId, attributes: { benefitType: event.benefitType, readiness: event.readiness } });
    }),
    projection(JobPlanCreated, (event, write) =>
      write.fact({ kind: 'job-plan-created', occurredOn: event.createdOn, citizenId: event.citizenId, subjectId: event.jobPlanId, attributes: { nextRevisionDue: event.nextRevisionDue } }),
    ),
    projection(JobPlanRevised, (event, write) =>
      write.fact({ kind: 'job-plan-revised', occurredOn: event.revisedOn, citizenId: event.citizenId, subjectId: event.jobPlanId, attributes: { revision: event.revision, nextRevisionDue: event.nextRevisionDue } }),
    ),
    // A planned offer keeps the activation due date it answers (when the event has one): activation timeliness counts it as due.
    projection(OfferPlanned, (event, write) =>
      write.fact({
        kind: 'offer-planned',
        occurredOn: event.plannedStart,
        citizenId: event.citizenId,
        subjectId: event.offerId,
        attributes: { offerType: event.offerType, ...(event.activationDueDate ? { dueDate: event.activationDueDate } : {}) },
      }),
    ),
    projection(OfferStarted, (event, write) =>
      write.fact({ kind: 'offer-started', occurredOn: event.startedOn, citizenId: event.citizenId, subjectId: event.offerId, attributes: { offerType: event.offerType } }),
    ),
    projection(OfferCompleted, (event, write) =>
      write.fact({ kind: 'offer-completed', occurredOn: event.completedOn, citizenId: event.citizenId, subjectId: event.offerId, attributes: { offerType: event.offerType } }),
    ),
    projection(OfferDropped, (event, write) =>
      write.fact({
        kind: 'offer-dropped',
        occurredOn: event.droppedOn,
        citizenId: event.citizenId,
        subjectId: event.offerId,
        attributes: { offerType: event.offerType, reason: event.reason, wasStarted: event.wasStarted },
      }),
    ),
    projection(ActivationStarted, (event, write) =>
      write.fact({
        kind: 'activation-started',
        occurredOn: event.startedOn,
        citizenId: event.citizenId,
        subjectId: event.activationId,
        attributes: { activationKind: event.activationKind, activationType: event.activationType, dueDate: event.dueDate, onTime: event.onTime },
      }),
    ),
    // Interviews keep their due date: timeliness counts the interviews due in a period.
    projection(InterviewSummoned, (event, write) =>
      write.fact({
        kind: 'interview-summoned',
        occurredOn: copenhagenDateOf(event.scheduledAt),
        citizenId: event.citizenId,
        subjectId: event.interviewId,
        attributes: { place: event.place, dueDate: event.dueDate },
      }),
    ),
    projection(InterviewHeld, (event, write) =>
      write.fact({
        kind: 'interview-held',
        occurredOn: event.heldOn,
        citizenId: event.citizenId,
        subjectId: event.interviewId,
        attributes: { place: event.place, dueDate: event.dueDate, onTime: event.onTime },
      }),
    ),
    projection(InterviewNoShow, (event, write) =>
      write.fact({
        kind: 'interview-no-show',
        occurredOn: copenhagenDateOf(event.scheduledAt),
        citizenId: event.citizenId,
        subjectId: event.interviewId,
        attributes: { place: event.place, dueDate: event.dueDate },
      }),
    ),
    projection(InterviewCancelled, (event, write) =>
      write.fact({
        kind: 'interview-cancelled',
        occurredOn: copenhagenDateOf(event.scheduledAt),
        citizenId: event.citizenId,
        subjectId: event.interviewId,
        attributes: { place: event.place, dueDate: event.dueDate, cancelledBy: event.cancelledBy },
      }),
    ),
    projection(ProgressionAssessed, (event, write) =>
      write.fact({
        kind: 'progression-assessed',
        occurredOn: event.assessedOn,
        citizenId: event.citizenId,
        subjectId: event.assessmentId,
        attributes: { group: event.group, outlook: event.outlook },
      }),
    ),
    projection(HoursRuleWarningIssued, (event, write) =>
      write.fact({ kind: 'hours-rule-warning-issued', occurredOn: event.issuedOn, citizenId: event.citizenId, subjectId: event.noticeId }),
    ),
    projection(HoursRuleHearingIssued, (event, write) =>
      write.fact({ kind: 'hours-rule-hearing-issued', occurredOn: event.issuedOn, citizenId: event.citizenId, subjectId: event.noticeId }),
    ),
    projection(HomeVisitHeld, (event, write) =>
      write.fact({ kind: 'home-visit-held', occurredOn: event.heldOn, citizenId: event.citizenId, subjectId: event.activityId }),
    ),
    projection(RoundTableMeetingHeld, (event, write) =>
      write.fact({ kind: 'round-table-meeting-held', occurredOn: event.heldOn, citizenId: event.citizenId, subjectId: event.activityId }),
    ),
  ],
};
