import { dueDateForInterviewHeldOn, interviewClock } from './interview-due';

describe('interviewClock', () => {
  it('counts from the opening of the period before the first held interview', () => {
    expect(interviewClock('2024-11-30', [], 3)).toEqual({ lastHeldOn: null, nextDueDate: '2025-02-28' });
  });

  it('counts from the last held interview, whatever the order they are given in', () => {
    expect(interviewClock('2024-01-10', ['2024-05-31', '2024-03-01', '2024-02-15'], 3)).toEqual({
      lastHeldOn: '2024-05-31',
      nextDueDate: '2024-08-31',
    });
  });

  it.each([
    ['2023-11-30', 3, '2024-02-29'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2025-08-31', 3, '2025-11-30'],
    ['2025-10-31', 3, '2026-01-31'],
    ['2024-12-31', 2, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
  ])('held %s with an interval of %i months is next due %s', (held, interval, due) => {
    expect(interviewClock('2020-01-01', [held], interval).nextDueDate).toBe(due);
  });
});

describe('dueDateForInterviewHeldOn', () => {
  it('measures the first interview of a period from the opening', () => {
    expect(dueDateForInterviewHeldOn('2025-01-15', [], '2025-03-01', 3)).toBe('2025-04-15');
  });

  it('measures from the last interview held before it', () => {
    expect(dueDateForInterviewHeldOn('2025-01-15', ['2025-02-28'], '2025-05-20', 3)).toBe('2025-05-28');
  });

  it('ignores interviews held on the same day or later (recorded out of order)', () => {
    expect(dueDateForInterviewHeldOn('2025-01-15', ['2025-03-01', '2025-06-01'], '2025-03-01', 3)).toBe('2025-04-15');
  });
});
