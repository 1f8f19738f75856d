import { compareIsoDates, IsoDate, parseIsoDate } from './iso-date';

/** A job plan is required for everyone aged 18-60 on benefit (the 2007 goal excluded those under 18 or over 60). */
export const JOB_PLAN_MIN_AGE = 18;
export const JOB_PLAN_MAX_AGE = 60;

/**
 * Age in whole years on `date`: a year is completed on the birthday. Someone born on 29 February
 * has their birthday on 1 March in a non-leap year (still 17 on 28 February, 18 on 1 March),
 * which is what comparing month and day gives without special-casing.
 */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  if (compareIsoDates(date, birthDate) < 0) throw new RangeError(`${date} is before the birth date ${birthDate}`);
  const born = parseIsoDate(birthDate);
  const on = parseIsoDate(date);
  const birthdayNotYetReached =
    on.getUTCMonth() < born.getUTCMonth() || (on.getUTCMonth() === born.getUTCMonth() && on.getUTCDate() < born.getUTCDate());
  return on.getUTCFullYear() - born.getUTCFullYear() - (birthdayNotYetReached ? 1 : 0);
}

/** 18 to 60 inclusive: from the 18th birthday up to the day before the 61st. */
export function isInJobPlanAgeRange(birthDate: IsoDate, date: IsoDate): boolean {
  const age = ageOn(birthDate, date);
  return age >= JOB_PLAN_MIN_AGE && age <= JOB_PLAN_MAX_AGE;
}
