/**
 * Copenhagen wall-clock time for the desks: opening hours are local times ('HH:MM') on local
 * dates, and the instants they stand for move with daylight saving. Pure functions, no clock.
 * (Services may not import each other, so this repeats caseload's few lines on dates.)
 */
import { copenhagenDateOf, DATE_TIME_WITH_OFFSET_PATTERN, ISO_DATE_PATTERN, LOCAL_TIME_PATTERN } from '@fremskudt/service-kit';

export { DATE_TIME_WITH_OFFSET_PATTERN, ISO_DATE_PATTERN, LOCAL_TIME_PATTERN };

export const COPENHAGEN_TIME_ZONE = 'Europe/Copenhagen';

export type IsoDate = string;
/** A local time of day 'HH:MM', 00:00-23:59. */
export type LocalTime = string;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;

const wallClockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: COPENHAGEN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockOf(instant: Date): WallClock {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError(`not a valid instant: ${String(instant)}`);
  const parts = Object.fromEntries(wallClockFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** Minutes Copenhagen is ahead of UTC at the instant: 60 (CET) or 120 (CEST). */
export function copenhagenOffsetMinutes(instant: Date): number {
  const wall = wallClockOf(instant);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000) / MS_PER_MINUTE);
}

/** The Copenhagen calendar date of an instant (the platform's one definition, in service-kit). */
export { copenhagenDateOf };

/** The Copenhagen wall-clock time 'HH:MM' of an instant. */
export function copenhagenTimeOf(instant: Date): LocalTime {
  const wall = wallClockOf(instant);
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** The instant as ISO 8601 in Copenhagen time with its offset, e.g. 2026-03-30T09:30:00+02:00. */
export function formatCopenhagen(instant: Date): string {
  const wall = wallClockOf(instant);
  const offset = copenhagenOffsetMinutes(instant);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

function parseDate(date: IsoDate): [number, number, number] {
  const match = typeof date === 'string' && ISO_DATE_PATTERN.test(date) ? date.split('-').map(Number) : null;
  if (!match) throw new RangeError(`not a calendar date YYYY-MM-DD: ${JSON.stringify(date)}`);
  const [year, month, day] = match;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`not a calendar date YYYY-MM-DD: ${JSON.stringify(date)}`);
  }
  return [year, month, day];
}

function parseTime(time: LocalTime): [number, number] {
  if (typeof time !== 'string' || !LOCAL_TIME_PATTERN.test(time)) throw new RangeError(`not a local time HH:MM: ${JSON.stringify(time)}`);
  const [hour, minute] = time.split(':').map(Number);
  return [hour, minute];
}

/**
 * The instant of a Copenhagen wall-clock time on a date. In the autumn hour that happens twice
 * (02:00-02:59 on the last Sunday of October) the first, summer-time one is taken; a time in
 * the spring gap (02:00-02:59 on the last Sunday of March) does not exist and moves forward an hour.
 */
export function copenhagenInstant(date: IsoDate, time: LocalTime): Date {
  const [year, month, day] = parseDate(date);
  const [hour, minute] = parseTime(time);
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets in force a day either side: the same twice, except around a change.
  const offsetBefore = copenhagenOffsetMinutes(new Date(wallAsUtc - MS_PER_DAY));
  const offsetAfter = copenhagenOffsetMinutes(new Date(wallAsUtc + MS_PER_DAY));
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => ({ offset, instant: wallAsUtc - offset * MS_PER_MINUTE }))
    .filter(({ offset, instant }) => copenhagenOffsetMinutes(new Date(instant)) === offset)
    .map(({ instant }) => instant)
    .sort((a, b) => a - b);
  if (candidates.length) return new Date(candidates[0]);
  // In the spring gap: read the wall time with the offset before the change (02:30 → 03:30 summer time).
  return new Date(wallAsUtc - offsetBefore * MS_PER_MINUTE);
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const [year, month, day] = parseDate(date);
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (0 when equal; negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = parseDate(from);
  const [y2, m2, d2] = parseDate(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / MS_PER_DAY);
}

export function isCalendarDate(value: unknown): value is IsoDate {
  try {
    parseDate(value as string);
    return true;
  } catch {
    return false;
  }
}

/** Minutes since midnight of a local time 'HH:MM'. */
export const minutesOf = (time: LocalTime): number => {
  const [hour, minute] = parseTime(time);
  return hour * 60 + minute;
};

export const copenhagenToday = (now = new Date()): IsoDate => copenhagenDateOf(now);
