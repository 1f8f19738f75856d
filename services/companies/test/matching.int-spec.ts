import {
  EXPECTED_CANDIDATES_FOR_O01,
  EXPECTED_EXCLUSIONS_FOR_C19,
  EXPECTED_EXCLUSIONS_FROM_O01,
  EXPECTED_OPENINGS_FOR_C19,
  matchingFixture,
  MAX_POINTS_WITHOUT_WISHED_BRANCH,
} from './fixtures/matching-fixture';
import { seedMatchingFixture } from './fixtures/seed-matching-fixture';
import { companiesTestbed, fieldsOf, KBH, SLAGELSE, UNKNOWN_ID, uniqueCvr } from './support/testbed';

interface ReasonView {
  code: string;
  points: number | null;
  text: string;
  facts: Record<string, unknown>;
}
interface RankedCandidate {
  rank: number;
  citizenId: string;
  score: number;
  distanceKm: number | null;
  reasons: ReasonView[];
}
interface CandidatesView {
  openingId: string;
  considered: number;
  ranked: RankedCandidate[];
  excluded: Array<{ citizenId: string; reasons: ReasonView[] }>;
}
interface OpeningsView {
  citizenId: string;
  considered: number;
  ranked: Array<{ rank: number; openingId: string; score: number; reasons: ReasonView[] }>;
  excluded: Array<{ openingId: string; reasons: ReasonView[] }>;
}

const LEVELS = ['none', 'basic', 'intermediate', 'fluent'];

/**
 * Matching through the API on the fixture of 50 openings and 200 citizens (test/fixtures): the
 * data goes in as it would in production (citizens from caseload's topic, wishes, companies,
 * openings and a placement through the API), and the rankings come back with their reasons.
 */
describe('companies: matching citizens and openings on the 50 × 200 fixture (real PostgreSQL and Kafka)', () => {
  const testbed = companiesTestbed('matching', { probe: false });
  const { api, play, eventually, inspect } = testbed;
  const fixture = matchingFixture();
  const openingIds = new Map<string, string>();
  const openingKeys = new Map<string, string>();
  const citizenIds = new Map(fixture.citizens.map((c) => [c.key, c.citizenId]));
  const citizenKeys = new Map(fixture.citizens.map((c) => [c.citizenId, c.key]));

  beforeAll(async () => {
    const seeded = await seedMatchingFixture(
      {
        post: async (path, body, expected) => (await api().post(path, body).expect(expected)).body,
        play: (events) => play(KBH, events),
        eventually: (sql, params, check, what) => eventually(sql, params, check, what),
        inspect: (sql, params) => inspect(sql, params),
      },
      fixture,
      uniqueCvr,
    );
    for (const [key, id] of seeded.openingIds) {
      openingIds.set(key, id);
      openingKeys.set(id, key);
    }
  }, 120_000);

  const candidatesFor = async (openingKey: string, query = '?limit=500', language?: string): Promise<CandidatesView> => {
    const request = api().get(`/openings/${openingIds.get(openingKey)}/candidates${query}`);
    return (await (language ? request.set('accept-language', language) : request).expect(200)).body;
  };
  const openingsFor = async (citizenKey: string, query = '?limit=500'): Promise<OpeningsView> =>
    (await api().get(`/citizens/${citizenIds.get(citizenKey)}/matching-openings${query}`).expect(200)).body;
  const codes = (reasons: ReasonView[]) => reasons.map((reason) => reason.code);

  it('ranks the candidates for o01 as expected, each rank with its reasons adding up to its points', async () => {
    const view = await candidatesFor('o01');
    expect(view.considered).toBe(200);
    expect(view.ranked.map((r) => [citizenKeys.get(r.citizenId), r.score])).toEqual(EXPECTED_CANDIDATES_FOR_O01);
    expect(view.ranked.map((r) => r.rank)).toEqual(EXPECTED_CANDIDATES_FOR_O01.map((_, index) => index + 1));
    for (const ranked of view.ranked) expect(ranked.reasons.reduce((sum, reason) => sum + (reason.points ?? 0), 0)).toBe(ranked.score);

    const [best] = view.ranked;
    expect(best).toMatchObject({ citizenId: citizenIds.get('c01'), score: 100, distanceKm: 0 });
    expect(best.reasons).toEqual([
      { code: 'branch-first-wish', points: 40, text: 'Borgerens førsteønske er branchen Køkken og kantine', facts: { branch: 'kitchen-canteen' } },
      { code: 'same-area', points: 25, text: 'Arbejdet er i borgerens eget område (Tingbjerg)', facts: { area: 'tingbjerg' } },
      { code: 'wished-area', points: 5, text: 'Borgeren ønsker at arbejde i Tingbjerg', facts: { area: 'tingbjerg' } },
      { code: 'hours-fit', points: 20, text: '25 timer om ugen passer til ønsket (20-30)', facts: { hours: 25, min: 20, max: 30 } },
      { code: 'language-above', points: 10, text: 'Dansk over kravet: mellemniveau mod krævet begynderdansk', facts: { required: 'basic', actual: 'intermediate' } },
    ]);
    const bispebjerg = view.ranked.find((r) => r.citizenId === citizenIds.get('c05'))!;
    expect(bispebjerg.reasons).toContainEqual(expect.objectContaining({ code: 'distance', points: 15, text: 'Ca. 3,5 km fra borgerens område til Tingbjerg' }));
  });

  it('excludes from o01 the designed citizens with every reason, and every filler for the missing hygiene certificate', async () => {
    const view = await candidatesFor('o01');
    const excluded = new Map(view.excluded.map((e) => [citizenKeys.get(e.citizenId)!, e.reasons]));
    expect(view.ranked.length + view.excluded.length).toBe(200);
    for (const [citizenKey, expected] of Object.entries(EXPECTED_EXCLUSIONS_FROM_O01)) expect([citizenKey, codes(excluded.get(citizenKey)!)]).toEqual([citizenKey, expected]);
    for (const filler of fixture.citizens.slice(19)) expect(codes(excluded.get(filler.key)!)).toContain('certificates-missing');

    expect(excluded.get('c14')).toEqual([
      { code: 'too-far', points: null, text: 'Ca. 14,2 km er længere end borgeren kan rejse (højst 10 km)', facts: { km: 14.2, maxKm: 10 } },
    ]);
    expect(excluded.get('c16')!.map((r) => r.text)).toEqual([
      'Dansk under kravet: intet dansk mod krævet begynderdansk',
      'Mangler krævede beviser: hygiene-certificate',
    ]);
    expect(excluded.get('c18')![0].text).toBe('Borgeren er allerede i en fuldtidsplacering');
  });

  it('answers the reasons in English on Accept-Language: en, and only the best ones up to the limit', async () => {
    const view = await candidatesFor('o01', '?limit=3', 'en');
    expect(view.ranked.map((r) => citizenKeys.get(r.citizenId))).toEqual(['c01', 'c02', 'c03']);
    expect(view.ranked[0].reasons[0].text).toBe("The citizen's first wish is the branch Kitchen and canteen");
    expect(view.excluded.find((e) => citizenKeys.get(e.citizenId) === 'c17')!.reasons[0].text).toBe('The citizen has left the outreach team');
    expect(view.excluded).toHaveLength(190);
  });

  it('ranks the open openings for c19 as expected, the unwished branches after, and excludes the designed ones with every reason', async () => {
    const view = await openingsFor('c19');
    expect(view.considered).toBe(49); // o13 is filled: not considered
    const top = view.ranked.slice(0, EXPECTED_OPENINGS_FOR_C19.length);
    expect(top.map((r) => [openingKeys.get(r.openingId), r.score])).toEqual(EXPECTED_OPENINGS_FOR_C19);
    for (const rest of view.ranked.slice(EXPECTED_OPENINGS_FOR_C19.length)) {
      expect(codes(rest.reasons)).toContain('branch-not-wished');
      expect(rest.score).toBeLessThanOrEqual(MAX_POINTS_WITHOUT_WISHED_BRANCH);
    }
    const scores = view.ranked.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(view.ranked.find((r) => openingKeys.get(r.openingId) === 'o15')).toMatchObject({ score: 55 });

    const excluded = new Map(view.excluded.map((e) => [openingKeys.get(e.openingId)!, e.reasons]));
    for (const [openingKey, expected] of Object.entries(EXPECTED_EXCLUSIONS_FOR_C19)) expect([openingKey, codes(excluded.get(openingKey)!)]).toEqual([openingKey, expected]);
    expect(excluded.get('o10')![0].text).toBe('Vilkår borgeren ikke kan tage: nattevagter');
    const all = [...view.ranked.map((r) => r.openingId), ...view.excluded.map((e) => e.openingId)];
    expect(all).toHaveLength(49);
    expect(all).not.toContain(openingIds.get('o13'));
  });

  it('never ranks a candidate who fails a hard requirement of any open opening (checked against the fixture’s data)', async () => {
    const byId = new Map(fixture.citizens.map((c) => [c.citizenId, c]));
    for (const o of fixture.openings.filter((x) => x.state === 'open')) {
      const view = await candidatesFor(o.key);
      expect(view.ranked.length + view.excluded.length).toBe(200);
      expect(view.ranked.map((r) => r.rank)).toEqual(view.ranked.map((_, index) => index + 1));
      for (const ranked of view.ranked) {
        const { wish, active, inFullTimePlacement } = byId.get(ranked.citizenId)!;
        const fits =
          active &&
          !inFullTimePlacement &&
          LEVELS.indexOf(wish.languageLevel) >= LEVELS.indexOf(o.body.languageLevel) &&
          o.body.certificates.every((certificate) => wish.certificates.includes(certificate)) &&
          o.body.hoursPerWeek <= wish.hoursMax &&
          !o.body.conditions.some((condition) => wish.avoidConditions.includes(condition)) &&
          (ranked.distanceKm === null || ranked.distanceKm <= wish.maxTravelKm);
        expect([o.key, citizenKeys.get(ranked.citizenId), fits]).toEqual([o.key, citizenKeys.get(ranked.citizenId), true]);
      }
    }
  });

  it('refuses what can’t be matched: 409 for a filled opening, an exited citizen, a citizen without a wish; 404 and 400 otherwise', async () => {
    expect((await api().get(`/openings/${openingIds.get('o13')}/candidates`).expect(409)).body.code).toBe('opening-not-open');
    expect((await api().get(`/citizens/${citizenIds.get('c17')}/matching-openings`).expect(409)).body.code).toBe('citizen-exited');
    const withoutWish = await testbed.knownCitizen();
    expect((await api().get(`/citizens/${withoutWish}/matching-openings`).expect(409)).body.code).toBe('job-wish-missing');
    await api().get(`/citizens/${UNKNOWN_ID}/matching-openings`).expect(404);
    await api(SLAGELSE).get(`/openings/${openingIds.get('o01')}/candidates`).expect(404);
    await api(SLAGELSE).get(`/citizens/${citizenIds.get('c19')}/matching-openings`).expect(404);
    expect(fieldsOf((await api().get(`/openings/${openingIds.get('o01')}/candidates?limit=0`).expect(400)).body)).toEqual(['limit']);
  });
});
