/**
 * Calendar dates as the caseload rules use them: `YYYY-MM-DD` strings, no time, no zone. Legal
 * deadlines are whole days, so arithmetic runs on UTC midnight where daylight-saving changes can
 * never move a date. Every rule takes "today" as a parameter; nothing here reads the clock.
 */
export type IsoDate = string;

export class InvalidIsoDateError extends Error {
  constructor(readonly value: unknown) {
    super(`not a calendar date YYYY-MM-DD: ${JSON.stringify(value)}`);
    this.name = 'InvalidIsoDateError';
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** UTC midnight of an ISO date; throws InvalidIsoDateError for anything but a real YYYY-MM-DD date. */
export function parseIsoDate(value: IsoDate): Date {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) throw new InvalidIsoDateError(value);
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new InvalidIsoDateError(value);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

export function formatIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** Throws InvalidIsoDateError unless `value` is a real YYYY-MM-DD date. */
export function assertIsoDate(value: IsoDate): void {
  parseIsoDate(value);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  assertInteger(days, 'days');
  return formatIsoDate(new Date(parseIsoDate(date).getTime() + days * MS_PER_DAY));
}

/**
 * Calendar-month arithmetic as deadlines are read: the same day number `months` later (or
 * earlier, when negative), clamped to the last day of a shorter month. 31 Jan + 1 = 28/29 Feb,
 * 31 Aug - 6 = 28/29 Feb. Clamping makes it non-reversible: 31 Jan + 1 - 1 = 28/29 Jan.
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  assertInteger(months, 'months');
  const start = parseIsoDate(date);
  const monthIndex = start.getUTCFullYear() * 12 + start.getUTCMonth() + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(start.getUTCDate(), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Negative when `a` is before `b`, zero when equal, positive when after. Validates both. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  assertIsoDate(a);
  assertIsoDate(b);
  // Valid YYYY-MM-DD strings sort in date order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: IsoDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return (((parseIsoDate(date).getUTCDay() + 6) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** The Copenhagen calendar date of an instant (the platform's one definition, in service-kit). */
export { copenhagenDateOf } from '@fremskudt/service-kit';

function assertInteger(value: number, name: string): void {
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
}
