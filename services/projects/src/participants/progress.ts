import type { ExamResult, MilestoneKind, PhaseCompletion } from '@fremskudt/contracts';
import type { IsoDate } from '../shared/dates';

/**
 * The rules of a participant's way through a project, as pure decisions: which phase may start or
 * complete on a date, which milestone may be recorded, when leaving and replacing are allowed, and
 * when reaching a milestone completes the phase it ends. A refusal is a 409 code with the reason.
 */

export interface PhaseStep {
  code: string;
  position: number;
  completedBy: PhaseCompletion;
  completionMilestoneCode: string | null;
}

export interface PhaseProgress {
  phaseCode: string;
  startedOn: IsoDate;
  completedOn: IsoDate | null;
  interruptedOn: IsoDate | null;
}

export interface ParticipantState {
  status: 'active' | 'left';
  enrolledOn: IsoDate;
  leftOn: IsoDate | null;
  phases: PhaseProgress[];
}

export interface Refusal {
  code: string;
  detail: string;
}

export interface MilestoneSitting {
  milestoneCode: string;
  result: ExamResult | null;
}

/** The phase the participant is in: started, neither completed nor ended by leaving. */
export const phaseInProgress = (phases: readonly PhaseProgress[]): PhaseProgress | null =>
  phases.find((phase) => phase.completedOn === null && phase.interruptedOn === null) ?? null;

const stillActive = (state: ParticipantState): Refusal | null =>
  state.status === 'left' ? { code: 'participant-left', detail: `The participant left the project on ${state.leftOn}` } : null;

const notBeforeEnrolment = (state: ParticipantState, date: IsoDate): Refusal | null =>
  date < state.enrolledOn ? { code: 'date-before-enrolment', detail: `${date} is before the enrolment on ${state.enrolledOn}` } : null;

/**
 * A phase starts when the participant is active and in no other phase, has not been in it, and
 * has not yet been in a later one (phases run in order; skipping ahead is allowed, as job packages
 * are fitted to the person and a replacement steps into a running phase), on or after the
 * enrolment and the last completed phase.
 */
export function decidePhaseStart(state: ParticipantState, steps: readonly PhaseStep[], phaseCode: string, startedOn: IsoDate): Refusal | null {
  const refusal = stillActive(state) ?? notBeforeEnrolment(state, startedOn);
  if (refusal) return refusal;
  if (state.phases.some((phase) => phase.phaseCode === phaseCode)) {
    return { code: 'phase-already-started', detail: `The participant has already started ${phaseCode}` };
  }
  const current = phaseInProgress(state.phases);
  if (current) return { code: 'phase-in-progress', detail: `The participant is in ${current.phaseCode}; complete it first` };
  const position = new Map(steps.map((step) => [step.code, step.position]));
  const later = state.phases.find((phase) => (position.get(phase.phaseCode) ?? 0) > position.get(phaseCode)!);
  if (later) return { code: 'phase-order', detail: `${phaseCode} comes before ${later.phaseCode}, which the participant has been in` };
  const lastCompleted = state.phases.map((phase) => phase.completedOn).filter((date): date is string => date !== null).sort().at(-1);
  if (lastCompleted && startedOn < lastCompleted) {
    return { code: 'date-before-previous-phase', detail: `${startedOn} is before the previous phase was completed on ${lastCompleted}` };
  }
  return null;
}

export function decidePhaseCompletion(state: ParticipantState, phaseCode: string, completedOn: IsoDate): Refusal | null {
  const refusal = stillActive(state);
  if (refusal) return refusal;
  const phase = state.phases.find((candidate) => candidate.phaseCode === phaseCode);
  if (!phase) return { code: 'phase-not-started', detail: `The participant has not started ${phaseCode}` };
  if (phase.completedOn) return { code: 'phase-already-completed', detail: `${phaseCode} was completed on ${phase.completedOn}` };
  if (completedOn < phase.startedOn) return { code: 'date-before-phase-start', detail: `${completedOn} is before ${phaseCode} started on ${phase.startedOn}` };
  return null;
}

/**
 * A milestone is recorded once per participant, on or after the enrolment; an exam failed may be
 * sat again (each sitting is a record with its result).
 */
export function decideMilestone(state: ParticipantState, milestoneCode: string, earlier: readonly MilestoneSitting[], reachedOn: IsoDate): Refusal | null {
  const refusal = stillActive(state) ?? notBeforeEnrolment(state, reachedOn);
  if (refusal) return refusal;
  const reached = earlier.find((sitting) => sitting.milestoneCode === milestoneCode && sitting.result !== 'failed');
  if (reached) return { code: 'milestone-already-reached', detail: `The participant has already reached ${milestoneCode}` };
  return null;
}

/** The milestone input that only fits some kinds: an exam has a result, a hire or placement may name the companies service's placement. */
export function milestoneInputProblems(kind: MilestoneKind, input: { result?: ExamResult; placementId?: string }) {
  const problems: Array<{ field: string; code: string; message: string }> = [];
  if (kind === 'exam' && !input.result) problems.push({ field: 'result', code: 'requiredForExam', message: 'is required for an exam (passed or failed)' });
  if (kind !== 'exam' && input.result) problems.push({ field: 'result', code: 'onlyForExam', message: 'is only for an exam' });
  if (input.placementId && kind !== 'hired' && kind !== 'placement') {
    problems.push({ field: 'placementId', code: 'onlyForHireOrPlacement', message: 'is only for a hire or a placement milestone' });
  }
  return problems;
}

/** Reaching the milestone that ends the phase in progress (an exam: passing it) completes that phase. */
export function phaseCompletedByMilestone(
  steps: readonly PhaseStep[],
  current: PhaseProgress | null,
  milestoneCode: string,
  result: ExamResult | null,
  reachedOn: IsoDate,
): PhaseProgress | null {
  if (!current || result === 'failed' || reachedOn < current.startedOn) return null;
  const step = steps.find((candidate) => candidate.code === current.phaseCode);
  return step?.completedBy === 'milestone' && step.completionMilestoneCode === milestoneCode ? current : null;
}

export function decideLeave(state: ParticipantState, leftOn: IsoDate): Refusal | null {
  const refusal = stillActive(state) ?? notBeforeEnrolment(state, leftOn);
  if (refusal) return refusal;
  const current = phaseInProgress(state.phases);
  if (current && leftOn < current.startedOn) {
    return { code: 'date-before-phase-start', detail: `${leftOn} is before the phase in progress (${current.phaseCode}) started on ${current.startedOn}` };
  }
  return null;
}

/** Only a participant who left can be replaced, once, by someone enrolled on or after the leaving. */
export function decideReplacement(leaver: ParticipantState, replacedBy: string | null, enrolledOn: IsoDate): Refusal | null {
  if (leaver.status !== 'left') return { code: 'participant-not-left', detail: 'Only a participant who left can be replaced' };
  if (replacedBy) return { code: 'already-replaced', detail: `The participant was already replaced (enrolment ${replacedBy})` };
  if (enrolledOn < leaver.leftOn!) return { code: 'date-before-leaving', detail: `${enrolledOn} is before the participant left on ${leaver.leftOn}` };
  return null;
}
