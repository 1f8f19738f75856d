import { assess, CandidateProfile, MatchingContext, OpeningProfile, rankCandidatesForOpening, rankOpeningsForCitizen } from './ranking';

// Centres along a line of latitude 56°N, where 0.01° of longitude is about 0.62 km.
const areas = new Map([
  ['home', { latitude: 56, longitude: 12 }],
  ['near', { latitude: 56, longitude: 12.02 }], // ~1.2 km
  ['town', { latitude: 56, longitude: 12.06 }], // ~3.7 km
  ['city', { latitude: 56, longitude: 12.12 }], // ~7.5 km
  ['far', { latitude: 56, longitude: 12.2 }], // ~12.4 km
]);
const context: MatchingContext = { areas, today: '2026-03-10' };

const opening = (overrides: Partial<OpeningProfile> = {}): OpeningProfile => ({
  id: 'o-1',
  companyId: 'company',
  branchCode: 'kitchen-canteen',
  areaCode: 'home',
  hoursPerWeek: 25,
  languageLevel: 'basic',
  certificates: [],
  conditions: [],
  deadline: null,
  ...overrides,
});

const candidate = (overrides: Partial<CandidateProfile> = {}, wish: Partial<CandidateProfile['wish']> = {}): CandidateProfile => ({
  citizenId: 'c-1',
  areaCode: 'home',
  active: true,
  inFullTimePlacement: false,
  ...overrides,
  wish: {
    branchCodes: ['kitchen-canteen'],
    areaCodes: [],
    maxTravelKm: 15,
    hoursMin: 20,
    hoursMax: 30,
    languageLevel: 'basic',
    certificates: [],
    avoidConditions: [],
    ...wish,
  },
});

const scoreOf = (o: OpeningProfile, c: CandidateProfile) => {
  const result = assess(o, c, context);
  if (result.excluded) throw new Error(`excluded: ${result.reasons.map((r) => r.code).join(', ')}`);
  return result.score;
};
const exclusionsOf = (o: OpeningProfile, c: CandidateProfile) => {
  const result = assess(o, c, context);
  return result.excluded ? result.reasons : [];
};

describe('matching: points and their reasons', () => {
  it('gives a perfect fit 100 points, one reason per rule', () => {
    const result = assess(opening(), candidate({}, { areaCodes: ['home'], languageLevel: 'intermediate' }), context);
    expect(result).toEqual({
      excluded: false,
      score: 100,
      distanceKm: 0,
      reasons: [
        { code: 'branch-first-wish', points: 40, facts: { branch: 'kitchen-canteen' } },
        { code: 'same-area', points: 25, facts: { area: 'home' } },
        { code: 'wished-area', points: 5, facts: { area: 'home' } },
        { code: 'hours-fit', points: 20, facts: { hours: 25, min: 20, max: 30 } },
        { code: 'language-above', points: 10, facts: { required: 'basic', actual: 'intermediate' } },
      ],
    });
  });

  it('scores the branch: first wish 40, a later wish 30, not wished 0', () => {
    expect(scoreOf(opening(), candidate({}, { branchCodes: ['kitchen-canteen', 'cleaning'] }))).toBe(40 + 25 + 20 + 5);
    expect(scoreOf(opening(), candidate({}, { branchCodes: ['cleaning', 'kitchen-canteen'] }))).toBe(30 + 25 + 20 + 5);
    expect(scoreOf(opening(), candidate({}, { branchCodes: ['cleaning'] }))).toBe(0 + 25 + 20 + 5);
  });

  it('scores the distance from the citizen’s housing area in bands, and an unknown distance like a far one', () => {
    const from = (areaCode: string) => scoreOf(opening({ areaCode }), candidate()) - (40 + 20 + 5);
    expect([from('home'), from('near'), from('town'), from('city'), from('far'), from('nowhere')]).toEqual([25, 20, 15, 10, 5, 5]);
    const unknown = assess(opening({ areaCode: 'nowhere' }), candidate(), context);
    expect(unknown).toMatchObject({ distanceKm: null, reasons: expect.arrayContaining([{ code: 'distance-unknown', points: 5, facts: { area: 'nowhere' } }]) });
    const near = assess(opening({ areaCode: 'near' }), candidate(), context);
    expect(near).toMatchObject({ distanceKm: 1.2, reasons: expect.arrayContaining([{ code: 'distance', points: 20, facts: { km: 1.2, area: 'near' } }]) });
  });

  it('scores hours: 20 within the wished range, 10 for fewer than wished', () => {
    expect(scoreOf(opening({ hoursPerWeek: 30 }), candidate()) - scoreOf(opening({ hoursPerWeek: 15 }), candidate())).toBe(10);
  });

  it('scores Danish: 10 above the requirement, 5 at it', () => {
    expect(scoreOf(opening({ languageLevel: 'none' }), candidate()) - scoreOf(opening({ languageLevel: 'basic' }), candidate())).toBe(5);
  });
});

describe('matching: exclusions, with every reason that applies', () => {
  it('excludes on each hard requirement', () => {
    expect(exclusionsOf(opening({ languageLevel: 'fluent' }), candidate())).toEqual([{ code: 'language-below-requirement', facts: { required: 'fluent', actual: 'basic' } }]);
    expect(exclusionsOf(opening({ certificates: ['hygiene-certificate', 'first-aid'] }), candidate({}, { certificates: ['first-aid'] }))).toEqual([
      { code: 'certificates-missing', facts: { missing: ['hygiene-certificate'] } },
    ]);
    expect(exclusionsOf(opening({ hoursPerWeek: 37 }), candidate())).toEqual([{ code: 'too-many-hours', facts: { hours: 37, max: 30 } }]);
    expect(exclusionsOf(opening({ areaCode: 'far' }), candidate({}, { maxTravelKm: 10 }))).toEqual([{ code: 'too-far', facts: { km: 12.4, maxKm: 10 } }]);
    expect(exclusionsOf(opening({ conditions: ['night-shifts', 'driving'] }), candidate({}, { avoidConditions: ['driving'] }))).toEqual([
      { code: 'condition-avoided', facts: { conditions: ['driving'] } },
    ]);
    expect(exclusionsOf(opening({ deadline: '2026-03-09' }), candidate())).toEqual([{ code: 'deadline-passed', facts: { deadline: '2026-03-09' } }]);
    expect(exclusionsOf(opening({ deadline: '2026-03-10' }), candidate())).toEqual([]);
    expect(exclusionsOf(opening(), candidate({ active: false }))).toEqual([{ code: 'citizen-exited', facts: {} }]);
    expect(exclusionsOf(opening(), candidate({ inFullTimePlacement: true }))).toEqual([{ code: 'in-full-time-placement', facts: {} }]);
  });

  it('lists every reason at once, and never excludes on an unknown distance', () => {
    const codes = exclusionsOf(opening({ languageLevel: 'fluent', hoursPerWeek: 40, certificates: ['forklift-licence'] }), candidate({ active: false })).map((r) => r.code);
    expect(codes).toEqual(['citizen-exited', 'language-below-requirement', 'certificates-missing', 'too-many-hours']);
    expect(exclusionsOf(opening({ areaCode: 'nowhere' }), candidate({}, { maxTravelKm: 0 }))).toEqual([]);
  });
});

describe('matching: ranking', () => {
  it('ranks candidates by points, then nearer first, then by id; exclusions by id', () => {
    const job = opening();
    const candidates = [
      candidate({ citizenId: 'c-near' }, { languageLevel: 'intermediate' }), // 40 + 20 + 20 + 10 = 90 at 1.2 km (lives near)
      candidate({ citizenId: 'c-b' }), // 40 + 25 + 20 + 5 = 90 at 0 km
      candidate({ citizenId: 'c-a' }), // 90 at 0 km: same as c-b, id first
      candidate({ citizenId: 'c-z', active: false }),
      candidate({ citizenId: 'c-later' }, { branchCodes: ['cleaning', 'kitchen-canteen'] }), // 30 + 25 + 20 + 5 = 80
      candidate({ citizenId: 'c-y' }, { hoursMax: 20 }),
    ].map((c) => (c.citizenId === 'c-near' ? { ...c, areaCode: 'near' } : c));
    const ranking = rankCandidatesForOpening(job, candidates, context);
    expect(ranking.ranked.map((r) => [r.rank, r.item.citizenId, r.score])).toEqual([
      [1, 'c-a', 90],
      [2, 'c-b', 90],
      [3, 'c-near', 90],
      [4, 'c-later', 80],
    ]);
    expect(ranking.excluded.map((e) => [e.item.citizenId, e.reasons.map((r) => r.code)])).toEqual([
      ['c-y', ['too-many-hours']],
      ['c-z', ['citizen-exited']],
    ]);
  });

  it('ranks openings for a citizen the same way, whatever the input order', () => {
    const openings = [
      opening({ id: 'o-city', areaCode: 'city' }), // 40 + 10 + 20 + 5 = 75
      opening({ id: 'o-home', areaCode: 'home' }), // 90
      opening({ id: 'o-unknown', areaCode: 'nowhere' }), // 40 + 5 + 20 + 5 = 70
      opening({ id: 'o-far', areaCode: 'far' }), // 40 + 5 + 20 + 5 = 70, 12.4 km: before the unknown distance
      opening({ id: 'o-night', conditions: ['night-shifts'] }),
    ];
    const citizen = candidate({}, { avoidConditions: ['night-shifts'] });
    const forward = rankOpeningsForCitizen(citizen, openings, context);
    const backward = rankOpeningsForCitizen(citizen, [...openings].reverse(), context);
    expect(forward.ranked.map((r) => r.item.id)).toEqual(['o-home', 'o-city', 'o-far', 'o-unknown']);
    expect(backward).toEqual(forward);
    expect(forward.excluded.map((e) => e.item.id)).toEqual(['o-night']);
  });
});
