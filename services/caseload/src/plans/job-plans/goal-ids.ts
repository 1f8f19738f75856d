/**
 * Goal identity across revisions: a goal the client sends with its `goalId` is the same goal
 * (kept or reworded); one without is new and gets a fresh id. An id the plan never had, or the
 * same id twice in one revision, is refused with the index of the offending goal.
 */
export type GoalIdProblem = { index: number; problem: 'unknown' | 'duplicate' };

export function assignGoalIds<G extends { goalId?: string }>(
  goals: readonly G[],
  knownGoalIds: ReadonlySet<string>,
  newId: () => string,
): { goals: Array<G & { goalId: string }>; problems: GoalIdProblem[] } {
  const seen = new Set<string>();
  const problems: GoalIdProblem[] = [];
  const assigned = goals.map((goal, index) => {
    if (goal.goalId === undefined) return { ...goal, goalId: newId() };
    if (!knownGoalIds.has(goal.goalId)) problems.push({ index, problem: 'unknown' });
    else if (seen.has(goal.goalId)) problems.push({ index, problem: 'duplicate' });
    seen.add(goal.goalId);
    return { ...goal, goalId: goal.goalId };
  });
  return { goals: assigned, problems };
}
