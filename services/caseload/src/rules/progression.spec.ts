import {
  InvalidProgressionScoreError,
  isGoodGroup,
  PROGRESSION_GROUPS,
  progressionGroup,
  ProgressionGroup,
  ProgressionScores,
} from './progression';

/** Scores in a fixed order, to keep the tables short: professional skills, job/education focus, personal/social competences, social conditions, health. */
type ScoreRow = [number, number, number, number, number];

function scores([professionalSkills, jobOrEducationFocus, personalAndSocialCompetences, socialConditions, health]: ScoreRow): ProgressionScores {
  return { professionalSkills, jobOrEducationFocus, personalAndSocialCompetences, socialConditions, health };
}

/** Every one of the 5^5 score combinations, as base-5 digits of 0..3124. */
function allScoreRows(): ScoreRow[] {
  return Array.from({ length: 5 ** 5 }, (_, n) =>
    [0, 1, 2, 3, 4].map((position) => (Math.floor(n / 5 ** position) % 5) + 1) as ScoreRow,
  );
}

describe('progressionGroup over all 3,125 combinations', () => {
  // The brief's rule restated as two lookup tables, indexed by how many scores are 1 or 2 and
  // (when none is) by how many scores are 3. G is decided first, from the two named factors.
  const groupByScoresInOneToTwo: Array<ProgressionGroup | 'look at scores of 3'> = [
    /* 0 */ 'look at scores of 3',
    /* 1 */ 'D',
    /* 2 */ 'E',
    /* 3 */ 'E',
    /* 4 */ 'F',
    /* 5 */ 'F',
  ];
  const groupByScoresOfThree: ProgressionGroup[] = [/* 0 */ 'A', /* 1 */ 'B', /* 2 */ 'B', /* 3 */ 'C', /* 4 */ 'C', /* 5 */ 'C'];

  function groupStatedInTheBrief(row: ScoreRow): ProgressionGroup {
    const [, , , socialConditions, health] = row;
    if (health === 1 || socialConditions === 1) return 'G';
    const byLow = groupByScoresInOneToTwo[row.filter((s) => s === 1 || s === 2).length];
    return byLow === 'look at scores of 3' ? groupByScoresOfThree[row.filter((s) => s === 3).length] : byLow;
  }

  it('agrees with the brief for every combination', () => {
    const disagreements = allScoreRows()
      .map((row) => ({ row, expected: groupStatedInTheBrief(row), actual: progressionGroup(scores(row)) }))
      .filter(({ expected, actual }) => expected !== actual);
    expect(disagreements).toEqual([]);
  });

  it('puts the expected number of combinations in each group', () => {
    // Counted by hand, independently of both functions above. G: 5^5 - 4^2 * 5^3 = 1125 (health
    // or social conditions is 1). The other 2000 have health and social conditions in 2-5; with
    // x marking a score in 1-2 and y a score of 3 they expand (x + y + 2)^2 (2x + y + 2)^3.
    // No x: (y + 2)^5, so A (y^0) = 32, B (y^1 + y^2) = 80 + 80, C (y^3..y^5) = 40 + 10 + 1.
    // With y = 1: (x + 3)^2 (2x + 3)^3 gives x^1 = 648 (D), x^2 + x^3 = 675 + 342 (E), x^4 + x^5 = 84 + 8 (F).
    const counts = Object.fromEntries(PROGRESSION_GROUPS.map((group) => [group, 0]));
    for (const row of allScoreRows()) counts[progressionGroup(scores(row))]++;
    expect(counts).toEqual({ A: 32, B: 160, C: 51, D: 648, E: 1017, F: 92, G: 1125 });
  });
});

describe('progressionGroup at the boundaries', () => {
  // [professional skills, job/education focus, personal/social competences, social conditions, health]
  it.each<[ScoreRow, ProgressionGroup, string]>([
    [[5, 5, 5, 5, 1], 'G', 'health 1 alone'],
    [[5, 5, 5, 1, 5], 'G', 'social conditions 1 alone'],
    [[1, 1, 1, 1, 1], 'G', 'all 1: G comes before F'],
    [[5, 5, 5, 2, 2], 'E', 'health and social conditions 2 is not G'],
    [[1, 5, 5, 5, 5], 'D', 'a 1 in another factor is only a low score'],
    [[5, 5, 5, 5, 2], 'D', 'exactly one low score, health 2'],
    [[2, 3, 3, 3, 3], 'D', 'one low score wins over four 3s'],
    [[2, 2, 5, 5, 5], 'E', 'two low scores'],
    [[1, 1, 1, 5, 5], 'E', 'three low scores'],
    [[2, 2, 2, 2, 5], 'F', 'four low scores'],
    [[1, 1, 1, 2, 2], 'F', 'five low scores without a G factor at 1'],
    [[2, 2, 2, 2, 2], 'F', 'all 2'],
    [[5, 5, 5, 5, 5], 'A', 'all 5'],
    [[4, 4, 4, 4, 4], 'A', 'all 4: no 3 and no low score'],
    [[3, 4, 4, 4, 4], 'B', 'one 3'],
    [[3, 3, 5, 5, 5], 'B', 'two 3s'],
    [[3, 3, 3, 4, 5], 'C', 'three 3s'],
    [[3, 3, 3, 3, 3], 'C', 'all 3'],
  ])('%j is %s (%s)', (row, group) => expect(progressionGroup(scores(row))).toBe(group));
});

describe('progression score validation', () => {
  const valid: ProgressionScores = scores([3, 3, 3, 3, 3]);
  const factors = Object.keys(valid) as Array<keyof ProgressionScores>;
  const invalidValues: unknown[] = [0, 6, -1, 2.5, Number.NaN, Infinity, '3', null, undefined];

  it.each(factors.flatMap((factor) => invalidValues.map((value) => [factor, value] as const)))(
    '%s = %p is refused with an error naming the factor',
    (factor, value) => {
      const call = () => progressionGroup({ ...valid, [factor]: value } as unknown as ProgressionScores);
      expect(call).toThrow(InvalidProgressionScoreError);
      expect(call).toThrow(factor);
      try {
        call();
      } catch (error) {
        expect(error).toMatchObject({ factor, name: 'InvalidProgressionScoreError' });
      }
    },
  );

  it('refuses a missing factor', () => {
    const { health: _health, ...withoutHealth } = valid;
    expect(() => progressionGroup(withoutHealth as ProgressionScores)).toThrow(expect.objectContaining({ factor: 'health' }));
  });

  it('accepts every integer 1-5 in every factor', () => {
    for (const factor of factors) {
      for (const value of [1, 2, 3, 4, 5]) expect(() => progressionGroup({ ...valid, [factor]: value })).not.toThrow();
    }
  });
});

describe('isGoodGroup', () => {
  it.each<[ProgressionGroup, boolean]>([
    ['A', true],
    ['B', true],
    ['C', true],
    ['D', true],
    ['E', false],
    ['F', false],
    ['G', false],
  ])('%s is good: %s', (group, good) => expect(isGoodGroup(group)).toBe(good));

  it.each(['H', 'a', '', 'AB'])('refuses %p', (group) => expect(() => isGoodGroup(group as ProgressionGroup)).toThrow(RangeError));
});
