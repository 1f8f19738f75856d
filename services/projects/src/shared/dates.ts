/**
 * Calendar dates as the projects service uses them: `YYYY-MM-DD` strings (Copenhagen dates), no
 * time, no zone. ISO dates compare correctly as strings; arithmetic runs on UTC midnight.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today's date in Copenhagen (the platform's one definition, in service-kit). */
export { copenhagenToday } from '@fremskudt/service-kit';

function parts(date: IsoDate): [number, number, number] {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not a calendar date YYYY-MM-DD: ${JSON.stringify(date)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/**
 * Age in whole years on `date`: a year is completed on the birthday (someone born on 29 February
 * turns a year older on 1 March in other years). Negative when `date` is before the birth.
 */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const [bornYear, bornMonth, bornDay] = parts(birthDate);
  const [year, month, day] = parts(date);
  const birthdayNotYetReached = month < bornMonth || (month === bornMonth && day < bornDay);
  return year - bornYear - (birthdayNotYetReached ? 1 : 0);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = parts(date);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day + days);
  return utc.toISOString().slice(0, 10);
}
