import { InvalidIsoDateError, isoWeekday } from './iso-date';
import {
  addWorkingDays,
  danishPublicHolidays,
  easterSunday,
  isDanishPublicHoliday,
  isJobCentreClosingDay,
  isWorkingDay,
  jobCentreClosingDays,
} from './working-days';

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2022, '2022-04-17'],
    [2023, '2023-04-09'],
    [2019, '2019-04-21'],
    [2011, '2011-04-24'],
    [2008, '2008-03-23'],
    [2000, '2000-04-23'],
    [1943, '1943-04-25'], // latest possible date
    [2038, '2038-04-25'], // latest possible date
    [1818, '1818-03-22'], // earliest possible date
    [2285, '2285-03-22'], // earliest possible date
    [1583, '1583-04-10'], // first Gregorian year
  ])('%i: %s', (year, date) => expect(easterSunday(year)).toBe(date));

  it('is always a Sunday from 22 March to 25 April', () => {
    const wrong: string[] = [];
    for (let year = 1583; year <= 3000; year++) {
      const easter = easterSunday(year);
      const inRange = easter >= `${year}-03-22` && easter <= `${year}-04-25`;
      if (isoWeekday(easter) !== 7 || !inRange) wrong.push(easter);
    }
    expect(wrong).toEqual([]);
  });

  it.each([1582, 10000, 2025.5, Number.NaN])('refuses the year %p', (year) => expect(() => easterSunday(year)).toThrow(RangeError));
});

describe('danishPublicHolidays', () => {
  it('2023, the last year with Great Prayer Day', () => {
    expect(danishPublicHolidays(2023)).toEqual([
      { date: '2023-01-01', name: "New Year's Day" },
      { date: '2023-04-06', name: 'Maundy Thursday' },
      { date: '2023-04-07', name: 'Good Friday' },
      { date: '2023-04-09', name: 'Easter Sunday' },
      { date: '2023-04-10', name: 'Easter Monday' },
      { date: '2023-05-05', name: 'Great Prayer Day' },
      { date: '2023-05-18', name: 'Ascension Day' },
      { date: '2023-05-28', name: 'Whit Sunday' },
      { date: '2023-05-29', name: 'Whit Monday' },
      { date: '2023-12-25', name: 'Christmas Day' },
      { date: '2023-12-26', name: 'Boxing Day' },
    ]);
  });

  it('2024, the first year without Great Prayer Day', () => {
    expect(danishPublicHolidays(2024)).toEqual([
      { date: '2024-01-01', name: "New Year's Day" },
      { date: '2024-03-28', name: 'Maundy Thursday' },
      { date: '2024-03-29', name: 'Good Friday' },
      { date: '2024-03-31', name: 'Easter Sunday' },
      { date: '2024-04-01', name: 'Easter Monday' },
      { date: '2024-05-09', name: 'Ascension Day' },
      { date: '2024-05-19', name: 'Whit Sunday' },
      { date: '2024-05-20', name: 'Whit Monday' },
      { date: '2024-12-25', name: 'Christmas Day' },
      { date: '2024-12-26', name: 'Boxing Day' },
    ]);
  });

  it('2025', () => {
    expect(danishPublicHolidays(2025).map(({ date }) => date)).toEqual([
      '2025-01-01',
      '2025-04-17',
      '2025-04-18',
      '2025-04-20',
      '2025-04-21',
      '2025-05-29',
      '2025-06-08',
      '2025-06-09',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it('2026, from the published calendar', () => {
    expect(danishPublicHolidays(2026).map(({ date }) => date)).toEqual([
      '2026-01-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-14',
      '2026-05-24',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('Great Prayer Day is the fourth Friday after Easter, up to 2023', () => {
    expect(danishPublicHolidays(2022)).toContainEqual({ date: '2022-05-13', name: 'Great Prayer Day' });
    for (const year of [2024, 2025, 2030]) {
      expect(danishPublicHolidays(year).map(({ name }) => name)).not.toContain('Great Prayer Day');
    }
  });
});

describe('jobCentreClosingDays', () => {
  it('are Constitution Day, Christmas Eve and New Year\'s Eve, whatever the weekday', () => {
    expect(jobCentreClosingDays(2025)).toEqual([
      { date: '2025-06-05', name: 'Constitution Day' },
      { date: '2025-12-24', name: 'Christmas Eve' },
      { date: '2025-12-31', name: "New Year's Eve" },
    ]);
  });

  it('may coincide with a public holiday: Whit Monday fell on Constitution Day in 2006 and 2017', () => {
    for (const date of ['2006-06-05', '2017-06-05']) {
      expect(danishPublicHolidays(Number(date.slice(0, 4)))).toContainEqual({ date, name: 'Whit Monday' });
      expect(isJobCentreClosingDay(date)).toBe(true);
      expect(isWorkingDay(date)).toBe(false);
    }
    // Counted once: Friday 2 Jun 2017 + 1 working day skips the weekend and Monday 5 Jun.
    expect(addWorkingDays('2017-06-02', 1)).toBe('2017-06-06');
  });

  it.each([1582, 10000, 2025.5, Number.NaN])('refuses the year %p', (year) => expect(() => jobCentreClosingDays(year)).toThrow(RangeError));
});

describe('isDanishPublicHoliday, isJobCentreClosingDay and isWorkingDay', () => {
  it.each([
    // [date, public holiday, job-centre closing day, working day, why]
    ['2025-06-02', false, false, true, 'an ordinary Monday'],
    ['2025-06-07', false, false, false, 'a Saturday'],
    ['2025-06-08', true, false, false, 'Whit Sunday'],
    ['2025-06-09', true, false, false, 'Whit Monday'],
    ['2025-04-17', true, false, false, 'Maundy Thursday'],
    ['2025-04-18', true, false, false, 'Good Friday'],
    ['2025-04-21', true, false, false, 'Easter Monday'],
    ['2025-05-29', true, false, false, 'Ascension Day'],
    ['2025-01-01', true, false, false, "New Year's Day"],
    ['2025-12-25', true, false, false, 'Christmas Day'],
    ['2025-12-26', true, false, false, 'Boxing Day'],
    ['2023-05-05', true, false, false, 'Great Prayer Day 2023'],
    ['2024-04-26', false, false, true, 'the Friday that was Great Prayer Day, abolished from 2024'],
    ['2025-05-16', false, false, true, 'the Friday that was Great Prayer Day, abolished from 2024'],
    ['2025-06-05', false, true, false, 'Constitution Day: not a public holiday, but the job centre is closed'],
    ['2025-12-24', false, true, false, 'Christmas Eve: not a public holiday, but the job centre is closed'],
    ['2025-12-31', false, true, false, "New Year's Eve: not a public holiday, but the job centre is closed"],
    ['2027-06-05', false, true, false, 'Constitution Day on a Saturday'],
    ['2025-05-01', false, false, true, '1 May is an ordinary working day'],
    ['2025-12-23', false, false, true, 'the day before Christmas Eve'],
    ['2025-12-30', false, false, true, "the day before New Year's Eve"],
  ])('%s: holiday %s, closing day %s, working day %s (%s)', (date, holiday, closing, working) => {
    expect(isDanishPublicHoliday(date)).toBe(holiday);
    expect(isJobCentreClosingDay(date)).toBe(closing);
    expect(isWorkingDay(date)).toBe(working);
  });

  it('refuses an invalid date', () => expect(() => isWorkingDay('2025-02-29')).toThrow(InvalidIsoDateError));
});

describe('addWorkingDays', () => {
  it.each([
    // [from, n, result, why]
    ['2025-06-02', 1, '2025-06-03', 'Monday + 1 is Tuesday'],
    ['2025-01-10', 1, '2025-01-13', 'Friday + 1 is Monday'],
    ['2025-01-11', 1, '2025-01-13', 'Saturday + 1 is Monday'],
    ['2025-01-12', 1, '2025-01-13', 'Sunday + 1 is Monday'],
    ['2025-01-10', 5, '2025-01-17', 'Friday + 5 is the next Friday'],
    ['2025-04-16', 1, '2025-04-22', 'over Easter: Maundy Thursday to Easter Monday'],
    ['2025-04-16', 3, '2025-04-24', 'over Easter, then on'],
    ['2025-05-28', 1, '2025-05-30', 'over Ascension Day'],
    ['2025-06-06', 1, '2025-06-10', 'over Whit Monday'],
    ['2025-06-04', 1, '2025-06-06', 'over Constitution Day (Thursday)'],
    ['2025-12-23', 1, '2025-12-29', 'over Christmas Eve, Christmas Day, Boxing Day and a weekend'],
    ['2025-12-24', 1, '2025-12-29', 'over Christmas Day, Boxing Day and a weekend'],
    ['2025-12-29', 2, '2026-01-02', "over New Year's Eve and New Year's Day"],
    ['2025-12-31', 1, '2026-01-02', "over New Year's Day into the next year"],
    ['2025-12-19', 5, '2026-01-02', 'across Christmas and New Year'],
    ['2025-12-30', 1, '2026-01-02', "from the last working day of 2025"],
    ['2023-05-04', 1, '2023-05-08', 'over Great Prayer Day 2023'],
    ['2024-04-25', 1, '2024-04-26', 'the abolished Great Prayer Day 2024 is a working day'],
    ['2025-04-22', -1, '2025-04-16', 'backwards over Easter'],
    ['2025-01-13', -1, '2025-01-10', 'backwards over a weekend'],
    ['2026-01-02', -1, '2025-12-30', "backwards over New Year's Day and New Year's Eve"],
    ['2025-06-06', -1, '2025-06-04', 'backwards over Constitution Day'],
    ['2024-06-04', 1, '2024-06-06', 'over Constitution Day (Wednesday 2024)'],
  ])('%s + %i working days is %s (%s)', (from, n, result) => expect(addWorkingDays(from, n)).toBe(result));

  it.each(['2025-06-02', '2025-06-07', '2025-12-25'])('%s + 0 working days is the same date, working day or not', (date) => {
    expect(addWorkingDays(date, 0)).toBe(date);
  });

  it.each([
    // [last working day of the year before, working days in the year, last working day of the year]
    // Weekdays, minus the public holidays and the job-centre closing days that fall on weekdays.
    ['2022-12-30', 251, '2023-12-29'], // 260 weekdays - 8 holidays (incl. Great Prayer Day) - 1 (5 Jun; 24 and 31 Dec are Sundays)
    ['2023-12-29', 251, '2024-12-30'], // leap year, 262 weekdays - 8 - 3; 31 Dec is closed, so 30 Dec is the last
    ['2024-12-30', 250, '2025-12-30'], // 261 weekdays - 8 - 3
  ])('from %s, %i working days reach the last working day of the next year, %s', (from, n, to) => {
    expect(addWorkingDays(from, n)).toBe(to);
    expect(addWorkingDays(to, -n)).toBe(from);
  });

  it.each([1.5, Number.NaN, Infinity])('refuses %p working days', (n) => expect(() => addWorkingDays('2025-06-02', n)).toThrow(RangeError));

  it('refuses an invalid date, also with n = 0', () => {
    expect(() => addWorkingDays('2025-06-31', 0)).toThrow(InvalidIsoDateError);
  });
});
