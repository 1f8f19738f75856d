import { InvalidIsoDateError } from './iso-date';
import { AlreadyIssued, DueNotice, dueNotices, hearingDeadline, MONTHLY_JOB_LEAD_DAYS, warningDeadline } from './hours-rule';

describe('warningDeadline and hearingDeadline', () => {
  it.each([
    // [effective date, warning deadline (6 months before), hearing deadline (1 month before)]
    ['2025-09-30', '2025-03-30', '2025-08-30'],
    ['2025-09-15', '2025-03-15', '2025-08-15'],
    ['2025-08-31', '2025-02-28', '2025-07-31'],
    ['2024-08-31', '2024-02-29', '2024-07-31'],
    ['2025-08-29', '2025-02-28', '2025-07-29'],
    ['2025-03-31', '2024-09-30', '2025-02-28'],
    ['2024-03-31', '2023-09-30', '2024-02-29'],
    ['2025-03-29', '2024-09-29', '2025-02-28'],
    ['2025-12-31', '2025-06-30', '2025-11-30'],
    ['2026-01-15', '2025-07-15', '2025-12-15'],
    ['2026-05-31', '2025-11-30', '2026-04-30'],
    ['2000-08-31', '2000-02-29', '2000-07-31'],
  ])('effective %s: warn by %s, hear by %s', (effective, warning, hearing) => {
    expect(warningDeadline(effective)).toBe(warning);
    expect(hearingDeadline(effective)).toBe(hearing);
  });

  it('keeps the day number (or the last day of a shorter month) N months earlier, never less than N months ahead, for every day of 2023-2027', () => {
    // Stated differently from the implementation (month lengths from Date.UTC overflow, not a table).
    // The day number is kept even when the effective date is a short month's last day: effective
    // 28 Feb 2025 gives a warning deadline of 28 Aug, not 31 Aug (31 Aug + 6 months would also clamp
    // to 28 Feb); the earlier reading is the one that always gives the citizen the full notice.
    const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
    const plusMonths = (iso: string, months: number) => {
      const [y, m, d] = iso.split('-').map(Number);
      return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDayOf(y, m + months)))).toISOString().slice(0, 10);
    };
    const wrong: string[] = [];
    for (let t = Date.UTC(2023, 0, 1); t <= Date.UTC(2027, 11, 31); t += 86_400_000) {
      const effectiveDate = new Date(t).toISOString().slice(0, 10);
      const [y, m, d] = effectiveDate.split('-').map(Number);
      for (const [name, deadline, months] of [
        ['warning', warningDeadline(effectiveDate), 6],
        ['hearing', hearingDeadline(effectiveDate), 1],
      ] as const) {
        const monthStart = new Date(Date.UTC(y, m - 1 - months, 1));
        const [dy, dm] = [monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1];
        const expected = `${dy}-${String(dm).padStart(2, '0')}-${String(Math.min(d, lastDayOf(dy, dm))).padStart(2, '0')}`;
        if (deadline !== expected) wrong.push(`${name} ${effectiveDate}: ${deadline}, expected ${expected}`);
        if (plusMonths(deadline, months) > effectiveDate) wrong.push(`${name} ${effectiveDate}: less than ${months} months ahead`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses an invalid effective date', () => {
    expect(() => warningDeadline('2025-09-31')).toThrow(InvalidIsoDateError);
    expect(() => hearingDeadline('31-08-2025')).toThrow(InvalidIsoDateError);
  });
});

describe('dueNotices', () => {
  // Effective 30 Sep 2025: warn by 30 Mar 2025, hear by 30 Aug 2025.
  const effective = '2025-09-30';
  const warning = (status: DueNotice['status']): DueNotice => ({ notice: 'warning', status, deadline: '2025-03-30' });
  const hearing = (status: DueNotice['status']): DueNotice => ({ notice: 'hearing', status, deadline: '2025-08-30' });

  it.each<[string, AlreadyIssued, DueNotice[], string]>([
    ['2025-01-01', {}, [], 'long before'],
    ['2025-03-29', {}, [], 'the day before six months before'],
    ['2025-03-30', {}, [warning('due')], 'exactly six months before'],
    ['2025-03-31', {}, [warning('overdue')], 'one day after the warning deadline'],
    ['2025-08-29', {}, [warning('overdue')], 'the day before one month before'],
    ['2025-08-30', {}, [warning('overdue'), hearing('due')], 'exactly one month before, never warned'],
    ['2025-08-30', { warning: true }, [hearing('due')], 'exactly one month before, warned'],
    ['2025-08-31', { warning: true }, [hearing('overdue')], 'one day after the hearing deadline'],
    ['2025-09-29', {}, [warning('overdue'), hearing('overdue')], 'the day before the effective date'],
    ['2025-09-30', {}, [warning('late'), hearing('late')], 'on the effective date'],
    ['2025-09-30', { warning: true }, [hearing('late')], 'on the effective date, warned but not heard'],
    ['2026-01-10', {}, [warning('late'), hearing('late')], 'long after the effective date'],
    ['2025-03-30', { warning: true }, [], 'warning already issued'],
    ['2025-08-30', { warning: true, hearing: true }, [], 'both issued'],
    ['2025-10-01', { warning: true, hearing: true }, [], 'both issued, after the effective date'],
    ['2025-08-30', { warning: false, hearing: false }, [warning('overdue'), hearing('due')], 'explicitly not issued'],
  ])('today %s, issued %j: %j (%s)', (today, issued, expected) => expect(dueNotices(effective, today, issued)).toEqual(expected));

  it('treats a missing alreadyIssued as nothing issued', () => expect(dueNotices(effective, '2025-03-30')).toEqual([warning('due')]));

  it.each([
    // [effective date, today, expected statuses] at clamped month ends
    ['2025-08-31', '2025-02-27', []],
    ['2025-08-31', '2025-02-28', ['warning:due']],
    ['2025-08-31', '2025-03-01', ['warning:overdue']],
    ['2024-08-31', '2024-02-29', ['warning:due']],
    ['2024-08-31', '2024-03-01', ['warning:overdue']],
    ['2025-03-31', '2025-02-28', ['warning:overdue', 'hearing:due']],
    ['2025-03-31', '2025-03-01', ['warning:overdue', 'hearing:overdue']],
    ['2026-01-15', '2025-12-15', ['warning:overdue', 'hearing:due']],
    ['2026-01-15', '2026-01-15', ['warning:late', 'hearing:late']],
  ])('effective %s, today %s: %j', (effectiveDate, today, expected) => {
    expect(dueNotices(effectiveDate, today).map(({ notice, status }) => `${notice}:${status}`)).toEqual(expected);
  });

  describe('with a lead', () => {
    it.each([
      // effective 30 Sep 2025, lead 31 days: the warning from 27 Feb (30 Mar - 31 days), the hearing from 30 Jul.
      ['2025-02-26', []],
      ['2025-02-27', ['warning:due']],
      ['2025-03-30', ['warning:due']],
      ['2025-03-31', ['warning:overdue']],
      ['2025-07-29', ['warning:overdue']],
      ['2025-07-30', ['warning:overdue', 'hearing:due']],
    ])('lead 31, today %s: %j', (today, expected) => {
      expect(dueNotices(effective, today, {}, { leadDays: 31 }).map(({ notice, status }) => `${notice}:${status}`)).toEqual(expected);
    });

    // A job on the 1st of every month finds each notice while it is still on time with a 30-day
    // lead, for every effective date over three years; with 29 days it misses some (deadline on the 31st).
    function runsOnTheFirst(from: string, months: number): string[] {
      const [year, month] = from.split('-').map(Number);
      return Array.from({ length: months }, (_, i) => {
        const y = year + Math.floor((month - 1 + i) / 12);
        const m = ((month - 1 + i) % 12) + 1;
        return `${y}-${String(m).padStart(2, '0')}-01`;
      });
    }
    function everyDay(from: string, to: string): string[] {
      const days: string[] = [];
      for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
        days.push(new Date(t).toISOString().slice(0, 10));
      }
      return days;
    }
    function effectiveDatesFoundOnlyOverdue(leadDays: number): string[] {
      const runs = runsOnTheFirst('2024-01-01', 60);
      return everyDay('2025-01-01', '2027-12-31').filter((effectiveDate) => {
        const issued: AlreadyIssued = {};
        for (const today of runs) {
          for (const { notice, status } of dueNotices(effectiveDate, today, issued, { leadDays })) {
            if (status !== 'due') return true;
            issued[notice] = true;
          }
        }
        return false;
      });
    }

    it('of 30 days lets a monthly job issue every notice on time', () => expect(effectiveDatesFoundOnlyOverdue(30)).toEqual([]));

    it('of 30 days is MONTHLY_JOB_LEAD_DAYS', () => expect(MONTHLY_JOB_LEAD_DAYS).toBe(30));

    it('of 29 days is too short for a monthly job', () => expect(effectiveDatesFoundOnlyOverdue(29)).toContain('2026-01-31'));
  });

  it('never returns a notice already issued, whatever the day', () => {
    const days = ['2025-01-01', '2025-03-30', '2025-06-01', '2025-08-30', '2025-09-29', '2025-09-30', '2026-01-01'];
    for (const today of days) {
      expect(dueNotices(effective, today, { warning: true }).map(({ notice }) => notice)).not.toContain('warning');
      expect(dueNotices(effective, today, { hearing: true }).map(({ notice }) => notice)).not.toContain('hearing');
    }
  });

  it.each([-1, 1.5, Number.NaN])('refuses leadDays %p', (leadDays) => {
    expect(() => dueNotices(effective, '2025-03-30', {}, { leadDays })).toThrow(RangeError);
  });

  it('refuses invalid dates', () => {
    expect(() => dueNotices('2025-02-30', '2025-01-01')).toThrow(InvalidIsoDateError);
    expect(() => dueNotices(effective, '2025-1-1')).toThrow(InvalidIsoDateError);
  });
});
