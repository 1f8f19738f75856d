import { compareIsoDates, IsoDate, isoWeekOf, isOverdue } from '../rules';

/** The ISO week a query is about: its label (2026-W48) and its Monday and Sunday. */
export interface QueryWeek {
  label: string;
  from: IsoDate;
  to: IsoDate;
}

export function queryWeekOf(date: IsoDate): QueryWeek {
  const week = isoWeekOf(date);
  return { label: `${String(week.weekYear).padStart(4, '0')}-W${String(week.week).padStart(2, '0')}`, from: week.monday, to: week.sunday };
}

/**
 * Where a next due interview stands on `date`. Overdue: the due date has passed (on the due date
 * itself it is still in time, as rules.isOverdue). Due this week: the due date falls in the ISO
 * week of `date`, Monday to Sunday, so a date earlier in the week is both (due this week and now overdue).
 */
export function dueStanding(nextDueDate: IsoDate, date: IsoDate): { overdue: boolean; dueThisWeek: boolean } {
  const week = queryWeekOf(date);
  return {
    overdue: isOverdue(nextDueDate, date),
    dueThisWeek: compareIsoDates(nextDueDate, week.from) >= 0 && compareIsoDates(nextDueDate, week.to) <= 0,
  };
}

/**
 * The week list's buckets: `due` when the due date is in the week (Monday-Sunday), `overdue` when
 * it is before the week's Monday, nothing when it is after the Sunday. Disjoint by construction.
 */
export function weekBucket(nextDueDate: IsoDate, week: QueryWeek): 'due' | 'overdue' | null {
  if (compareIsoDates(nextDueDate, week.from) < 0) return 'overdue';
  return compareIsoDates(nextDueDate, week.to) <= 0 ? 'due' : null;
}
