import { Localised } from '../read-models/fact-catalog';

/** A goal's period: a calendar year, half-year, quarter or month, or a date range. */
export const PERIOD_TYPES = ['year', 'half-year', 'quarter', 'month', 'range'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export interface GoalPeriod {
  type: PeriodType;
  year?: number;
  half?: number;
  quarter?: number;
  month?: number;
  from?: string;
  to?: string;
}

/** First and last day, both included. */
export interface DateRange {
  from: string;
  to: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthRange = (year: number, firstMonth: number, months: number): DateRange => {
  const lastMonth = firstMonth + months - 1;
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDayOf(year, lastMonth))}` };
};

/** The period's first and last day. Assumes a checked period (see periodProblems). */
export function periodRange(period: GoalPeriod): DateRange {
  const year = period.year!;
  switch (period.type) {
    case 'year':
      return monthRange(year, 1, 12);
    case 'half-year':
      return monthRange(year, period.half === 2 ? 7 : 1, 6);
    case 'quarter':
      return monthRange(year, (period.quarter! - 1) * 3 + 1, 3);
    case 'month':
      return monthRange(year, period.month!, 1);
    case 'range':
      return { from: period.from!, to: period.to! };
  }
}

/** What is wrong with a period, as field (under `period`) and reason; empty when it is one of the five forms. */
export function periodProblems(period: GoalPeriod): Array<{ field: string; message: Localised }> {
  const problems: Array<{ field: string; message: Localised }> = [];
  const needsYear = period.type !== 'range';
  const expect = (field: keyof GoalPeriod, ok: boolean, da: string, en: string) => {
    if (!ok) problems.push({ field, message: { da, en } });
  };
  const isInt = (value: unknown, min: number, max: number) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
  if (needsYear) expect('year', isInt(period.year, 1990, 2100), 'skal være et årstal 1990-2100', 'must be a year 1990-2100');
  if (period.type === 'half-year') expect('half', isInt(period.half, 1, 2), 'skal være 1 eller 2', 'must be 1 or 2');
  if (period.type === 'quarter') expect('quarter', isInt(period.quarter, 1, 4), 'skal være 1-4', 'must be 1-4');
  if (period.type === 'month') expect('month', isInt(period.month, 1, 12), 'skal være 1-12', 'must be 1-12');
  if (period.type === 'range') {
    expect('from', isCalendarDate(period.from), 'skal være en dato (ÅÅÅÅ-MM-DD)', 'must be a date (YYYY-MM-DD)');
    expect('to', isCalendarDate(period.to), 'skal være en dato (ÅÅÅÅ-MM-DD)', 'must be a date (YYYY-MM-DD)');
    if (isCalendarDate(period.from) && isCalendarDate(period.to)) expect('to', period.to >= period.from, 'må ikke være før from', 'must not be before from');
  }
  // A field that belongs to another form would be silently ignored: refuse it instead.
  const allowed: Record<PeriodType, Array<keyof GoalPeriod>> = {
    year: ['year'],
    'half-year': ['year', 'half'],
    quarter: ['year', 'quarter'],
    month: ['year', 'month'],
    range: ['from', 'to'],
  };
  for (const field of ['year', 'half', 'quarter', 'month', 'from', 'to'] as const) {
    if (period[field] !== undefined && !allowed[period.type].includes(field)) {
      problems.push({ field, message: { da: `hører ikke til perioden ${period.type}`, en: `does not belong to a ${period.type} period` } });
    }
  }
  return problems;
}

const MONTHS_DA = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const danishDate = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return `${day}.${month}.${year}`;
};

/** The period as the committee reports write it. */
export function periodLabel(period: GoalPeriod): Localised {
  const year = period.year!;
  switch (period.type) {
    case 'year':
      return { da: String(year), en: String(year) };
    case 'half-year':
      return { da: `${period.half}. halvår ${year}`, en: `H${period.half} ${year}` };
    case 'quarter':
      return { da: `${period.quarter}. kvartal ${year}`, en: `Q${period.quarter} ${year}` };
    case 'month':
      return { da: `${MONTHS_DA[period.month! - 1]} ${year}`, en: `${MONTHS_EN[period.month! - 1]} ${year}` };
    case 'range':
      return { da: `${danishDate(period.from!)}-${danishDate(period.to!)}`, en: `${period.from} to ${period.to}` };
  }
}

/** Days in a range, both ends included. */
export function daysIn(range: DateRange): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * Months in a range for per-month rates: whole calendar months count as one each; otherwise
 * days over the average month length (365.25 / 12).
 */
export function monthsIn(range: DateRange): number {
  const [fromYear, fromMonth, fromDay] = range.from.split('-').map(Number);
  const [toYear, toMonth, toDay] = range.to.split('-').map(Number);
  if (fromDay === 1 && toDay === lastDayOf(toYear, toMonth)) return (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
  return daysIn(range) / (365.25 / 12);
}

/** Whether two ranges share a day. */
export const overlaps = (a: DateRange, b: DateRange): boolean => a.from <= b.to && b.from <= a.to;
