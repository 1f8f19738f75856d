import { InvalidIsoDateError } from './iso-date';
import { interviewsDueInWeek, isOverdue, isoWeekOf, isTimely, nextInterviewDue } from './interview-schedule';

describe('nextInterviewDue', () => {
  it.each([
    // [last held or registration, interval in months, due]
    ['2025-01-15', 3, '2025-04-15', 'same day number three months on'],
    ['2025-01-31', 1, '2025-02-28', '31 Jan + 1 month clamps to 28 Feb'],
    ['2024-01-31', 1, '2024-02-29', '31 Jan + 1 month clamps to 29 Feb in a leap year'],
    ['2024-11-30', 3, '2025-02-28', '30 Nov + 3 months clamps to 28 Feb'],
    ['2023-11-30', 3, '2024-02-29', '30 Nov + 3 months clamps to 29 Feb in a leap year'],
    ['2025-08-31', 3, '2025-11-30', '31 Aug + 3 months clamps to 30 Nov'],
    ['2025-03-31', 6, '2025-09-30', '31 Mar + 6 months clamps to 30 Sep'],
    ['2025-05-31', 1, '2025-06-30', '31 May + 1 month clamps to 30 Jun'],
    ['2025-02-28', 3, '2025-05-28', 'an end of February is not treated as a month end'],
    ['2024-02-29', 3, '2024-05-29', 'from 29 Feb'],
    ['2024-02-29', 12, '2025-02-28', '29 Feb + 12 months clamps in a non-leap year'],
    ['2025-10-31', 3, '2026-01-31', 'across the year boundary'],
    ['2025-11-30', 3, '2026-02-28', 'across the year boundary with clamping'],
    ['2025-12-31', 3, '2026-03-31', 'from New Year\'s Eve'],
    ['2025-12-15', 1, '2026-01-15', 'December + 1 month'],
    ['1999-11-30', 3, '2000-02-29', '2000 is a leap year (divisible by 400)'],
    ['2099-11-30', 3, '2100-02-28', '2100 is not a leap year (divisible by 100)'],
    ['2025-06-10', 24, '2027-06-10', 'an interval longer than a year'],
  ])('%s + %i months is due %s (%s)', (from, months, due) => expect(nextInterviewDue(from, months)).toBe(due));

  it('defaults to 3 months', () => {
    expect(nextInterviewDue('2025-08-31')).toBe('2025-11-30');
    expect(nextInterviewDue('2025-01-15')).toBe('2025-04-15');
  });

  it('restarts from the date an interview is held, also when held early', () => {
    const dueAfterRegistration = nextInterviewDue('2025-01-10');
    expect(dueAfterRegistration).toBe('2025-04-10');
    // Taken early in open counselling on 20 March: the next one is due 3 months after that, not after 10 April.
    expect(nextInterviewDue('2025-03-20')).toBe('2025-06-20');
  });

  it.each([0, -3, 1.5, Number.NaN])('refuses the interval %p', (months) => {
    expect(() => nextInterviewDue('2025-01-15', months)).toThrow(RangeError);
  });

  it.each(['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-5', '15-01-2025', '2025-01-15T00:00:00Z', ''])(
    'refuses the date %p',
    (date) => expect(() => nextInterviewDue(date)).toThrow(InvalidIsoDateError),
  );
});

describe('isTimely', () => {
  it.each([
    ['2025-04-14', '2025-04-15', true, 'a day early'],
    ['2025-04-15', '2025-04-15', true, 'on the due date'],
    ['2025-04-16', '2025-04-15', false, 'a day late'],
    ['2025-02-01', '2025-04-15', true, 'early in open counselling'],
    ['2025-12-31', '2026-01-01', true, 'the day before, across New Year'],
    ['2026-01-01', '2025-12-31', false, 'the day after, across New Year'],
    ['2024-02-29', '2024-02-29', true, 'on a leap day'],
  ])('held %s, due %s: %s (%s)', (held, due, timely) => expect(isTimely(held, due)).toBe(timely));

  it('refuses invalid dates', () => {
    expect(() => isTimely('2025-02-30', '2025-03-01')).toThrow(InvalidIsoDateError);
    expect(() => isTimely('2025-03-01', 'soon')).toThrow(InvalidIsoDateError);
  });
});

describe('isOverdue', () => {
  it.each([
    ['2025-04-15', '2025-04-14', false, 'the day before'],
    ['2025-04-15', '2025-04-15', false, 'on the due date'],
    ['2025-04-15', '2025-04-16', true, 'the day after'],
    ['2025-12-31', '2026-01-01', true, 'the day after, across New Year'],
    ['2025-02-28', '2025-03-01', true, 'the day after the end of February'],
    ['2024-02-28', '2024-02-29', true, 'on the leap day after'],
  ])('due %s, today %s: %s (%s)', (due, today, overdue) => expect(isOverdue(due, today)).toBe(overdue));

  it('refuses an invalid today', () => expect(() => isOverdue('2025-04-15', '2025-04-31')).toThrow(InvalidIsoDateError));
});

describe('isoWeekOf', () => {
  it.each([
    // [date, ISO week year, week, Monday, Sunday]
    ['2025-06-05', 2025, 23, '2025-06-02', '2025-06-08'],
    ['2025-06-02', 2025, 23, '2025-06-02', '2025-06-08'],
    ['2025-06-08', 2025, 23, '2025-06-02', '2025-06-08'],
    ['2024-01-01', 2024, 1, '2024-01-01', '2024-01-07'],
    ['2024-12-30', 2025, 1, '2024-12-30', '2025-01-05'],
    ['2023-01-01', 2022, 52, '2022-12-26', '2023-01-01'],
    ['2020-12-31', 2020, 53, '2020-12-28', '2021-01-03'],
    ['2021-01-03', 2020, 53, '2020-12-28', '2021-01-03'],
    ['2025-12-28', 2025, 52, '2025-12-22', '2025-12-28'],
    ['2026-01-01', 2026, 1, '2025-12-29', '2026-01-04'],
    ['2027-01-01', 2026, 53, '2026-12-28', '2027-01-03'],
    ['2026-03-01', 2026, 9, '2026-02-23', '2026-03-01'],
  ])('%s is in %i-W%i, %s to %s', (date, weekYear, week, monday, sunday) => {
    expect(isoWeekOf(date)).toEqual({ weekYear, week, monday, sunday });
  });
});

describe('interviewsDueInWeek', () => {
  const interviews = [
    { citizenId: 'a', dueDate: '2024-12-29' }, // Sunday of the week before
    { citizenId: 'b', dueDate: '2024-12-30' }, // Monday
    { citizenId: 'c', dueDate: '2025-01-01' }, // Wednesday, new calendar year
    { citizenId: 'd', dueDate: '2025-01-05' }, // Sunday
    { citizenId: 'e', dueDate: '2025-01-06' }, // Monday of the week after
  ];

  it.each(['2024-12-30', '2025-01-02', '2025-01-05'])('from any day of the week (%s) gives Monday to Sunday inclusive', (day) => {
    expect(interviewsDueInWeek(interviews, day).map(({ citizenId }) => citizenId)).toEqual(['b', 'c', 'd']);
  });

  it('keeps the items as they are, in their order', () => {
    const found = interviewsDueInWeek(interviews, '2025-01-06');
    expect(found).toEqual([interviews[4]]);
    expect(found[0]).toBe(interviews[4]);
  });

  it('gives nothing for an empty list', () => expect(interviewsDueInWeek([], '2025-01-06')).toEqual([]));

  it('refuses an item with an invalid due date', () => {
    expect(() => interviewsDueInWeek([{ dueDate: '2025-1-1' }], '2025-01-01')).toThrow(InvalidIsoDateError);
  });
});
