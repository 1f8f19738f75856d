/**
 * Whether one more citizen fits in a consultant's caseload: `within` capacity, `forced-over` it
 * (allowed only when the assignment is forced with a reason), or `full` (refused).
 * A caseload is full when its active citizens already reach the capacity.
 */
export type CapacityDecision = 'within' | 'forced-over' | 'full';

export function capacityDecision(activeCitizens: number, capacity: number, forced: boolean): CapacityDecision {
  if (activeCitizens < capacity) return 'within';
  return forced ? 'forced-over' : 'full';
}
