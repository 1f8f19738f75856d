import { decideMilestoneStatus, decideStatus, relativeTarget, shareOf } from './status-rule';

describe('the status rule', () => {
  const atLeast = (realised: number | null, target: number | null, partialThreshold = 0.75) => decideStatus({ realised, target, direction: 'at-least', partialThreshold });
  const atMost = (realised: number | null, target: number | null, partialThreshold = 0.75) => decideStatus({ realised, target, direction: 'at-most', partialThreshold });

  it('at least: met when the target is reached, exactly too', () => {
    expect(atLeast(1584 / 1670, 0.9)).toBe('met');
    expect(atLeast(1577 / 1577, 0.9)).toBe('met');
    expect(atLeast(0.9, 0.9)).toBe('met');
    // 0.1 + 0.2 is not 0.3 in binary: the comparison tolerates the last digits.
    expect(atLeast(0.1 + 0.2, 0.3)).toBe('met');
    expect(atLeast(227 / 602, 0.25)).toBe('met');
  });

  it('at least: partly met from the threshold fraction of the target, not met below', () => {
    expect(atLeast(66, 80)).toBe('partly-met'); // 82.5 % of the target
    expect(atLeast(60, 80)).toBe('partly-met'); // exactly 75 %
    expect(atLeast(59, 80)).toBe('not-met');
    expect(atLeast(96, 200)).toBe('not-met');
    expect(atLeast(66, 80, 0.9)).toBe('not-met'); // a stricter tenant or goal threshold
  });

  it('at most (lower is better): met at or under the target; partly met while the target is the threshold fraction of the realised value', () => {
    expect(atMost(0.126, 0.132)).toBe('met'); // no-show share 12.6 % against ≤ 13.2 %
    expect(atMost(0.131, 0.131)).toBe('met');
    expect(atMost(0.14, 0.131)).toBe('partly-met'); // 13.1 / 14.0 = 0.94
    expect(atMost(0.2, 0.15)).toBe('partly-met'); // 0.15 / 0.2 = 0.75
    expect(atMost(0.21, 0.15)).toBe('not-met');
  });

  it('is not assessed without a realised value or a target', () => {
    expect(atLeast(null, 0.9)).toBe('not-assessed');
    expect(atLeast(0.5, null)).toBe('not-assessed');
    expect(atMost(Number.NaN, 0.1)).toBe('not-assessed');
  });

  it('a milestone is met in every area, partly met in some, not met in none', () => {
    expect(decideMilestoneStatus(5, 5)).toBe('met');
    expect(decideMilestoneStatus(3, 5)).toBe('partly-met');
    expect(decideMilestoneStatus(0, 5)).toBe('not-met');
    expect(decideMilestoneStatus(0, 0)).toBe('not-assessed');
  });

  it('a relative target follows the comparison scope, and a share needs a denominator', () => {
    expect(relativeTarget(0.68, 1.1)).toBeCloseTo(0.748);
    expect(relativeTarget(0.68, 1, -0.02)).toBeCloseTo(0.66);
    expect(relativeTarget(null)).toBeNull();
    expect(shareOf(1052, 1670)).toBeCloseTo(0.63, 2);
    expect(shareOf(0, 0)).toBeNull();
  });
});
