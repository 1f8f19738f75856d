import { addDays, copenhagenDateOf, copenhagenInstant, IsoDate, isoWeekday, LocalTime } from './copenhagen-time';

/**
 * A desk's calendar: its weekly schedule, minus the days it is closed, plus extra sessions.
 * Pure: the service loads the schedule and exceptions and asks these functions.
 */

/** One weekly opening: weekday 1 = Monday ... 7 = Sunday, local times 'HH:MM'. */
export interface WeeklyOpening {
  weekday: number;
  opens: LocalTime;
  closes: LocalTime;
}

export const EXCEPTION_KINDS = ['closed', 'extra'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

/** A closed day (the weekly sessions of that date do not happen) or an extra session on a date. */
export interface ScheduleException {
  id: string;
  date: IsoDate;
  kind: ExceptionKind;
  opens: LocalTime | null;
  closes: LocalTime | null;
  reason: string | null;
}

export interface PlannedSession {
  date: IsoDate;
  opens: LocalTime;
  closes: LocalTime;
  startsAt: Date;
  endsAt: Date;
  /** From an extra-session exception rather than the weekly schedule. */
  extra: boolean;
  exceptionId: string | null;
}

export interface CalendarDay {
  date: IsoDate;
  weekday: number;
  closed: boolean;
  closedReason: string | null;
  sessions: PlannedSession[];
}

/** A problem with one field of a weekly schedule (the path as the validation pipe names it). */
export interface ScheduleProblem {
  field: string;
  code: string;
  message: string;
}

/**
 * A staffed desk may open a little before the planned time (staff set up, the first citizens
 * are at the door): an opening this many minutes before a planned session is that session.
 */
export const EARLY_OPENING_MINUTES = 30;

/** A session opened outside the calendar (extra=true) is planned to last as long as the usual session. */
export const EXTRA_SESSION_HOURS = 3;

const overlapping = (a: { opens: LocalTime; closes: LocalTime }, b: { opens: LocalTime; closes: LocalTime }) => a.opens < b.closes && b.opens < a.closes;

/** Closes after opens, and no two openings of one weekday overlap. Valid 'HH:MM' strings compare in time order. */
export function weeklyScheduleProblems(weekly: readonly WeeklyOpening[], field = 'weekly'): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  weekly.forEach((opening, index) => {
    if (opening.closes <= opening.opens) {
      problems.push({ field: `${field}.${index}.closes`, code: 'closesAfterOpens', message: 'must be after opens' });
      return;
    }
    const clash = weekly.findIndex(
      (other, otherIndex) => otherIndex < index && other.weekday === opening.weekday && other.closes > other.opens && overlapping(other, opening),
    );
    if (clash >= 0) {
      problems.push({ field: `${field}.${index}.opens`, code: 'noOverlap', message: `overlaps ${field}.${clash} on the same weekday` });
    }
  });
  return problems;
}

/** The weekly schedule in a stable order: by weekday, then opening time. */
export const sortWeekly = <T extends WeeklyOpening>(weekly: readonly T[]): T[] =>
  [...weekly].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));

const planned = (date: IsoDate, opens: LocalTime, closes: LocalTime, exception: ScheduleException | null): PlannedSession => ({
  date,
  opens,
  closes,
  startsAt: copenhagenInstant(date, opens),
  endsAt: copenhagenInstant(date, closes),
  extra: exception !== null,
  exceptionId: exception?.id ?? null,
});

/** One date of the calendar: weekly sessions unless the day is closed, plus that date's extra sessions. */
export function calendarDay(weekly: readonly WeeklyOpening[], exceptions: readonly ScheduleException[], date: IsoDate): CalendarDay {
  const weekday = isoWeekday(date);
  const ofDay = exceptions.filter((exception) => exception.date === date);
  const closedDay = ofDay.find((exception) => exception.kind === 'closed') ?? null;
  const regular = closedDay ? [] : weekly.filter((opening) => opening.weekday === weekday).map((opening) => planned(date, opening.opens, opening.closes, null));
  const extras = ofDay
    .filter((exception) => exception.kind === 'extra' && exception.opens && exception.closes)
    .map((exception) => planned(date, exception.opens!, exception.closes!, exception));
  return {
    date,
    weekday,
    closed: closedDay !== null,
    closedReason: closedDay?.reason ?? null,
    sessions: [...regular, ...extras].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
  };
}

/** The days from `from` to `to` (inclusive) that have a planned session or are closed by an exception. */
export function calendar(weekly: readonly WeeklyOpening[], exceptions: readonly ScheduleException[], from: IsoDate, to: IsoDate): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const day = calendarDay(weekly, exceptions, date);
    if (day.closed || day.sessions.length) days.push(day);
  }
  return days;
}

export type SessionFit =
  | { kind: 'planned'; date: IsoDate; session: PlannedSession }
  | { kind: 'closed-day'; date: IsoDate; reason: string | null }
  | { kind: 'outside'; date: IsoDate };

/**
 * Where an opening at `at` falls in the calendar: a planned session (from up to
 * EARLY_OPENING_MINUTES before it starts until it ends), a closed day, or outside the hours.
 */
export function fitOpening(weekly: readonly WeeklyOpening[], exceptions: readonly ScheduleException[], at: Date): SessionFit {
  const date = copenhagenDateOf(at);
  const day = calendarDay(weekly, exceptions, date);
  const session = day.sessions.find(
    (candidate) => candidate.startsAt.getTime() - EARLY_OPENING_MINUTES * 60_000 <= at.getTime() && at.getTime() < candidate.endsAt.getTime(),
  );
  if (session) return { kind: 'planned', date, session };
  if (day.closed) return { kind: 'closed-day', date, reason: day.closedReason };
  return { kind: 'outside', date };
}

/**
 * Whether an extra session on `date` from `opens` to `closes` would overlap a session the
 * calendar already has that day (weekly ones only when the day is not closed).
 */
export function overlapsCalendar(
  weekly: readonly WeeklyOpening[],
  exceptions: readonly ScheduleException[],
  date: IsoDate,
  opens: LocalTime,
  closes: LocalTime,
): PlannedSession | null {
  return calendarDay(weekly, exceptions, date).sessions.find((session) => overlapping(session, { opens, closes })) ?? null;
}
