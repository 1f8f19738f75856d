import { LANGUAGE_LEVELS, LanguageLevel, WorkCondition } from '@fremskudt/contracts';
import { distanceKm, GeoPoint } from './geo';

/**
 * Matching citizens and job openings: pure ranking, no I/O. A citizen is a candidate for an
 * opening unless a hard requirement rules them out (an exclusion, with every reason that
 * applies); candidates are ranked by points, each with the reason it earned them:
 *
 *   branch     40  the opening's branch is the citizen's first wish; 30 a later wish; 0 not wished
 *   distance   25  the work is in the citizen's own housing area; 20 within 2 km; 15 within 5 km;
 *                  10 within 10 km; 5 farther (within the citizen's reach) or unknown
 *   wished area 5  the opening's area is one the citizen wishes to work in
 *   hours      20  the opening's hours lie within the wished range; 10 fewer than wished
 *   language   10  Danish above the opening's requirement; 5 exactly at it
 *
 * (at most 100). Equal points rank the nearer first (unknown distance last), then by id, so a
 * ranking never depends on input order.
 *
 * Exclusions: the citizen has exited or is in a full-time placement now; Danish below the
 * requirement; a required certificate missing; more hours than the citizen can work; farther
 * than the citizen can travel; a working condition the citizen can't take; the opening's
 * deadline has passed.
 */

export const POINTS = {
  firstWishedBranch: 40,
  laterWishedBranch: 30,
  sameArea: 25,
  distanceBands: [
    { withinKm: 2, points: 20 },
    { withinKm: 5, points: 15 },
    { withinKm: 10, points: 10 },
  ],
  fartherOrUnknown: 5,
  wishedArea: 5,
  hoursFit: 20,
  fewerHoursThanWished: 10,
  languageAbove: 10,
  languageMeets: 5,
} as const;

export interface OpeningProfile {
  id: string;
  companyId: string;
  branchCode: string;
  areaCode: string;
  hoursPerWeek: number;
  languageLevel: LanguageLevel;
  certificates: readonly string[];
  conditions: readonly WorkCondition[];
  deadline: string | null;
}

export interface JobWishProfile {
  branchCodes: readonly string[];
  areaCodes: readonly string[];
  maxTravelKm: number;
  hoursMin: number;
  hoursMax: number;
  languageLevel: LanguageLevel;
  certificates: readonly string[];
  avoidConditions: readonly WorkCondition[];
}

export interface CandidateProfile {
  citizenId: string;
  /** The citizen's housing area (from caseload). */
  areaCode: string;
  /** False once the citizen has left the outreach team. */
  active: boolean;
  /** In a full-time placement today. */
  inFullTimePlacement: boolean;
  wish: JobWishProfile;
}

export interface MatchingContext {
  /** Area centres by code; an area without one gives an unknown distance. */
  areas: ReadonlyMap<string, GeoPoint>;
  /** Today (YYYY-MM-DD), for deadlines. */
  today: string;
}

export type ReasonCode =
  | 'branch-first-wish'
  | 'branch-wished'
  | 'branch-not-wished'
  | 'same-area'
  | 'distance'
  | 'distance-unknown'
  | 'wished-area'
  | 'hours-fit'
  | 'fewer-hours-than-wished'
  | 'language-above'
  | 'language-meets';

export type ExclusionCode =
  | 'citizen-exited'
  | 'in-full-time-placement'
  | 'deadline-passed'
  | 'language-below-requirement'
  | 'certificates-missing'
  | 'too-many-hours'
  | 'too-far'
  | 'condition-avoided';

export type Facts = Record<string, string | number | string[]>;

export interface Reason {
  code: ReasonCode;
  points: number;
  facts: Facts;
}

export interface ExclusionReason {
  code: ExclusionCode;
  facts: Facts;
}

export type Assessment =
  | { excluded: false; score: number; distanceKm: number | null; reasons: Reason[] }
  | { excluded: true; distanceKm: number | null; reasons: ExclusionReason[] };

const languageRank = (level: LanguageLevel) => LANGUAGE_LEVELS.indexOf(level);
/** Distances are shown and compared to one decimal: what a consultant can tell apart. */
const roundKm = (km: number) => Math.round(km * 10) / 10;

/** The distance in km between two areas; 0 for the same area; null when either has no centre. */
export function areaDistanceKm(from: string, to: string, areas: ReadonlyMap<string, GeoPoint>): number | null {
  if (from === to) return 0;
  const a = areas.get(from);
  const b = areas.get(to);
  return a && b ? roundKm(distanceKm(a, b)) : null;
}

/** How one candidate fits one opening: excluded with every reason that applies, or points with their reasons. */
export function assess(opening: OpeningProfile, candidate: CandidateProfile, context: MatchingContext): Assessment {
  const { wish } = candidate;
  const km = areaDistanceKm(candidate.areaCode, opening.areaCode, context.areas);
  const exclusions: ExclusionReason[] = [];
  if (!candidate.active) exclusions.push({ code: 'citizen-exited', facts: {} });
  if (candidate.inFullTimePlacement) exclusions.push({ code: 'in-full-time-placement', facts: {} });
  if (opening.deadline !== null && opening.deadline < context.today) exclusions.push({ code: 'deadline-passed', facts: { deadline: opening.deadline } });
  if (languageRank(wish.languageLevel) < languageRank(opening.languageLevel)) {
    exclusions.push({ code: 'language-below-requirement', facts: { required: opening.languageLevel, actual: wish.languageLevel } });
  }
  const missing = opening.certificates.filter((certificate) => !wish.certificates.includes(certificate));
  if (missing.length) exclusions.push({ code: 'certificates-missing', facts: { missing } });
  if (opening.hoursPerWeek > wish.hoursMax) exclusions.push({ code: 'too-many-hours', facts: { hours: opening.hoursPerWeek, max: wish.hoursMax } });
  if (km !== null && km > wish.maxTravelKm) exclusions.push({ code: 'too-far', facts: { km, maxKm: wish.maxTravelKm } });
  const avoided = opening.conditions.filter((condition) => wish.avoidConditions.includes(condition));
  if (avoided.length) exclusions.push({ code: 'condition-avoided', facts: { conditions: avoided } });
  if (exclusions.length) return { excluded: true, distanceKm: km, reasons: exclusions };

  const reasons: Reason[] = [];
  const branchIndex = wish.branchCodes.indexOf(opening.branchCode);
  const branch = { branch: opening.branchCode };
  if (branchIndex === 0) reasons.push({ code: 'branch-first-wish', points: POINTS.firstWishedBranch, facts: branch });
  else if (branchIndex > 0) reasons.push({ code: 'branch-wished', points: POINTS.laterWishedBranch, facts: branch });
  else reasons.push({ code: 'branch-not-wished', points: 0, facts: branch });

  if (km === 0) reasons.push({ code: 'same-area', points: POINTS.sameArea, facts: { area: opening.areaCode } });
  else if (km === null) reasons.push({ code: 'distance-unknown', points: POINTS.fartherOrUnknown, facts: { area: opening.areaCode } });
  else {
    const band = POINTS.distanceBands.find((candidateBand) => km <= candidateBand.withinKm);
    reasons.push({ code: 'distance', points: band?.points ?? POINTS.fartherOrUnknown, facts: { km, area: opening.areaCode } });
  }
  if (wish.areaCodes.includes(opening.areaCode)) reasons.push({ code: 'wished-area', points: POINTS.wishedArea, facts: { area: opening.areaCode } });

  const hours = { hours: opening.hoursPerWeek, min: wish.hoursMin, max: wish.hoursMax };
  if (opening.hoursPerWeek >= wish.hoursMin) reasons.push({ code: 'hours-fit', points: POINTS.hoursFit, facts: hours });
  else reasons.push({ code: 'fewer-hours-than-wished', points: POINTS.fewerHoursThanWished, facts: hours });

  const language = { required: opening.languageLevel, actual: wish.languageLevel };
  if (languageRank(wish.languageLevel) > languageRank(opening.languageLevel)) reasons.push({ code: 'language-above', points: POINTS.languageAbove, facts: language });
  else reasons.push({ code: 'language-meets', points: POINTS.languageMeets, facts: language });

  return { excluded: false, score: reasons.reduce((sum, reason) => sum + reason.points, 0), distanceKm: km, reasons };
}

export interface Ranked<T> {
  rank: number;
  item: T;
  score: number;
  distanceKm: number | null;
  reasons: Reason[];
}

export interface Excluded<T> {
  item: T;
  distanceKm: number | null;
  reasons: ExclusionReason[];
}

export interface Ranking<T> {
  ranked: Ranked<T>[];
  excluded: Excluded<T>[];
}

/** Best first: points, then nearer (unknown last), then id. */
function byRank<T>(idOf: (item: T) => string) {
  return (a: Omit<Ranked<T>, 'rank'>, b: Omit<Ranked<T>, 'rank'>): number =>
    b.score - a.score ||
    (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
    (idOf(a.item) < idOf(b.item) ? -1 : idOf(a.item) > idOf(b.item) ? 1 : 0);
}

function rank<T>(pairs: Array<{ item: T; assessment: Assessment }>, idOf: (item: T) => string): Ranking<T> {
  const scored: Array<Omit<Ranked<T>, 'rank'>> = [];
  const excluded: Excluded<T>[] = [];
  for (const { item, assessment } of pairs) {
    if (assessment.excluded) excluded.push({ item, distanceKm: assessment.distanceKm, reasons: assessment.reasons });
    else scored.push({ item, score: assessment.score, distanceKm: assessment.distanceKm, reasons: assessment.reasons });
  }
  scored.sort(byRank(idOf));
  excluded.sort((a, b) => (idOf(a.item) < idOf(b.item) ? -1 : idOf(a.item) > idOf(b.item) ? 1 : 0));
  return { ranked: scored.map((entry, index) => ({ rank: index + 1, ...entry })), excluded };
}

/** The openings for one citizen, best first, and the openings the citizen is excluded from, with reasons. */
export function rankOpeningsForCitizen(candidate: CandidateProfile, openings: readonly OpeningProfile[], context: MatchingContext): Ranking<OpeningProfile> {
  return rank(
    openings.map((opening) => ({ item: opening, assessment: assess(opening, candidate, context) })),
    (opening) => opening.id,
  );
}

/** The candidates for one opening, best first, and the citizens excluded from it, with reasons. */
export function rankCandidatesForOpening(opening: OpeningProfile, candidates: readonly CandidateProfile[], context: MatchingContext): Ranking<CandidateProfile> {
  return rank(
    candidates.map((candidate) => ({ item: candidate, assessment: assess(opening, candidate, context) })),
    (candidate) => candidate.citizenId,
  );
}
