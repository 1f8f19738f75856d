import { IsoDate, periodsOverlap } from '../shared/calendar';
import type { PlacementStatus } from './placement.entity';

/**
 * The rule that keeps a citizen from being in two full-time placements at once. A placement is
 * full-time from the tenant's threshold of hours a week (30 unless set). Its period is what is
 * known of it: the actual start, else the planned one, to the actual end, else the planned end,
 * else open-ended. A placement that ended without ever starting never took place.
 */

export interface PlacementDates {
  id: string;
  hoursPerWeek: number;
  status: PlacementStatus;
  plannedStart: IsoDate;
  plannedEnd: IsoDate | null;
  startedOn: IsoDate | null;
  endedOn: IsoDate | null;
}

export interface Period {
  from: IsoDate;
  to: IsoDate | null;
}

export const isFullTime = (hoursPerWeek: number, fullTimeHoursPerWeek: number): boolean => hoursPerWeek >= fullTimeHoursPerWeek;

/** The days a placement takes (or took) up; null for one cancelled before it started. */
export function periodOf(placement: PlacementDates): Period | null {
  if (placement.status === 'ended' && placement.startedOn === null) return null;
  const from = placement.startedOn ?? placement.plannedStart;
  if (placement.endedOn !== null) return { from, to: placement.endedOn };
  // A planned end before the actual start says nothing about when it will end.
  const to = placement.plannedEnd !== null && placement.plannedEnd >= from ? placement.plannedEnd : null;
  return { from, to };
}

/**
 * The first of the citizen's other placements that makes `candidate` a second full-time placement
 * at the same time, or undefined. Part-time placements never clash.
 */
export function fullTimeClash(
  candidate: { hoursPerWeek: number; period: Period },
  others: readonly PlacementDates[],
  fullTimeHoursPerWeek: number,
): PlacementDates | undefined {
  if (!isFullTime(candidate.hoursPerWeek, fullTimeHoursPerWeek)) return undefined;
  return others.find((other) => {
    if (!isFullTime(other.hoursPerWeek, fullTimeHoursPerWeek)) return false;
    const period = periodOf(other);
    return period !== null && periodsOverlap(candidate.period, period);
  });
}

/** Whether any of the placements is a full-time one that takes up `day`. */
export function inFullTimePlacementOn(placements: readonly PlacementDates[], day: IsoDate, fullTimeHoursPerWeek: number): boolean {
  return placements.some((placement) => {
    if (!isFullTime(placement.hoursPerWeek, fullTimeHoursPerWeek)) return false;
    const period = periodOf(placement);
    return period !== null && periodsOverlap(period, { from: day, to: day });
  });
}
