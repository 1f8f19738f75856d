import { Type } from '@sinclair/typebox';
import { defineEvent } from '../core/event-contract';
import { Code, IsoDate, IsoDateTime, Nullable, OneOf, PseudonymousId } from '../core/schema-types';
import { defineStream } from '../core/stream';
import { citizenEvent, withCitizen } from './citizen-event';

/**
 * The case work done with a citizen. Every event here is keyed by the citizen's pseudonymous id
 * and travels on the citizens stream, so one citizen's facts stay in order for every consumer.
 * Staff appear only by id and team code; no names, no free text.
 */

export const STAFF_ROLES = ['job-consultant', 'mentor', 'company-consultant', 'team-lead'] as const;
export const OFFER_TYPES = ['course', 'mentor', 'language', 'education', 'job-package-phase', 'other'] as const;
export const OFFER_DROP_REASONS = ['illness', 'no-show', 'moved', 'job', 'education', 'not-suitable', 'provider-cancelled', 'other'] as const;
export const JOB_PLAN_GOAL_KINDS = ['job', 'education', 'company-placement', 'language', 'health', 'social', 'other'] as const;
export const INTERVIEW_PLACES = ['local-office', 'central-job-centre', 'home-visit', 'open-counselling'] as const;
export const CANCELLED_BY = ['citizen', 'job-centre'] as const;
export const PROGRESSION_GROUPS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];
export type OfferType = (typeof OFFER_TYPES)[number];
export type OfferDropReason = (typeof OFFER_DROP_REASONS)[number];
export type JobPlanGoalKind = (typeof JOB_PLAN_GOAL_KINDS)[number];
export type InterviewPlace = (typeof INTERVIEW_PLACES)[number];
export type ProgressionGroup = (typeof PROGRESSION_GROUPS)[number];


// ---- staff and case responsibility ----------------------------------------------------------

export const StaffStream = defineStream({
  domain: 'caseload',
  name: 'staff',
  version: 1,
  description: 'The outreach team: consultants and mentors per team (by id; names stay in the caseload service).',
  keyDescription: "The staff member's id.",
});

export const StaffMemberRegistered = defineEvent({
  name: 'StaffMemberRegistered',
  version: 1,
  stream: StaffStream,
  description: 'A consultant, mentor or team lead joined a team.',
  schema: Type.Object(
    {
      staffId: PseudonymousId("The staff member's id"),
      role: OneOf(STAFF_ROLES, 'Role in the team'),
      teamCode: Code('Team'),
      areaCodes: Type.Array(Code('Area'), { description: 'Areas the staff member works in' }),
      caseloadCapacity: Type.Integer({ minimum: 0, description: 'How many citizens the caseload holds' }),
      registeredAt: IsoDateTime('When the staff member was registered'),
    },
    { additionalProperties: false },
  ),
  keyOf: (payload) => payload.staffId,
});

export const StaffMemberChanged = defineEvent({
  name: 'StaffMemberChanged',
  version: 1,
  stream: StaffStream,
  description: "A staff member's team, areas, capacity or active state changed.",
  schema: Type.Object(
    {
      staffId: PseudonymousId("The staff member's id"),
      teamCode: Code('Team'),
      areaCodes: Type.Array(Code('Area')),
      caseloadCapacity: Type.Integer({ minimum: 0 }),
      active: Type.Boolean({ description: 'False when the staff member has left' }),
      changedAt: IsoDateTime('When the change took effect'),
    },
    { additionalProperties: false },
  ),
  keyOf: (payload) => payload.staffId,
});

/**
 * The subject a staff member signs in with at the municipality's identity broker (the bearer
 * token's `sub`), set when registered or changed by an admin; null when unlinked. The services
 * scope a user's access to citizens and desks by the staff member it names.
 */
export const StaffLoginLinked = defineEvent({
  name: 'StaffLoginLinked',
  version: 1,
  stream: StaffStream,
  description: "A staff member's login subject at the identity broker was set, changed or removed (null).",
  schema: Type.Object(
    {
      staffId: PseudonymousId("The staff member's id"),
      loginSubject: Nullable(Type.String({ minLength: 1, maxLength: 255, description: "The token subject (`sub`) the staff member signs in with; null when unlinked" })),
      linkedAt: IsoDateTime('When the link took effect'),
    },
    { additionalProperties: false },
  ),
  keyOf: (payload) => payload.staffId,
});

const assignmentProperties = {
  consultantId: PseudonymousId('The responsible consultant'),
  teamCode: Code("The consultant's team"),
  effectiveDate: IsoDate('The date responsibility starts'),
  overCapacity: Type.Boolean({ description: "True when forced over the consultant's capacity (the reason is kept in caseload)" }),
};

export const CitizenAssigned = citizenEvent('CitizenAssigned', 'A consultant took case responsibility for a citizen who had none.', withCitizen(assignmentProperties));

export const CitizenTransferred = citizenEvent('CitizenTransferred', 'Case responsibility moved from one consultant to another.', withCitizen({
  ...assignmentProperties,
  previousConsultantId: PseudonymousId('The consultant who had the case'),
  previousTeamCode: Code("The previous consultant's team"),
}));

// ---- job plans ---------------------------------------------------------------------------------

const JobPlanGoals = () =>
  Type.Array(
    Type.Object(
      {
        goalId: PseudonymousId('Goal id'),
        kind: OneOf(JOB_PLAN_GOAL_KINDS, 'What the goal aims at'),
        targetDate: IsoDate('When the goal should be reached'),
      },
      { additionalProperties: false },
    ),
    { minItems: 1, description: "The plan's dated goals (their wording stays in caseload)" },
  );

export const JobPlanCreated = citizenEvent('JobPlanCreated', "A job plan was made with the citizen (the citizen's current plan from then on).", withCitizen({
  jobPlanId: PseudonymousId('Job plan id'),
  createdOn: IsoDate('Date the plan was made'),
  nextRevisionDue: IsoDate('When the plan should be revised at the latest'),
  goals: JobPlanGoals(),
}));

export const JobPlanRevised = citizenEvent('JobPlanRevised', 'A job plan was revised with new or changed goals.', withCitizen({
  jobPlanId: PseudonymousId('Job plan id'),
  revision: Type.Integer({ minimum: 2, description: 'Revision number; the plan as created is revision 1' }),
  revisedOn: IsoDate('Date of the revision'),
  nextRevisionDue: IsoDate('When the plan should be revised next'),
  goals: JobPlanGoals(),
}));

// ---- offers --------------------------------------------------------------------------------------

const offerProperties = {
  offerId: PseudonymousId('Offer id'),
  offerType: OneOf(OFFER_TYPES, 'Kind of offer'),
};

export const OfferPlanned = citizenEvent('OfferPlanned', 'An offer (course, mentor, language, education, job package phase, other) was planned.', withCitizen({
  ...offerProperties,
  providerCode: Nullable(Code('Provider, when known')),
  plannedStart: IsoDate('Planned start date'),
  plannedEnd: Nullable(IsoDate('Planned end date, when known')),
  // Added after version 1 was published; events planned before it lack the field.
  activationDueDate: Type.Optional(IsoDate('The date an activation starting on the planned start is due by (see ActivationStarted); absent in events published before it was added')),
}));

export const OfferStarted = citizenEvent('OfferStarted', 'The citizen started an offer (an activation).', withCitizen({
  ...offerProperties,
  startedOn: IsoDate('Actual start date'),
}));

export const OfferCompleted = citizenEvent('OfferCompleted', 'The citizen completed a started offer.', withCitizen({
  ...offerProperties,
  completedOn: IsoDate('Actual end date'),
}));

export const OfferDropped = citizenEvent('OfferDropped', 'A planned or started offer was dropped, with the reason.', withCitizen({
  ...offerProperties,
  droppedOn: IsoDate('Date it was dropped'),
  reason: OneOf(OFFER_DROP_REASONS, 'Why it was dropped'),
  wasStarted: Type.Boolean({ description: 'True when the offer had started' }),
}));

/** An activation is a started offer or a company internship or wage-subsidy job (virksomhedsplacering). */
export const ACTIVATION_KINDS = ['offer', 'placement'] as const;
export const ACTIVATION_TYPES = [...OFFER_TYPES, 'company-internship', 'wage-subsidy-job'] as const;
export type ActivationKind = (typeof ACTIVATION_KINDS)[number];
export type ActivationType = (typeof ACTIVATION_TYPES)[number];

export const ActivationStarted = citizenEvent(
  'ActivationStarted',
  'An activation started (an offer, or a company internship or wage-subsidy job the companies service reported), measured against the date it was due by: the fact behind activation timeliness.',
  withCitizen({
    activationId: PseudonymousId('The offer or the placement'),
    activationKind: OneOf(ACTIVATION_KINDS, 'An offer of the case work, or a company placement'),
    activationType: OneOf(ACTIVATION_TYPES, 'The offer type or the placement type'),
    startedOn: IsoDate('Date the activation started'),
    dueDate: IsoDate('The date it was due by: one interval after the latest activation started before it in the case period, or after the period opened'),
    onTime: Type.Boolean({ description: 'Started on or before its due date' }),
    nextDueDate: IsoDate('When the next activation is due'),
  }),
);

// ---- summons and interviews ---------------------------------------------------------------------

const interviewProperties = {
  interviewId: PseudonymousId('Interview (summons) id'),
  place: OneOf(INTERVIEW_PLACES, 'Where the interview takes place'),
  areaCode: Nullable(Code('Area of a local office or open counselling desk')),
  dueDate: IsoDate('The date the interview is due by (the legal deadline)'),
};

export const InterviewSummoned = citizenEvent('InterviewSummoned', 'The citizen was summoned to an interview at a time and place.', withCitizen({
  ...interviewProperties,
  scheduledAt: IsoDateTime('When the interview is to be held'),
}));

export const InterviewHeld = citizenEvent(
  'InterviewHeld',
  'An interview was held (from a summons or in open counselling); on time when held on or before the due date.',
  withCitizen({
    ...interviewProperties,
    heldOn: IsoDate('Date the interview was held'),
    onTime: Type.Boolean({ description: 'Held on or before its due date' }),
    nextDueDate: IsoDate('When the next interview is due'),
  }),
);

export const InterviewNoShow = citizenEvent('InterviewNoShow', 'The citizen did not come to a summoned interview; a follow-up task was created.', withCitizen({
  ...interviewProperties,
  scheduledAt: IsoDateTime('When the interview was to be held'),
  followUpDue: IsoDate('The consultant follows up by this date'),
}));

export const InterviewCancelled = citizenEvent('InterviewCancelled', 'A summoned interview was cancelled.', withCitizen({
  ...interviewProperties,
  scheduledAt: IsoDateTime('When the interview was to be held'),
  cancelledBy: OneOf(CANCELLED_BY, 'Who cancelled'),
}));

// ---- progression ----------------------------------------------------------------------------------

const Score = (description: string) => Type.Integer({ minimum: 1, maximum: 5, description });

export const ProgressionAssessed = citizenEvent('ProgressionAssessed', 'The five progression factors were scored and the A-G group computed.', withCitizen({
  assessmentId: PseudonymousId('Assessment id'),
  assessedOn: IsoDate('Date of the assessment'),
  scores: Type.Object(
    {
      professionalSkills: Score('Professional skills'),
      jobOrEducationFocus: Score('Focus on job or education'),
      personalAndSocialCompetences: Score('Personal and social competences'),
      socialConditions: Score('Social conditions (housing, family, network)'),
      health: Score('Health'),
    },
    { additionalProperties: false },
  ),
  group: OneOf(PROGRESSION_GROUPS, 'A-G group by the rule of the brief'),
  outlook: OneOf(['good', 'poor'] as const, 'A-D good, E-G poor'),
}));

// ---- hours rule ----------------------------------------------------------------------------------

const hoursRuleNoticeProperties = {
  noticeId: PseudonymousId('Notice id'),
  benefitEffectDate: IsoDate('The date the benefit would be reduced or stopped'),
  issuedOn: IsoDate('Date the notice was issued'),
  deadline: IsoDate('Latest date the notice had to be issued'),
};

export const HoursRuleWarningIssued = citizenEvent(
  'HoursRuleWarningIssued',
  'The citizen was warned that the benefit is at risk under the hours rule (at the latest six months before).',
  withCitizen(hoursRuleNoticeProperties),
);

export const HoursRuleHearingIssued = citizenEvent(
  'HoursRuleHearingIssued',
  'The citizen was heard (partshøring) before the benefit is reduced (at the latest one month before).',
  withCitizen(hoursRuleNoticeProperties),
);

// ---- activities --------------------------------------------------------------------------------------

export const HomeVisitHeld = citizenEvent('HomeVisitHeld', 'A consultant visited the citizen at home.', withCitizen({
  activityId: PseudonymousId('Activity id'),
  heldOn: IsoDate('Date of the visit'),
  staffId: PseudonymousId('Who visited'),
}));

export const RoundTableMeetingHeld = citizenEvent('RoundTableMeetingHeld', 'A round-table meeting with the citizen and local actors was held.', withCitizen({
  activityId: PseudonymousId('Activity id'),
  heldOn: IsoDate('Date of the meeting'),
  staffId: PseudonymousId('Who led it'),
  localActorCodes: Type.Array(Code('Local actor (partner organisation)'), { minItems: 1, description: 'The local actors taking part' }),
}));

export const CASE_WORK_EVENTS = [
  StaffMemberRegistered,
  StaffMemberChanged,
  StaffLoginLinked,
  CitizenAssigned,
  CitizenTransferred,
  JobPlanCreated,
  JobPlanRevised,
  OfferPlanned,
  OfferStarted,
  OfferCompleted,
  OfferDropped,
  ActivationStarted,
  InterviewSummoned,
  InterviewHeld,
  InterviewNoShow,
  InterviewCancelled,
  ProgressionAssessed,
  HoursRuleWarningIssued,
  HoursRuleHearingIssued,
  HomeVisitHeld,
  RoundTableMeetingHeld,
] as const;

