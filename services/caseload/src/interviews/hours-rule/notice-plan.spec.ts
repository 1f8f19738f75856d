import { planNotices } from './notice-plan';

describe('planNotices (effective date 2026-08-31: warning deadline 2026-02-28, hearing deadline 2026-07-31)', () => {
  const effective = '2026-08-31';

  it('issues nothing before the month ahead of the warning deadline', () => {
    expect(planNotices(effective, '2026-01-28', {})).toEqual({ issue: [], late: [] });
  });

  it('issues the warning from 30 days before its deadline, due by the deadline', () => {
    expect(planNotices(effective, '2026-01-29', {})).toEqual({
      issue: [{ notice: 'warning', deadline: '2026-02-28', afterDeadline: false, taskDue: '2026-02-28' }],
      late: [],
    });
  });

  it('issues the warning on its deadline day, still on time', () => {
    expect(planNotices(effective, '2026-02-28', {}).issue).toEqual([{ notice: 'warning', deadline: '2026-02-28', afterDeadline: false, taskDue: '2026-02-28' }]);
  });

  it('issues an overdue warning late, with the task due at once, and not again once issued', () => {
    expect(planNotices(effective, '2026-03-10', {}).issue).toEqual([{ notice: 'warning', deadline: '2026-02-28', afterDeadline: true, taskDue: '2026-03-10' }]);
    expect(planNotices(effective, '2026-03-10', { warning: true })).toEqual({ issue: [], late: [] });
  });

  it('issues the hearing in the month before its deadline, and both when both are due', () => {
    expect(planNotices(effective, '2026-07-01', { warning: true }).issue).toEqual([
      { notice: 'hearing', deadline: '2026-07-31', afterDeadline: false, taskDue: '2026-07-31' },
    ]);
    expect(planNotices(effective, '2026-07-01', {}).issue.map((n) => [n.notice, n.afterDeadline])).toEqual([
      ['warning', true],
      ['hearing', false],
    ]);
  });

  it('reports notices as late from the effective date and issues nothing', () => {
    expect(planNotices(effective, '2026-08-31', { warning: true })).toEqual({ issue: [], late: [{ notice: 'hearing', deadline: '2026-07-31' }] });
    expect(planNotices(effective, '2026-09-15', { warning: true, hearing: true })).toEqual({ issue: [], late: [] });
  });
});
