import { addCalendarMonths, addDays, assertIsoDate, compareIsoDates, IsoDate, isoWeekday, parseIsoDate } from './iso-date';

/** Follow-up interviews are due at least every 3 months (kontaktforløb); a tenant may configure another interval. */
export const DEFAULT_INTERVIEW_INTERVAL_MONTHS = 3;

/**
 * When the next follow-up interview is due: `intervalMonths` calendar months after the last
 * interview that was HELD (or after registration when none has been). Summonses that ended in a
 * no-show or a cancellation do not move it; an interview taken early (e.g. in open counselling)
 * does, because the clock restarts from the held date. Month ends clamp: 30 Nov + 3 = 28/29 Feb.
 */
export function nextInterviewDue(lastHeldOrStart: IsoDate, intervalMonths: number = DEFAULT_INTERVIEW_INTERVAL_MONTHS): IsoDate {
  if (!Number.isInteger(intervalMonths) || intervalMonths < 1) {
    throw new RangeError(`interview interval must be a whole number of months >= 1, got ${intervalMonths}`);
  }
  return addCalendarMonths(lastHeldOrStart, intervalMonths);
}

/** Timely ("rettidig"): held on or before its due date. */
export function isTimely(heldDate: IsoDate, dueDate: IsoDate): boolean {
  return compareIsoDates(heldDate, dueDate) <= 0;
}

/** An interview not yet held is overdue from the day after its due date; on the due date it is still in time. */
export function isOverdue(dueDate: IsoDate, today: IsoDate): boolean {
  return compareIsoDates(today, dueDate) > 0;
}

/** An ISO 8601 week: Monday to Sunday, numbered within the year that holds its Thursday. */
export interface IsoWeek {
  /** The ISO week-numbering year; differs from the calendar year around New Year (2024-12-30 is in 2025-W01). */
  weekYear: number;
  /** 1-53. */
  week: number;
  monday: IsoDate;
  sunday: IsoDate;
}

export function isoWeekOf(date: IsoDate): IsoWeek {
  const monday = addDays(date, 1 - isoWeekday(date));
  const thursday = parseIsoDate(addDays(monday, 3));
  const weekYear = thursday.getUTCFullYear();
  const dayOfYear = (thursday.getTime() - parseIsoDate(`${String(weekYear).padStart(4, '0')}-01-01`).getTime()) / 86_400_000;
  return { weekYear, week: Math.floor(dayOfYear / 7) + 1, monday, sunday: addDays(monday, 6) };
}

/** The items due in the ISO week (Monday-Sunday) that holds `dateInWeek`, e.g. for a consultant's weekly plan. */
export function interviewsDueInWeek<T extends { dueDate: IsoDate }>(items: readonly T[], dateInWeek: IsoDate): T[] {
  const { monday, sunday } = isoWeekOf(dateInWeek);
  return items.filter(({ dueDate }) => {
    assertIsoDate(dueDate);
    return dueDate >= monday && dueDate <= sunday;
  });
}
