import { Localised } from '../read-models/fact-catalog';

/** The statuses of the committee reports, plus not-assessed (nothing to measure yet, or a manual goal nobody has assessed). */
export const GOAL_STATUSES = ['met', 'partly-met', 'not-met', 'not-assessed'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
/** What a person may set on a manual goal. */
export const MANUAL_STATUSES = ['met', 'partly-met', 'not-met'] as const;

export const STATUS_LABELS: Record<GoalStatus, Localised> = {
  met: { da: 'Opfyldt', en: 'Met' },
  'partly-met': { da: 'Delvist opfyldt', en: 'Partly met' },
  'not-met': { da: 'Ikke opfyldt', en: 'Not met' },
  'not-assessed': { da: 'Ikke vurderet', en: 'Not assessed' },
};

/** The tenant default for "partly met": the realised value reaches 75 % of the target. */
export const DEFAULT_PARTIAL_THRESHOLD = 0.75;

/** Relative tolerance of the comparisons: 94.85 % against 90 % must not hinge on the last binary digit. */
const EPSILON = 1e-9;
const atLeast = (value: number, bound: number) => value >= bound - EPSILON * Math.max(1, Math.abs(bound));

export interface StatusInput {
  realised: number | null;
  target: number | null;
  direction: 'at-least' | 'at-most';
  partialThreshold: number;
}

/**
 * The status rule of the brief: met when the target is reached; partly met when the realised
 * value reaches the threshold fraction of the target; otherwise not met.
 *  - at least: met when realised ≥ target; partly met when realised ≥ threshold × target.
 *  - at most (lower is better): met when realised ≤ target; partly met when the target is at
 *    least the threshold fraction of the realised value (realised ≤ target / threshold).
 * Without a realised value or a target (nothing in the denominator, no comparison value) the
 * goal is not assessed.
 */
export function decideStatus({ realised, target, direction, partialThreshold }: StatusInput): GoalStatus {
  if (realised === null || target === null || !Number.isFinite(realised) || !Number.isFinite(target)) return 'not-assessed';
  if (direction === 'at-least') {
    if (atLeast(realised, target)) return 'met';
    return atLeast(realised, partialThreshold * target) ? 'partly-met' : 'not-met';
  }
  if (atLeast(target, realised)) return 'met';
  return atLeast(target, partialThreshold * realised) ? 'partly-met' : 'not-met';
}

/** A milestone holds in every area of its scope: met in all, partly met in some, not met in none. */
export function decideMilestoneStatus(reachedAreas: number, scopedAreas: number): GoalStatus {
  if (scopedAreas === 0) return 'not-assessed';
  if (reachedAreas >= scopedAreas) return 'met';
  return reachedAreas > 0 ? 'partly-met' : 'not-met';
}

/** A relative target: the comparison scope's realised value times the factor, plus the offset. */
export function relativeTarget(comparisonRealised: number | null, factor = 1, offset = 0): number | null {
  return comparisonRealised === null ? null : comparisonRealised * factor + offset;
}

/** A share, or null when the denominator is empty. */
export const shareOf = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);
