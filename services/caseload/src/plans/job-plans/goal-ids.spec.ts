import { assignGoalIds } from './goal-ids';

describe('assignGoalIds', () => {
  let counter = 0;
  const newId = () => `new-${++counter}`;
  beforeEach(() => (counter = 0));

  it('gives new goals fresh ids and keeps the ids the client sends', () => {
    const result = assignGoalIds([{ goalId: 'a', kind: 'job' }, { kind: 'education' }, { kind: 'health' }], new Set(['a', 'b']), newId);
    expect(result.problems).toEqual([]);
    expect(result.goals.map((g) => g.goalId)).toEqual(['a', 'new-1', 'new-2']);
    expect(result.goals[1]).toEqual({ kind: 'education', goalId: 'new-1' });
  });

  it('refuses an id the plan never had', () => {
    expect(assignGoalIds([{ kind: 'job' }, { goalId: 'x', kind: 'job' }], new Set(['a']), newId).problems).toEqual([{ index: 1, problem: 'unknown' }]);
  });

  it('refuses the same goal twice in one revision, naming the second', () => {
    expect(assignGoalIds([{ goalId: 'a' }, { goalId: 'a' }], new Set(['a']), newId).problems).toEqual([{ index: 1, problem: 'duplicate' }]);
  });

  it('on creation nothing is known, so any sent id is unknown', () => {
    expect(assignGoalIds([{ goalId: 'a' }], new Set(), newId).problems).toEqual([{ index: 0, problem: 'unknown' }]);
  });
});
