import { Type } from '@sinclair/typebox';
import { BENEFIT_TYPES, EXIT_REASONS, READINESS } from '../caseload/citizens.stream';
import { PLACEMENT_TYPES } from '../companies/placements.stream';
import { defineEvent } from '../core/event-contract';
import { Code, IsoDate, IsoDateTime, Nullable, OneOf, PseudonymousId } from '../core/schema-types';
import { defineStream } from '../core/stream';

/**
 * Partner projects (Stafetten, job packages, company-preparation courses): the project's
 * definition, its partners, its recruitment and every participant's way through it. One stream
 * keyed by the project, so a participant's enrolment, phases, milestones and leaving reach every
 * consumer in the order they happened. Participants appear by pseudonymous id only; partners and
 * projects by id and code (names stay in the projects service).
 */
export const ProjectsStream = defineStream({
  domain: 'projects',
  name: 'projects',
  version: 1,
  description:
    'Partner projects and their participants, in order per project: definition and goals, partners, information meetings ' +
    'and company visits, enrolments, phase progress, milestones, leaving and replacement.',
  keyDescription: 'The project id.',
});

/** The ready-made projects of the documents a tenant can instantiate. */
export const PROJECT_TEMPLATES = ['stafetten', 'job-package', 'company-preparation-course'] as const;
export const PARTNER_KINDS = ['union', 'training-centre', 'housing-partnership', 'ngo', 'employer', 'municipal-unit', 'other'] as const;
/** A partner's part in one project; the steering group is the partners with `steering-group`. */
export const PARTNER_ROLES = ['steering-group', 'provider', 'recruiter', 'employer'] as const;
/** What ends a phase: its planned length, a milestone of the project, or a decision of the project. */
export const PHASE_COMPLETIONS = ['duration', 'milestone', 'decision'] as const;
export const MILESTONE_KINDS = ['exam', 'certificate', 'hired', 'placement', 'other'] as const;
/** Only exams have a result; the milestone is the sitting, passed or failed. */
export const EXAM_RESULTS = ['passed', 'failed'] as const;
export const LEAVE_REASONS = ['job', 'education', 'other-project', 'illness', 'moved', 'not-suitable', 'own-wish', 'benefit-ended', 'other'] as const;
export const COMPANY_VISIT_KINDS = ['company-visit', 'bus-tour'] as const;
/** The genders a target group may name. Not checked at enrolment: caseload's topic carries no gender. */
export const TARGET_GENDERS = ['female', 'male'] as const;
/** The language level a project asks for; caseload's topic tells only whether a citizen needs an interpreter. */
export const LANGUAGE_REQUIREMENTS = ['any', 'without-interpreter'] as const;
export const COHORT_OUTCOMES = ['company-placement', 'job-or-education'] as const;
export const GOAL_DIRECTIONS = ['at-least', 'at-most'] as const;

export type ProjectTemplateCode = (typeof PROJECT_TEMPLATES)[number];
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export type PartnerRole = (typeof PARTNER_ROLES)[number];
export type PhaseCompletion = (typeof PHASE_COMPLETIONS)[number];
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export type ExamResult = (typeof EXAM_RESULTS)[number];
export type LeaveReason = (typeof LEAVE_REASONS)[number];
export type CompanyVisitKind = (typeof COMPANY_VISIT_KINDS)[number];
export type TargetGender = (typeof TARGET_GENDERS)[number];
export type LanguageRequirement = (typeof LANGUAGE_REQUIREMENTS)[number];
export type CohortOutcome = (typeof COHORT_OUTCOMES)[number];
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];

const byProject = (payload: { projectId: string }) => payload.projectId;
const projectId = () => PseudonymousId('The project');
const Count = (description: string) => Type.Integer({ minimum: 0, description });

const Eligibility = () =>
  Type.Object(
    {
      minAge: Nullable(Type.Integer({ minimum: 0, maximum: 120, description: 'Lowest age on the enrolment date' })),
      maxAge: Nullable(Type.Integer({ minimum: 0, maximum: 120, description: 'Highest age on the enrolment date' })),
      genders: Type.Array(OneOf(TARGET_GENDERS, 'Gender'), {
        description: 'Genders of the target group (empty: any). Recorded, not checked: caseload publishes no gender',
      }),
      languageRequirement: OneOf(LANGUAGE_REQUIREMENTS, 'without-interpreter refuses citizens who need an interpreter'),
      benefitTypes: Type.Array(OneOf(BENEFIT_TYPES, 'Benefit type'), { description: 'Benefit types taken (empty: any)' }),
      readiness: Type.Array(OneOf(READINESS, 'Readiness'), { description: 'Activity-ready and/or job-ready (empty: any)' }),
      areaCodes: Type.Array(Code('Area'), { description: 'Housing areas of residence taken (empty: any)' }),
      matchGroups: Type.Array(Type.Integer({ minimum: 1, maximum: 5 }), { description: 'Match groups taken (empty: any)' }),
      steps: Type.Array(Type.Integer({ minimum: 0, maximum: 4 }), { description: 'Steps of the step model taken (empty: any)' }),
    },
    { additionalProperties: false, description: 'Who may be enrolled; checked against caseload’s citizens at enrolment' },
  );

const Phase = () =>
  Type.Object(
    {
      phaseCode: Code('The phase'),
      position: Type.Integer({ minimum: 1, description: 'Order in the project, from 1' }),
      plannedWeeks: Nullable(Type.Integer({ minimum: 1, maximum: 520, description: 'Planned length in weeks' })),
      completedBy: OneOf(PHASE_COMPLETIONS, 'What completes the phase'),
      completionMilestoneCode: Nullable(Code('The milestone that completes it (completedBy milestone)')),
    },
    { additionalProperties: false },
  );

const Milestone = () =>
  Type.Object(
    {
      milestoneCode: Code('The milestone'),
      kind: OneOf(MILESTONE_KINDS, 'Kind of milestone'),
      phaseCode: Nullable(Code('The phase it belongs to, if any')),
    },
    { additionalProperties: false },
  );

/** The project's definition as it stands after the event: what consumers need to follow it. */
const definitionProperties = () => ({
  projectId: projectId(),
  projectCode: Code("The project's code (unique in the tenant)"),
  templateCode: Nullable(OneOf(PROJECT_TEMPLATES, 'The template it was made from, if any')),
  variantCode: Nullable(Code("The template's variant, e.g. a job package's target job")),
  startDate: IsoDate('First day of the project (recruitment included)'),
  endDate: Nullable(IsoDate('Last day, when known')),
  capacity: Nullable(Type.Integer({ minimum: 1, description: 'How many active participants it takes at a time; null: no limit' })),
  areaCodes: Type.Array(Code('Area'), { description: 'Housing areas the project recruits in' }),
  eligibility: Eligibility(),
  phases: Type.Array(Phase(), { description: 'The phases, in order' }),
  milestones: Type.Array(Milestone(), { description: 'The milestones participants can reach' }),
});

export const ProjectCreated = defineEvent({
  name: 'ProjectCreated',
  version: 1,
  stream: ProjectsStream,
  description: 'A project was created (from scratch or from a template), with its eligibility criteria, phases and milestones.',
  schema: Type.Object({ ...definitionProperties(), createdAt: IsoDateTime('When it was created') }, { additionalProperties: false }),
  keyOf: byProject,
});

export const PROJECT_ATTRIBUTES = ['name', 'targetGroup', 'endDate', 'capacity', 'areaCodes', 'eligibility', 'budgetDkk', 'phases', 'milestones'] as const;
export type ProjectAttribute = (typeof PROJECT_ATTRIBUTES)[number];

export const ProjectChanged = defineEvent({
  name: 'ProjectChanged',
  version: 1,
  stream: ProjectsStream,
  description: "A project's definition changed; carries the whole definition after the change and what changed.",
  schema: Type.Object(
    {
      ...definitionProperties(),
      changed: Type.Array(OneOf(PROJECT_ATTRIBUTES, 'Attribute'), { description: 'The attributes that changed (name, target group and budget stay in the service)' }),
      changedAt: IsoDateTime('When it changed'),
    },
    { additionalProperties: false },
  ),
  keyOf: byProject,
});

const CohortGoal = () =>
  Type.Object(
    {
      goalCode: Code('The goal, unique in the project'),
      kind: Type.Literal('cohort', { description: 'Share of the participants reaching an outcome within a window from their start' }),
      outcome: OneOf(COHORT_OUTCOMES, 'What counts as reached'),
      placementTypes: Type.Array(OneOf(PLACEMENT_TYPES, 'Placement type'), {
        description:
          "Companies' placements of these types count as reached when the participant is in one at some time between their start and the window's end " +
          '(started on or before the end, and not ended before the start)',
      }),
      exitReasons: Type.Array(OneOf(EXIT_REASONS, 'Exit reason'), { description: "Caseload's exits with these reasons inside the window count as reached" }),
      windowWeeks: Type.Integer({ minimum: 1, maximum: 520, description: "Weeks from the participant's start (the enrolment date)" }),
      targetPercent: Type.Number({ minimum: 0, maximum: 100, description: 'Target share in per cent' }),
      direction: OneOf(GOAL_DIRECTIONS, 'at-least: the share must reach the target'),
    },
    { additionalProperties: false },
  );

export const ProjectGoalsDefined = defineEvent({
  name: 'ProjectGoalsDefined',
  version: 1,
  stream: ProjectsStream,
  description:
    "The project's own goals, handed to reporting as goal definitions (replaces the project's earlier goals). The population is " +
    "the project's enrolled participants; each one's start is their enrolment date.",
  schema: Type.Object(
    {
      projectId: projectId(),
      projectCode: Code("The project's code"),
      goals: Type.Array(CohortGoal(), { description: 'Every goal of the project (empty: none)' }),
      definedAt: IsoDateTime('When the goals were set'),
    },
    { additionalProperties: false },
  ),
  keyOf: byProject,
});

export const PartnerJoined = defineEvent({
  name: 'PartnerJoined',
  version: 1,
  stream: ProjectsStream,
  description: 'A partner organisation joined a project in one or more roles (steering group, provider, recruiter, employer).',
  schema: Type.Object(
    {
      projectId: projectId(),
      partnerId: PseudonymousId('The partner organisation'),
      partnerCode: Code("The partner's code, e.g. foa"),
      partnerKind: OneOf(PARTNER_KINDS, 'Kind of organisation'),
      roles: Type.Array(OneOf(PARTNER_ROLES, 'Role'), { minItems: 1, description: 'Its roles in the project' }),
      joinedOn: IsoDate('Date it joined'),
    },
    { additionalProperties: false },
  ),
  keyOf: byProject,
});

export const InformationMeetingHeld = defineEvent({
  name: 'InformationMeetingHeld',
  version: 1,
  stream: ProjectsStream,
  description: 'An information meeting about the project was held in a housing area, with how many came and how many showed interest.',
  schema: Type.Object(
    {
      projectId: projectId(),
      meetingId: PseudonymousId('The meeting'),
      areaCode: Code('Housing area of the meeting'),
      heldOn: IsoDate('Date held'),
      attendees: Count('Attendees'),
      interested: Count('Attendees who showed interest in the project'),
    },
    { additionalProperties: false },
  ),
  keyOf: byProject,
});

export const CompanyVisitHeld = defineEvent({
  name: 'CompanyVisitHeld',
  version: 1,
  stream: ProjectsStream,
  description: 'Potential participants visited companies (a company visit or a bus tour) to see the workplaces.',
  schema: Type.Object(
    {
      projectId: projectId(),
      visitId: PseudonymousId('The visit'),
      kind: OneOf(COMPANY_VISIT_KINDS, 'Company visit or bus tour'),
      heldOn: IsoDate('Date held'),
      companyIds: Type.Array(PseudonymousId('A company (the companies service’s id)'), { description: 'Companies visited' }),
      participants: Count('Citizens who came along'),
    },
    { additionalProperties: false },
  ),
  keyOf: byProject,
});

const participantProperties = () => ({
  projectId: projectId(),
  enrolmentId: PseudonymousId('The enrolment (one participant’s stay in the project)'),
  citizenId: PseudonymousId("The participant's pseudonymous id"),
});

export const ParticipantEnrolled = defineEvent({
  name: 'ParticipantEnrolled',
  version: 1,
  stream: ProjectsStream,
  description: "A citizen was enrolled (found eligible, within capacity); the enrolment date is the participant's start for cohort goals.",
  schema: Type.Object(
    {
      ...participantProperties(),
      enrolledOn: IsoDate('Date of enrolment: the start of participation'),
      areaCode: Code('The citizen’s housing area at enrolment'),
      replacesEnrolmentId: Nullable(PseudonymousId('The enrolment of the participant who left and whom this one replaces')),
    },
    { additionalProperties: false },
  ),
  keyOf: byProject,
});

const phaseProperties = () => ({
  ...participantProperties(),
  phaseCode: Code('The phase'),
  position: Type.Integer({ minimum: 1, description: "The phase's order in the project" }),
});

export const PhaseStarted = defineEvent({
  name: 'PhaseStarted',
  version: 1,
  stream: ProjectsStream,
  description: 'A participant started a phase of the project.',
  schema: Type.Object({ ...phaseProperties(), startedOn: IsoDate('Date started') }, { additionalProperties: false }),
  keyOf: byProject,
});

export const PhaseCompleted = defineEvent({
  name: 'PhaseCompleted',
  version: 1,
  stream: ProjectsStream,
  description: 'A participant completed a phase (by decision, at the end of its length, or by reaching its milestone).',
  schema: Type.Object(
    { ...phaseProperties(), completedOn: IsoDate('Date completed'), completedBy: OneOf(PHASE_COMPLETIONS, 'What completed it') },
    { additionalProperties: false },
  ),
  keyOf: byProject,
});

export const MilestoneReached = defineEvent({
  name: 'MilestoneReached',
  version: 1,
  stream: ProjectsStream,
  description: 'A participant reached a milestone: sat an exam (passed or failed), obtained a certificate, was hired, started a placement.',
  schema: Type.Object(
    {
      ...participantProperties(),
      milestoneCode: Code('The milestone'),
      milestoneKind: OneOf(MILESTONE_KINDS, 'Kind of milestone'),
      result: Nullable(OneOf(EXAM_RESULTS, 'The exam result; null for other kinds')),
      reachedOn: IsoDate('Date reached'),
      phaseCode: Nullable(Code('The phase the participant was in')),
      placementId: Nullable(PseudonymousId("The companies service's placement behind a hire or placement, if linked")),
    },
    { additionalProperties: false },
  ),
  keyOf: byProject,
});

export const ParticipantLeft = defineEvent({
  name: 'ParticipantLeft',
  version: 1,
  stream: ProjectsStream,
  description: 'A participant left the project before its end, with the reason; the phase in progress ends uncompleted.',
  schema: Type.Object(
    {
      ...participantProperties(),
      leftOn: IsoDate('Date left'),
      reason: OneOf(LEAVE_REASONS, 'Why'),
      phaseCode: Nullable(Code('The phase in progress when leaving')),
      placementId: Nullable(PseudonymousId("The companies service's placement the participant left for, if linked")),
    },
    { additionalProperties: false },
  ),
  keyOf: byProject,
});

export const ParticipantReplaced = defineEvent({
  name: 'ParticipantReplaced',
  version: 1,
  stream: ProjectsStream,
  description: "A participant who left was replaced by a new one (whose ParticipantEnrolled comes just before), linking the two enrolments.",
  schema: Type.Object(
    {
      projectId: projectId(),
      leftEnrolmentId: PseudonymousId('The enrolment of the participant who left'),
      leftCitizenId: PseudonymousId('The participant who left'),
      replacementEnrolmentId: PseudonymousId('The new enrolment'),
      replacementCitizenId: PseudonymousId('The new participant'),
      replacedOn: IsoDate('Date the replacement started'),
    },
    { additionalProperties: false },
  ),
  keyOf: byProject,
});

export const PROJECT_EVENTS = [
  ProjectCreated,
  ProjectChanged,
  ProjectGoalsDefined,
  PartnerJoined,
  InformationMeetingHeld,
  CompanyVisitHeld,
  ParticipantEnrolled,
  PhaseStarted,
  PhaseCompleted,
  MilestoneReached,
  ParticipantLeft,
  ParticipantReplaced,
] as const;
