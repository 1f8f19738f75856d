import { capacityDecision } from './caseload-capacity';

describe('capacityDecision', () => {
  it.each<[number, number, boolean, string]>([
    [0, 30, false, 'within'],
    [29, 30, false, 'within'],
    [30, 30, false, 'full'],
    [31, 30, false, 'full'],
    [30, 30, true, 'forced-over'],
    [35, 30, true, 'forced-over'],
    [29, 30, true, 'within'],
    [0, 0, false, 'full'],
    [0, 0, true, 'forced-over'],
  ])('%i active citizens, capacity %i, forced %s → %s', (active, capacity, forced, decision) =>
    expect(capacityDecision(active, capacity, forced)).toBe(decision),
  );
});
