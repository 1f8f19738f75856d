import {
  addCalendarMonths,
  addDays,
  compareIsoDates,
  copenhagenDateOf,
  daysInMonth,
  formatIsoDate,
  InvalidIsoDateError,
  isLeapYear,
  isoWeekday,
  parseIsoDate,
} from './iso-date';

describe('isLeapYear and daysInMonth', () => {
  it.each([
    [2024, true, 'divisible by 4'],
    [2025, false, 'not divisible by 4'],
    [2000, true, 'divisible by 400'],
    [1900, false, 'divisible by 100, not by 400'],
    [2100, false, 'divisible by 100, not by 400'],
  ])('%i leap: %s (%s)', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });

  it('gives 30 days to April, June, September and November and 31 to the others', () => {
    const lengths = Array.from({ length: 12 }, (_, i) => daysInMonth(2025, i + 1));
    expect(lengths).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });
});

describe('parseIsoDate and formatIsoDate', () => {
  it.each(['2025-01-01', '2024-02-29', '2000-02-29', '2025-12-31', '0050-06-15', '9999-12-31'])('%s round-trips at UTC midnight', (iso) => {
    const date = parseIsoDate(iso);
    expect(date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() + date.getUTCMilliseconds()).toBe(0);
    expect(formatIsoDate(date)).toBe(iso);
  });

  it.each([
    '2025-02-29',
    '1900-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-01',
    '2025-01-00',
    '2025-01-32',
    '2025-1-01',
    '25-01-01',
    '2025/01/01',
    '2025-01-01T00:00:00Z',
    ' 2025-01-01',
    '',
    null,
    undefined,
    20250101,
  ])('refuses %p', (value) => expect(() => parseIsoDate(value as string)).toThrow(InvalidIsoDateError));
});

describe('addDays', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2025-03-30', 1, '2025-03-31'], // the EU daylight-saving change does not matter
    ['2025-10-26', 1, '2025-10-27'],
    ['2025-01-01', 365, '2026-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2025-06-15', 0, '2025-06-15'],
  ])('%s + %i days = %s', (from, days, to) => expect(addDays(from, days)).toBe(to));

  it('refuses a fractional number of days', () => expect(() => addDays('2025-01-01', 0.5)).toThrow(RangeError));
});

describe('addCalendarMonths', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-30', 1, '2025-02-28'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2025-08-31', 3, '2025-11-30'],
    ['2025-12-31', 1, '2026-01-31'],
    ['2025-12-15', 13, '2027-01-15'],
    ['2025-08-31', -6, '2025-02-28'],
    ['2024-08-31', -6, '2024-02-29'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-01-15', -1, '2024-12-15'],
    ['2025-01-15', -13, '2023-12-15'],
    ['2025-01-31', 0, '2025-01-31'],
  ])('%s + %i months = %s', (from, months, to) => expect(addCalendarMonths(from, months)).toBe(to));

  it('lands in the target month on the same day, or on its last day when that is shorter, for every day of 2023-2025', () => {
    const wrong: string[] = [];
    for (let t = Date.UTC(2023, 0, 1); t <= Date.UTC(2025, 11, 31); t += 86_400_000) {
      const from = new Date(t);
      for (const months of [-12, -6, -1, 1, 3, 6, 12, 25]) {
        const target = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 1));
        const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
        target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
        const fromIso = from.toISOString().slice(0, 10);
        if (addCalendarMonths(fromIso, months) !== target.toISOString().slice(0, 10)) wrong.push(`${fromIso} ${months}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a fractional number of months', () => expect(() => addCalendarMonths('2025-01-01', 1.5)).toThrow(RangeError));
});

describe('compareIsoDates', () => {
  it.each([
    ['2025-01-01', '2025-01-02', -1],
    ['2025-01-02', '2025-01-01', 1],
    ['2025-01-01', '2025-01-01', 0],
    ['2024-12-31', '2025-01-01', -1],
  ])('%s vs %s: %i', (a, b, sign) => expect(Math.sign(compareIsoDates(a, b))).toBe(sign));

  it('refuses invalid dates', () => expect(() => compareIsoDates('2025-01-01', '2025-1-2')).toThrow(InvalidIsoDateError));
});

describe('isoWeekday', () => {
  it.each([
    ['2025-06-02', 1, 'Monday'],
    ['2025-06-05', 4, 'Thursday'],
    ['2025-06-07', 6, 'Saturday'],
    ['2025-06-08', 7, 'Sunday'],
    ['2024-02-29', 4, 'Thursday'],
    ['2000-01-01', 6, 'Saturday'],
  ])('%s is %i (%s)', (date, weekday) => expect(isoWeekday(date)).toBe(weekday));
});

describe('copenhagenDateOf', () => {
  it.each([
    ['2025-01-15T12:00:00Z', '2025-01-15', 'midday'],
    ['2025-01-15T22:59:59Z', '2025-01-15', 'winter (CET, UTC+1): 23:59:59 in Copenhagen'],
    ['2025-01-15T23:00:00Z', '2025-01-16', 'winter: midnight in Copenhagen is 23:00 UTC'],
    ['2025-06-30T21:59:59Z', '2025-06-30', 'summer (CEST, UTC+2): 23:59:59 in Copenhagen'],
    ['2025-06-30T22:00:00Z', '2025-07-01', 'summer: midnight in Copenhagen is 22:00 UTC'],
    ['2025-12-31T23:30:00Z', '2026-01-01', 'already New Year in Copenhagen'],
    ['2024-02-28T23:00:00Z', '2024-02-29', 'onto a leap day'],
    ['2025-03-29T23:30:00Z', '2025-03-30', 'the night clocks go forward'],
    ['2025-10-25T22:30:00Z', '2025-10-26', 'the night clocks go back, before the change'],
    ['2025-10-26T22:59:59Z', '2025-10-26', 'the day clocks went back, back on CET'],
  ])('%s is %s in Copenhagen (%s)', (instant, date) => expect(copenhagenDateOf(new Date(instant))).toBe(date));

  it('refuses an invalid instant', () => expect(() => copenhagenDateOf(new Date('not a date'))).toThrow(RangeError));
});
