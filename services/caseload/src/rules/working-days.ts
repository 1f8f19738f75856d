import { addDays, assertIsoDate, IsoDate, isoWeekday, parseIsoDate } from './iso-date';

export type DanishPublicHolidayName =
  | "New Year's Day"
  | 'Maundy Thursday'
  | 'Good Friday'
  | 'Easter Sunday'
  | 'Easter Monday'
  | 'Great Prayer Day'
  | 'Ascension Day'
  | 'Whit Sunday'
  | 'Whit Monday'
  | 'Christmas Day'
  | 'Boxing Day';

export interface DanishPublicHoliday {
  date: IsoDate;
  name: DanishPublicHolidayName;
}

/** Great Prayer Day (Store Bededag) was abolished as a public holiday by a 2023 act with effect from 2024; 2023 was its last year. */
export const LAST_YEAR_WITH_GREAT_PRAYER_DAY = 2023;

/** The Gregorian calendar, and so this Easter computation, starts in 1583. */
const FIRST_GREGORIAN_YEAR = 1583;

/** Easter Sunday of a year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  assertCalendarYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The Danish public holidays ("helligdage") of a year, in date order, including the two that
 * always fall on a Sunday. Constitution Day, Christmas Eve and New Year's Eve are not public
 * holidays and so are not listed here; the job centre is nevertheless closed on them, see
 * jobCentreClosingDays. 1 May is neither.
 */
export function danishPublicHolidays(year: number): DanishPublicHoliday[] {
  const easter = easterSunday(year);
  const afterEaster = (days: number, name: DanishPublicHolidayName): DanishPublicHoliday => ({ date: addDays(easter, days), name });
  return [
    { date: `${year}-01-01`, name: "New Year's Day" },
    afterEaster(-3, 'Maundy Thursday'),
    afterEaster(-2, 'Good Friday'),
    afterEaster(0, 'Easter Sunday'),
    afterEaster(1, 'Easter Monday'),
    // The fourth Friday after Easter.
    ...(year <= LAST_YEAR_WITH_GREAT_PRAYER_DAY ? [afterEaster(26, 'Great Prayer Day')] : []),
    afterEaster(39, 'Ascension Day'),
    afterEaster(49, 'Whit Sunday'),
    afterEaster(50, 'Whit Monday'),
    { date: `${year}-12-25`, name: 'Christmas Day' },
    { date: `${year}-12-26`, name: 'Boxing Day' },
  ];
}

export type JobCentreClosingDayName = 'Constitution Day' | 'Christmas Eve' | "New Year's Eve";

export interface JobCentreClosingDay {
  date: IsoDate;
  name: JobCentreClosingDayName;
}

/**
 * Days that are not public holidays but on which the job centre does not work: Constitution Day
 * (5 June), Christmas Eve (24 Dec) and New Year's Eve (31 Dec). They are days off for municipal
 * staff under the collective agreements and by custom, so no consultant is there to follow up a
 * no-show on them; a deadline counted in working days must not land on them or count them.
 * This is the job centre's choice, not law: keep it separate from danishPublicHolidays.
 */
export function jobCentreClosingDays(year: number): JobCentreClosingDay[] {
  assertCalendarYear(year);
  return [
    { date: `${year}-06-05`, name: 'Constitution Day' },
    { date: `${year}-12-24`, name: 'Christmas Eve' },
    { date: `${year}-12-31`, name: "New Year's Eve" },
  ];
}

// Per-year cache: addWorkingDays asks about the same few years over and over.
const holidayDatesByYear = new Map<number, ReadonlySet<IsoDate>>();
const closingDatesByYear = new Map<number, ReadonlySet<IsoDate>>();

function datesOfYear(cache: Map<number, ReadonlySet<IsoDate>>, year: number, list: (year: number) => Array<{ date: IsoDate }>): ReadonlySet<IsoDate> {
  let dates = cache.get(year);
  if (!dates) {
    dates = new Set(list(year).map(({ date }) => date));
    cache.set(year, dates);
  }
  return dates;
}

export function isDanishPublicHoliday(date: IsoDate): boolean {
  return datesOfYear(holidayDatesByYear, parseIsoDate(date).getUTCFullYear(), danishPublicHolidays).has(date);
}

export function isJobCentreClosingDay(date: IsoDate): boolean {
  return datesOfYear(closingDatesByYear, parseIsoDate(date).getUTCFullYear(), jobCentreClosingDays).has(date);
}

/** A working day of the job centre: Monday to Friday, not a Danish public holiday and not a job-centre closing day. */
export function isWorkingDay(date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && !isDanishPublicHoliday(date) && !isJobCentreClosingDay(date);
}

/**
 * The date `n` working days after `date` (before it, when `n` is negative), e.g. the deadline
 * of the follow-up task a no-show creates. `date` itself never counts, so a no-show on a Friday
 * with n = 1 gives the next Monday (or later, over holidays); n = 0 returns `date` unchanged,
 * even when it is not a working day.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer, got ${n}`);
  const step = n < 0 ? -1 : 1;
  assertIsoDate(date);
  let current = date;
  for (let remaining = Math.abs(n); remaining > 0; ) {
    current = addDays(current, step);
    if (isWorkingDay(current)) remaining--;
  }
  return current;
}

/** Gregorian years that fit the four-digit IsoDate. */
function assertCalendarYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_GREGORIAN_YEAR || year > 9999) {
    throw new RangeError(`the calendar rules cover Gregorian years ${FIRST_GREGORIAN_YEAR}-9999, got ${year}`);
  }
}
