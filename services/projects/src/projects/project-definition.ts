import type {
  BenefitType,
  CohortOutcome,
  ExitReason,
  GoalDirection,
  LanguageRequirement,
  MilestoneKind,
  PhaseCompletion,
  PlacementType,
  Readiness,
  TargetGender,
} from '@fremskudt/contracts';
import type { FieldProblem } from '@fremskudt/service-kit';

/**
 * A project's definition as plain data, and the rules across its parts that a single field's
 * validation can't see: unique codes, milestones that complete phases, ages in order. Pure: the
 * API, the templates and the tests share it.
 */

/** Who may be enrolled. Empty lists mean "any"; see libs/contracts projects.stream for what is checked. */
export interface Eligibility {
  minAge: number | null;
  maxAge: number | null;
  genders: TargetGender[];
  languageRequirement: LanguageRequirement;
  benefitTypes: BenefitType[];
  readiness: Readiness[];
  areaCodes: string[];
  matchGroups: number[];
  steps: number[];
}

export const OPEN_ELIGIBILITY: Eligibility = Object.freeze({
  minAge: null,
  maxAge: null,
  genders: [],
  languageRequirement: 'any',
  benefitTypes: [],
  readiness: [],
  areaCodes: [],
  matchGroups: [],
  steps: [],
}) as Eligibility;

export interface PhaseDefinition {
  code: string;
  name: string;
  plannedWeeks: number | null;
  completedBy: PhaseCompletion;
  /** Only for `completedBy: 'milestone'`: reaching it (an exam: passing it) completes the phase. */
  completionMilestoneCode: string | null;
}

export interface MilestoneDefinition {
  code: string;
  name: string;
  kind: MilestoneKind;
  phaseCode: string | null;
}

/** A cohort goal of the project, handed to reporting (ProjectGoalsDefined); names stay here. */
export interface CohortGoalDefinition {
  code: string;
  nameDa: string;
  nameEn: string;
  outcome: CohortOutcome;
  placementTypes: PlacementType[];
  exitReasons: ExitReason[];
  windowWeeks: number;
  targetPercent: number;
  direction: GoalDirection;
}

/**
 * What counts as reaching each outcome when a goal does not say: a company placement is an
 * internship or a wage-subsidy job ("virksomhedsplacering"); job or education is an ordinary,
 * part-time or flex job, or an exit from benefit to job, education or flex job.
 */
export const OUTCOME_DEFAULTS: Record<CohortOutcome, { placementTypes: PlacementType[]; exitReasons: ExitReason[] }> = {
  'company-placement': { placementTypes: ['company-internship', 'wage-subsidy-job'], exitReasons: [] },
  'job-or-education': { placementTypes: ['ordinary-job', 'part-time-job', 'flex-job'], exitReasons: ['job', 'education', 'flex-job'] },
};

export interface ProjectDefinition {
  startDate: string;
  endDate: string | null;
  eligibility: Eligibility;
  phases: PhaseDefinition[];
  milestones: MilestoneDefinition[];
  goals: CohortGoalDefinition[];
}

const duplicates = (codes: readonly string[]): Set<number> => {
  const seen = new Map<string, number>();
  const repeated = new Set<number>();
  codes.forEach((code, index) => {
    if (seen.has(code)) repeated.add(index);
    else seen.set(code, index);
  });
  return repeated;
};

/** The phase rules alone (a change of the phases is checked against the milestones in force). */
export function phaseProblems(phases: readonly PhaseDefinition[], milestones: readonly MilestoneDefinition[], field = 'phases'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const milestoneCodes = new Set(milestones.map((milestone) => milestone.code));
  const repeated = duplicates(phases.map((phase) => phase.code));
  phases.forEach((phase, index) => {
    const at = `${field}.${index}`;
    if (repeated.has(index)) problems.push({ field: `${at}.code`, code: 'duplicate', message: `phase ${phase.code} is listed twice` });
    if (phase.completedBy === 'milestone') {
      if (!phase.completionMilestoneCode) {
        problems.push({ field: `${at}.completionMilestoneCode`, code: 'requiredForMilestone', message: 'is required when the phase is completed by a milestone' });
      } else if (!milestoneCodes.has(phase.completionMilestoneCode)) {
        problems.push({ field: `${at}.completionMilestoneCode`, code: 'unknownMilestone', message: `${phase.completionMilestoneCode} is not a milestone of the project` });
      }
    } else if (phase.completionMilestoneCode) {
      problems.push({ field: `${at}.completionMilestoneCode`, code: 'onlyForMilestone', message: 'is only for a phase completed by a milestone' });
    }
  });
  return problems;
}

export function milestoneProblems(milestones: readonly MilestoneDefinition[], phases: readonly PhaseDefinition[], field = 'milestones'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const phaseCodes = new Set(phases.map((phase) => phase.code));
  const repeated = duplicates(milestones.map((milestone) => milestone.code));
  milestones.forEach((milestone, index) => {
    const at = `${field}.${index}`;
    if (repeated.has(index)) problems.push({ field: `${at}.code`, code: 'duplicate', message: `milestone ${milestone.code} is listed twice` });
    if (milestone.phaseCode && !phaseCodes.has(milestone.phaseCode)) {
      problems.push({ field: `${at}.phaseCode`, code: 'unknownPhase', message: `${milestone.phaseCode} is not a phase of the project` });
    }
  });
  return problems;
}

export function eligibilityProblems(eligibility: Eligibility, field = 'eligibility'): FieldProblem[] {
  if (eligibility.minAge !== null && eligibility.maxAge !== null && eligibility.maxAge < eligibility.minAge) {
    return [{ field: `${field}.maxAge`, code: 'ageOrder', message: 'must not be below minAge' }];
  }
  return [];
}

export function goalProblems(goals: readonly CohortGoalDefinition[], field = 'goals'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const repeated = duplicates(goals.map((goal) => goal.code));
  goals.forEach((goal, index) => {
    const at = `${field}.${index}`;
    if (repeated.has(index)) problems.push({ field: `${at}.code`, code: 'duplicate', message: `goal ${goal.code} is listed twice` });
    if (goal.placementTypes.length === 0 && goal.exitReasons.length === 0) {
      problems.push({ field: `${at}.placementTypes`, code: 'nothingCounts', message: 'give placement types or exit reasons that count as reached' });
    }
  });
  return problems;
}

/** Every problem of a whole definition, each naming its field; empty when it is sound. */
export function definitionProblems(definition: ProjectDefinition): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (definition.endDate !== null && definition.endDate < definition.startDate) {
    problems.push({ field: 'endDate', code: 'dateOrder', message: 'must not be before startDate' });
  }
  problems.push(
    ...eligibilityProblems(definition.eligibility),
    ...phaseProblems(definition.phases, definition.milestones),
    ...milestoneProblems(definition.milestones, definition.phases),
    ...goalProblems(definition.goals),
  );
  return problems;
}
