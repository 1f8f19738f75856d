import type { FieldProblem } from '@fremskudt/service-kit';

/**
 * The pure rules of the statistics: the period asked for and the figures derived from counts.
 * No clock, no database, so they are unit-tested on their own.
 */

/** The longest period of the summary: three years, enough for the yearly and half-yearly goal reports with their comparisons. */
export const MAX_SUMMARY_DAYS = 1096;
/** The longest period of the day-by-day list (one row per desk and opening day). */
export const MAX_DAY_LIST_DAYS = 366;

const MS_PER_DAY = 86_400_000;

/** Days in the inclusive period from `from` to `to` (both calendar dates YYYY-MM-DD): 1 when equal, 0 or less when reversed. */
export function daysInPeriod(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY) + 1;
}

/** What is wrong with a period (already two valid dates), each problem naming `to`. */
export function periodProblems(from: string, to: string, maxDays: number): FieldProblem[] {
  const days = daysInPeriod(from, to);
  if (days < 1) return [{ field: 'to', code: 'dateOrder', message: 'must not be before from' }];
  if (days > maxDays) return [{ field: 'to', code: 'periodTooLong', message: `the period must not be longer than ${maxDays} days` }];
  return [];
}

/** `part / whole` as an average rounded to `decimals`, or null when there is nothing to divide by. */
export function average(part: number, whole: number, decimals = 1): number | null {
  if (whole <= 0) return null;
  return roundTo(part / whole, decimals);
}

/** `part / whole` in percent with one decimal, or null when the whole is empty. */
export function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return roundTo((100 * part) / whole, 1);
}

/** Rounds half away from zero at `decimals` (0.05 → 0.1), unlike toFixed's binary surprises. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.sign(value) * Math.round(Math.abs(value) * factor + Number.EPSILON * factor) / factor;
}

/** Minutes from PostgreSQL's percentile (a double, or null without values), with one decimal. */
export function minutes(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return roundTo(Number(value), 1);
}
