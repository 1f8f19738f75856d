import { GoalPeriod, periodProblems } from '../goals/periods';

/**
 * A report's period as its address writes it: `2014` (year), `2014-h1` (half-year), `2014-q2`
 * (quarter), `2014-05` (month), or `2016-05-01--2016-09-30` (a range of days, both included).
 * Null when it is none of them, or not a real period (month 13, a range ending before it starts).
 */
export function parseReportPeriod(text: string): GoalPeriod | null {
  let period: GoalPeriod | null = null;
  let match: RegExpMatchArray | null;
  if ((match = text.match(/^(\d{4})$/))) period = { type: 'year', year: Number(match[1]) };
  else if ((match = text.match(/^(\d{4})-h([12])$/))) period = { type: 'half-year', year: Number(match[1]), half: Number(match[2]) };
  else if ((match = text.match(/^(\d{4})-q([1-4])$/))) period = { type: 'quarter', year: Number(match[1]), quarter: Number(match[2]) };
  else if ((match = text.match(/^(\d{4})-(\d{2})$/))) period = { type: 'month', year: Number(match[1]), month: Number(match[2]) };
  else if ((match = text.match(/^(\d{4}-\d{2}-\d{2})--(\d{4}-\d{2}-\d{2})$/))) period = { type: 'range', from: match[1], to: match[2] };
  return period && periodProblems(period).length === 0 ? period : null;
}

/** The last day of the month a date is in: the progression tables start from the period's first month. */
export function endOfMonth(date: string): string {
  const [year, month] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}
