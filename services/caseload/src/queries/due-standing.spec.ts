import { dueStanding, queryWeekOf, weekBucket } from './due-standing';

describe('queries: where a due date stands in a week', () => {
  it('labels the ISO week with its week-numbering year, Monday and Sunday', () => {
    expect(queryWeekOf('2026-11-25')).toEqual({ label: '2026-W48', from: '2026-11-23', to: '2026-11-29' });
    expect(queryWeekOf('2026-11-23')).toEqual({ label: '2026-W48', from: '2026-11-23', to: '2026-11-29' });
    expect(queryWeekOf('2026-11-29')).toEqual({ label: '2026-W48', from: '2026-11-23', to: '2026-11-29' });
    // Around New Year the week belongs to the year of its Thursday.
    expect(queryWeekOf('2024-12-30')).toEqual({ label: '2025-W01', from: '2024-12-30', to: '2025-01-05' });
    expect(queryWeekOf('2021-01-03')).toEqual({ label: '2020-W53', from: '2020-12-28', to: '2021-01-03' });
    expect(queryWeekOf('2026-03-04').label).toBe('2026-W10');
  });

  it('puts due dates from Monday to Sunday in the week, earlier ones overdue, later ones nowhere', () => {
    const week = queryWeekOf('2026-11-25');
    expect(weekBucket('2026-11-22', week)).toBe('overdue');
    expect(weekBucket('2026-08-01', week)).toBe('overdue');
    expect(weekBucket('2026-11-23', week)).toBe('due');
    expect(weekBucket('2026-11-29', week)).toBe('due');
    expect(weekBucket('2026-11-30', week)).toBeNull();
  });

  it('marks a due date overdue from the day after it, and due this week within the ISO week', () => {
    expect(dueStanding('2026-11-25', '2026-11-25')).toEqual({ overdue: false, dueThisWeek: true });
    expect(dueStanding('2026-11-24', '2026-11-25')).toEqual({ overdue: true, dueThisWeek: true });
    expect(dueStanding('2026-11-22', '2026-11-25')).toEqual({ overdue: true, dueThisWeek: false });
    expect(dueStanding('2026-11-29', '2026-11-25')).toEqual({ overdue: false, dueThisWeek: true });
    expect(dueStanding('2026-11-30', '2026-11-25')).toEqual({ overdue: false, dueThisWeek: false });
  });
});
