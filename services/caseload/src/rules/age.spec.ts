import { ageOn, isInJobPlanAgeRange } from './age';
import { InvalidIsoDateError } from './iso-date';

describe('ageOn', () => {
  it.each([
    // [birth date, on, age, why]
    ['1990-06-15', '2008-06-14', 17, 'the day before the 18th birthday'],
    ['1990-06-15', '2008-06-15', 18, 'on the 18th birthday'],
    ['1990-06-15', '2008-06-16', 18, 'the day after'],
    ['1990-12-31', '2008-12-30', 17, 'birthday on New Year\'s Eve, the day before'],
    ['1990-12-31', '2008-12-31', 18, 'birthday on New Year\'s Eve'],
    ['1990-12-31', '2009-01-01', 18, 'the next year begins'],
    ['1990-01-01', '2007-12-31', 17, 'birthday on New Year\'s Day, the day before'],
    ['1990-01-01', '2008-01-01', 18, 'birthday on New Year\'s Day'],
    ['2000-02-29', '2018-02-28', 17, 'born 29 Feb: not yet on 28 Feb of a non-leap year'],
    ['2000-02-29', '2018-03-01', 18, 'born 29 Feb: the birthday counts from 1 Mar in a non-leap year'],
    ['2000-02-29', '2020-02-28', 19, 'born 29 Feb: the day before the birthday in a leap year'],
    ['2000-02-29', '2020-02-29', 20, 'born 29 Feb: on the birthday in a leap year'],
    ['2000-02-29', '2001-02-28', 0, 'born 29 Feb: not one on 28 Feb'],
    ['2000-02-29', '2001-03-01', 1, 'born 29 Feb: one on 1 Mar'],
    ['2000-02-28', '2001-02-28', 1, 'born 28 Feb'],
    ['2000-03-01', '2004-02-29', 3, 'born 1 Mar, on a leap day'],
    ['2000-03-01', '2004-03-01', 4, 'born 1 Mar, on the birthday'],
    ['1965-05-20', '1965-05-20', 0, 'the day of birth'],
    ['1965-05-20', '2025-05-19', 59, 'the day before the 60th birthday'],
    ['1965-05-20', '2025-05-20', 60, 'the 60th birthday'],
  ])('born %s, on %s: %i (%s)', (birth, on, age) => expect(ageOn(birth, on)).toBe(age));

  it('counts the birthdays passed, for many birth dates and every day over 25 years', () => {
    // Stated differently: the number of anniversaries on or before the date, where the
    // anniversary of 29 February in a non-leap year is 1 March.
    const isRealDate = (iso: string) => {
      const [y, m, d] = iso.split('-').map(Number);
      return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d; // Date.UTC rolls 29 Feb over into March
    };
    const birthdaysPassed = (birth: string, on: string) => {
      let count = 0;
      for (let year = Number(birth.slice(0, 4)) + 1; year <= Number(on.slice(0, 4)); year++) {
        const sameDay = `${year}${birth.slice(4)}`;
        if ((isRealDate(sameDay) ? sameDay : `${year}-03-01`) <= on) count++;
      }
      return count;
    };
    const births = ['1999-02-28', '2000-02-29', '2000-03-01', '1999-12-31', '2000-01-01', '1996-02-29', '1998-07-15'];
    const disagreements: string[] = [];
    for (let t = Date.UTC(2000, 2, 1); t <= Date.UTC(2025, 11, 31); t += 86_400_000) {
      const on = new Date(t).toISOString().slice(0, 10);
      for (const birth of births) {
        if (ageOn(birth, on) !== birthdaysPassed(birth, on)) disagreements.push(`${birth} on ${on}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('refuses a date before birth', () => expect(() => ageOn('1990-06-15', '1990-06-14')).toThrow(RangeError));

  it('refuses invalid dates', () => {
    expect(() => ageOn('1990-02-29', '2020-01-01')).toThrow(InvalidIsoDateError);
    expect(() => ageOn('1990-01-01', '2020-1-1')).toThrow(InvalidIsoDateError);
  });
});

describe('isInJobPlanAgeRange (18-60 inclusive)', () => {
  it.each([
    ['1990-06-15', '2008-06-14', false, '17, the day before turning 18'],
    ['1990-06-15', '2008-06-15', true, 'the 18th birthday'],
    ['1990-06-15', '2030-01-01', true, '39'],
    ['1990-06-15', '2050-06-15', true, 'the 60th birthday'],
    ['1990-06-15', '2051-06-14', true, 'still 60, the day before turning 61'],
    ['1990-06-15', '2051-06-15', false, 'the 61st birthday'],
    ['2000-02-29', '2018-02-28', false, 'born 29 Feb, 17 on 28 Feb'],
    ['2000-02-29', '2018-03-01', true, 'born 29 Feb, 18 on 1 Mar'],
    ['2000-02-29', '2061-02-28', true, 'born 29 Feb, still 60 on 28 Feb'],
    ['2000-02-29', '2061-03-01', false, 'born 29 Feb, 61 on 1 Mar'],
  ])('born %s, on %s: %s (%s)', (birth, on, inRange) => expect(isInJobPlanAgeRange(birth, on)).toBe(inRange));
});
