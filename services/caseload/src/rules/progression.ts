/**
 * Progression assessment ("udviklingsmål"), made every 3 months: five factors each scored 1
 * (furthest from the labour market) to 5, and a group A-G derived from the five scores.
 */
export const PROGRESSION_FACTORS = [
  'professionalSkills',
  'jobOrEducationFocus',
  'personalAndSocialCompetences',
  'socialConditions',
  'health',
] as const;

export type ProgressionFactor = (typeof PROGRESSION_FACTORS)[number];

/** Scores as they arrive (numbers); progressionGroup validates them. */
export type ProgressionScores = Readonly<Record<ProgressionFactor, number>>;

export const PROGRESSION_GROUPS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;

export type ProgressionGroup = (typeof PROGRESSION_GROUPS)[number];

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

export class InvalidProgressionScoreError extends Error {
  constructor(
    readonly factor: ProgressionFactor,
    readonly value: unknown,
  ) {
    super(`progression score for ${factor} must be an integer ${MIN_SCORE}-${MAX_SCORE}, got ${JSON.stringify(value)}`);
    this.name = 'InvalidProgressionScoreError';
  }
}

/** Throws InvalidProgressionScoreError naming the first factor that is missing or not an integer 1-5. */
export function assertValidScores(scores: ProgressionScores): void {
  for (const factor of PROGRESSION_FACTORS) {
    const value: unknown = scores?.[factor];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_SCORE || value > MAX_SCORE) {
      throw new InvalidProgressionScoreError(factor, value);
    }
  }
}

/**
 * The group of an assessment: the first rule that applies, in the order the rules are written.
 * Order matters: G wins over a count of low scores (health 1 alone is G, not D), and the
 * A/B/C split by scores of 3 is only reached when no score is 1-2.
 */
export function progressionGroup(scores: ProgressionScores): ProgressionGroup {
  assertValidScores(scores);
  if (scores.health === 1 || scores.socialConditions === 1) return 'G';

  const values = PROGRESSION_FACTORS.map((factor) => scores[factor]);
  const lowScores = values.filter((score) => score <= 2).length;
  if (lowScores >= 4) return 'F';
  if (lowScores >= 2) return 'E';
  if (lowScores === 1) return 'D';

  const middleScores = values.filter((score) => score === 3).length;
  if (middleScores === 0) return 'A';
  if (middleScores <= 2) return 'B';
  return 'C';
}

/** A-D count as "good" progression, E-G as "poor", in the reports of transitions between two dates. */
const GOOD_GROUPS: ReadonlySet<ProgressionGroup> = new Set(['A', 'B', 'C', 'D']);

export function isGoodGroup(group: ProgressionGroup): boolean {
  if (!PROGRESSION_GROUPS.includes(group)) throw new RangeError(`not a progression group: ${JSON.stringify(group)}`);
  return GOOD_GROUPS.has(group);
}
