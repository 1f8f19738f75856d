import { randomUUID } from 'node:crypto';
import { CitizenRegistered, HomeVisitHeld, PlacementStarted } from '@fremskudt/contracts';
import { Role } from '@fremskudt/service-kit';
import { waitFor } from '@fremskudt/testing';
import { CitizenStory, csvRecords, deskOpened, fieldsOf, KBH, PlayedEvent, reportingTestbed, SLAGELSE } from './support/reporting-testbed';

const YEAR_2007 = { type: 'year', year: 2007 };
const TINGBJERG = { areas: ['tingbjerg'] };
const CASH_BENEFIT = { benefitTypes: ['cash-benefit'] };
const name = (da: string) => ({ da, en: da });

/**
 * The goals of this file, one or more of each kind, on a small population whose figures are
 * worked out by hand below (2007, Tingbjerg, cash benefit).
 */
const GOALS = [
  { id: 'jobplaner', kind: 'share', scope: TINGBJERG, target: { value: 0.9 }, definition: { population: CASH_BENEFIT, numerator: { currentJobPlan: true } } },
  {
    id: 'jobplaner-18-60',
    kind: 'share',
    scope: TINGBJERG,
    target: { value: 0.5 },
    definition: { population: { ...CASH_BENEFIT, age: { min: 18, max: 60, on: 'period-end' } }, numerator: { currentJobPlan: true } },
  },
  { id: 'jobplaner-team', kind: 'share', scope: { teams: ['team-nord'] }, target: { value: 0.9 }, definition: { population: CASH_BENEFIT, numerator: { currentJobPlan: true } } },
  {
    id: 'jobplaner-relativ',
    kind: 'share',
    scope: TINGBJERG,
    target: { relativeTo: { scope: {} } },
    definition: { population: CASH_BENEFIT, numerator: { currentJobPlan: true } },
  },
  {
    id: 'tilbud',
    kind: 'share',
    scope: TINGBJERG,
    target: { value: 0.5 },
    definition: { population: CASH_BENEFIT, numerator: { fact: ['offer-started', 'offer-completed'], within: 'period' } },
  },
  {
    id: 'job-efter-tilbud',
    kind: 'share',
    scope: TINGBJERG,
    target: { value: 0.25 },
    definition: {
      population: { ...CASH_BENEFIT, having: { fact: 'offer-completed', within: 'period' } },
      numerator: { fact: 'citizen-exited', where: { reason: ['job', 'education'] }, within: 'period', after: { fact: 'offer-completed' } },
    },
  },
  { id: 'mentor', kind: 'count', scope: {}, target: { value: 1.25 }, definition: { events: { fact: 'offer-started', where: { offerType: 'mentor' } } } },
  { id: 'hjemmebesoeg', kind: 'count', scope: {}, target: { value: 1 }, definition: { events: { fact: 'home-visit-held' } } },
  { id: 'udeblivelser', kind: 'share', scope: TINGBJERG, target: { value: 0.15 }, direction: 'at-most', definition: { numeratorEvents: { fact: 'interview-no-show' }, denominatorEvents: { fact: ['interview-held', 'interview-no-show'] } } },
  { id: 'rettidighed', kind: 'timeliness', scope: TINGBJERG, target: { value: 0.3 }, definition: { of: 'interviews' } },
  { id: 'afgangsrate', kind: 'rate', scope: TINGBJERG, target: { value: 0.005 }, definition: { events: { fact: 'citizen-exited', where: { positive: true } } } },
  { id: 'kohorte', kind: 'cohort', scope: TINGBJERG, target: { value: 0.7 }, definition: { start: { fact: 'offer-started' }, reach: { fact: 'citizen-exited', where: { positive: true } }, withinWeeks: 52 } },
  { id: 'raadgivning', kind: 'milestone', scope: { areas: ['tingbjerg', 'urbanplanen'] }, definition: { events: { fact: 'desk-session-opened' }, deadline: '2007-06-30' } },
].map((goal) => ({ name: name(goal.id), period: YEAR_2007, ...goal }));

/** The population: who is where, and what happened to them in 2007. */
function kbhStories() {
  const a = new CitizenStory('tingbjerg', '2007-01-02').assigned('team-nord', '2007-01-10').jobPlan('2007-02-01').offer('course', '2007-03-01', '2007-06-01').exit('job', '2007-09-01');
  a.interview('2007-04-01', { heldOn: '2007-03-28' });
  const b = new CitizenStory('tingbjerg', '2007-01-02').assigned('team-nord', '2007-01-10').jobPlan('2007-02-01').offer('mentor', '2007-03-01');
  b.interview('2007-04-01', { heldOn: '2007-04-10' });
  const c = new CitizenStory('tingbjerg', '2007-01-02', { birthDate: '1991-03-01' }).jobPlan('2007-02-01').interview('2007-05-01', 'no-show');
  const d = new CitizenStory('tingbjerg', '2007-01-02', { birthDate: '1940-03-01' });
  const e = new CitizenStory('tingbjerg', '2007-01-02').exit('moved', '2007-05-01');
  const f = new CitizenStory('urbanplanen', '2007-01-02').jobPlan('2007-02-01');
  const g = new CitizenStory('tingbjerg', '2007-01-02', { benefitType: 'sickness-benefit' } as never).jobPlan('2007-02-01');
  const h = new CitizenStory('tingbjerg', '2008-01-05').jobPlan('2008-01-06');
  const i = new CitizenStory('tingbjerg', '2007-01-02').jobPlan('2007-03-01').moved('urbanplanen', '2007-10-01');
  const j = new CitizenStory('tingbjerg', '2007-01-02').offer('language', '2007-04-01', '2007-05-01').exit('education', '2007-04-15');
  return { a, b, c, d, e, f, g, h, i, j };
}

describe('reporting: goal statuses computed from the events (real PostgreSQL and Kafka)', () => {
  const testbed = reportingTestbed('statuses');
  const { api } = testbed;
  const stories = kbhStories();
  const events: PlayedEvent[] = [...Object.values(stories).flatMap((story) => story.events), deskOpened('tingbjerg', '2007-03-01'), deskOpened('urbanplanen', '2007-08-01')];

  const status = async (goalId: string, query = '') => (await api().get(`/goals/${goalId}/status${query}`).expect(200)).body;
  /** Every status of the tenant without the moment it was computed: what must not change between delivery paths. */
  const allStatuses = async (tenant = KBH) =>
    (await api(tenant).get('/goal-statuses').expect(200)).body.statuses.map(({ computedAt: _computedAt, ...rest }: { computedAt: string }) => rest);

  beforeAll(async () => {
    await api().post('/goals/import', { goals: GOALS }).expect(200);
    await testbed.playEvents(KBH, events);
    await testbed.processed(events);
  });

  it('share of citizens: the population and the numerator as defined, with the evidence', async () => {
    // In case in Tingbjerg on cash benefit during 2007: a, b, c, d, e, j (f lives elsewhere, g has another benefit,
    // h came in 2008, i moved away before the end). With a current job plan: a, b, c.
    expect(await status('jobplaner')).toMatchObject({
      goalId: 'jobplaner',
      kind: 'share',
      status: 'not-met',
      statusLabel: 'Ikke opfyldt',
      realised: 0.5,
      target: 0.9,
      numerator: 3,
      denominator: 6,
      populationSize: 6,
      direction: 'at-least',
      partialThreshold: 0.75,
      definitionVersion: 1,
      period: { type: 'year', year: 2007, from: '2007-01-01', to: '2007-12-31', label: '2007' },
      comparison: null,
    });
    // Aged 18-60 at the end of 2007: c (16) and d (67) are out; a, b, e, j remain, a and b with a plan.
    expect(await status('jobplaner-18-60')).toMatchObject({ status: 'met', numerator: 2, denominator: 4, realised: 0.5 });
    // Started or completed an offer in 2007: a, b, j.
    expect(await status('tilbud')).toMatchObject({ status: 'met', numerator: 3, denominator: 6 });
    // Completed an offer: a and j; a left for a job after completing, j left for education before completing.
    expect(await status('job-efter-tilbud')).toMatchObject({ status: 'met', numerator: 1, denominator: 2, realised: 0.5 });
  });

  it('gives the pseudonymous citizen ids behind numerator and denominator on request', async () => {
    const { a, b, c, d, e, j } = stories;
    const evidence = await status('jobplaner', '?citizens=true');
    expect(evidence.citizens).toEqual({ numerator: [a, b, c].map((s) => s.citizenId).sort(), denominator: [a, b, c, d, e, j].map((s) => s.citizenId).sort() });
    expect((await status('jobplaner')).citizens).toBeUndefined();
  });

  it('refuses the citizen ids to a manager, who reads the aggregated status only', async () => {
    const manager = api({ user: 'leder', tenant: KBH, roles: [Role.Manager] });
    expect((await manager.get('/goals/jobplaner/status?citizens=true').expect(403)).body).toMatchObject({ code: 'citizen-ids-forbidden' });
    await manager.get('/goals/jobplaner/status?citizens=true&format=csv').expect(403);
    expect((await manager.get('/goals/jobplaner/status').expect(200)).body).toMatchObject({ numerator: 3, denominator: 6 });
    expect((await manager.get('/goals/jobplaner/status').expect(200)).body.citizens).toBeUndefined();
    await api({ user: 'afdelingsleder', tenant: KBH, roles: [Role.UnitLead] }).get('/goals/jobplaner/status?citizens=true').expect(200);
  });

  it('scopes by team (the responsible consultant’s) and computes relative targets from the comparison scope', async () => {
    expect(await status('jobplaner-team')).toMatchObject({ status: 'met', numerator: 2, denominator: 2 });
    // The whole tenant on cash benefit: a, b, c, d, e, f, i, j; with a plan a, b, c, f, i: 5 of 8 = 0.625.
    // Tingbjerg's 0.5 reaches 80 % of that: partly met.
    expect(await status('jobplaner-relativ')).toMatchObject({
      status: 'partly-met',
      realised: 0.5,
      target: 0.625,
      comparison: { scope: {}, realised: 0.625, numerator: 5, denominator: 8, populationSize: 8 },
    });
  });

  it('count, event share (lower is better), timeliness, rate, cohort and milestone', async () => {
    expect(await status('mentor')).toMatchObject({ status: 'partly-met', realised: 1, numerator: 1, target: 1.25 });
    // Interviews in Tingbjerg: a held on time, b held late, c did not come.
    expect(await status('udeblivelser')).toMatchObject({ status: 'not-met', numerator: 1, denominator: 3, direction: 'at-most' });
    expect(await status('rettidighed')).toMatchObject({ status: 'met', numerator: 1, denominator: 3 });
    // Two positive exits (a, j) over the 7 in case in Tingbjerg (a, b, c, d, e, g, j) and 12 months.
    const rate = await status('afgangsrate');
    expect(rate).toMatchObject({ status: 'met', numerator: 2, denominator: 7, populationSize: 7 });
    expect(rate.realised).toBeCloseTo(2 / 7 / 12, 10);
    // Started an offer in 2007: a, b, j; left for job or education within 52 weeks of the start: a and j.
    expect(await status('kohorte')).toMatchObject({ status: 'partly-met', numerator: 2, denominator: 3 });
    // Tingbjerg's desk opened before 1 July, Urbanplanen's after.
    expect(await status('raadgivning')).toMatchObject({
      status: 'partly-met',
      numerator: 1,
      denominator: 2,
      areas: [
        { areaCode: 'tingbjerg', reached: true, reachedOn: '2007-03-01' },
        { areaCode: 'urbanplanen', reached: false, reachedOn: null },
      ],
    });
  });

  it('lists the statuses of a period and scope, and the indicator table with a comparison column, also as CSV', async () => {
    const listed = (await api().get('/goal-statuses?from=2007-01-01&to=2007-12-31&areaCode=urbanplanen').expect(200)).body;
    expect(listed).toMatchObject({ tenant: KBH, rebuildInProgress: false });
    expect(listed.statuses.map((s: { goalId: string }) => s.goalId)).toEqual(['raadgivning']);
    expect((await api().get('/goal-statuses?from=2008-01-01').expect(200)).body.statuses).toEqual([]);

    const table = (await api().get('/indicator-table?areaCode=tingbjerg').expect(200)).body;
    expect(table.comparisonScope).toEqual({});
    expect(table.rows.find((row: { goalId: string }) => row.goalId === 'jobplaner')).toEqual({
      goalId: 'jobplaner',
      indicator: 'jobplaner',
      period: '2007',
      kind: 'share',
      target: 0.9,
      direction: 'at-least',
      realised: 0.5,
      numerator: 3,
      denominator: 6,
      populationSize: 6,
      status: 'not-met',
      statusLabel: 'Ikke opfyldt',
      comparison: 0.625,
      definitionVersion: 1,
    });
    const csv = await api().get('/indicator-table?areaCode=tingbjerg&format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('Indikator;Periode;Retning;Mål;Realiseret;Tæller;Nævner;Population;Status;Sammenligning;Definitionsversion');
    expect(lines).toContain('jobplaner;2007;mindst;90,00 %;50,00 %;3;6;6;Ikke opfyldt;62,50 %;1');
    const english = await api().get('/indicator-table?areaCode=tingbjerg&format=csv').set('accept-language', 'en').expect(200);
    expect(english.text).toContain('jobplaner,2007,at least,90.00 %,50.00 %,3,6,6,Not met,62.50 %,1');
  });

  it('exports every goal status with its whole evidence as CSV, and the ids behind one status for audit', async () => {
    const json = (await api().get('/goal-statuses?from=2007-01-01&to=2007-12-31').expect(200)).body.statuses as Array<Record<string, unknown> & { goalId: string }>;
    const csv = await api().get('/goal-statuses?from=2007-01-01&to=2007-12-31&format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="maalstatus-kbh.csv"');
    const [header, ...lines] = csv.text.replace('\uFEFF', '').split('\r\n').filter(Boolean);
    const { columns, records: rows } = csvRecords(csv.text);
    expect(columns).toEqual([
      'Mål-id', 'Navn', 'Type', 'Scope', 'Periode', 'Fra', 'Til', 'Status', 'Retning', 'Måltal', 'Realiseret', 'Tæller', 'Nævner', 'Population',
      'Sammenligningsgruppe', 'Sammenligning realiseret', 'Sammenligning tæller', 'Sammenligning nævner', 'Sammenligning population',
      'Milepælsområder', 'Manuel vurdering', 'Definitionsversion', 'Definition gemt',
    ]);
    // One line per status, each with the JSON's counts, population, period and version.
    expect(rows.map((row) => row['Mål-id'])).toEqual(json.map((status) => status.goalId));
    const text = (value: unknown) => (value === null ? '' : String(value));
    for (const status of json) {
      const row = rows.find((r) => r['Mål-id'] === status.goalId)!;
      const period = status.period as { from: string; to: string; label: string };
      expect([row['Tæller'], row['Nævner'], row['Population'], row['Periode'], row['Fra'], row['Til'], row['Definitionsversion'], row['Definition gemt']]).toEqual([
        text(status.numerator), text(status.denominator), text(status.populationSize), period.label, period.from, period.to, text(status.definitionVersion), status.definitionRecordedAt,
      ]);
    }
    const jobplaner = json.find((status) => status.goalId === 'jobplaner')!;
    expect(lines).toContain(`jobplaner;jobplaner;andel;områder: tingbjerg;2007;2007-01-01;2007-12-31;Ikke opfyldt;mindst;90,00 %;50,00 %;3;6;6;;;;;;;;1;${jobplaner.definitionRecordedAt}`);
    // The relative target's comparison scope with its own figures; the milestone's areas.
    expect(rows.find((row) => row['Mål-id'] === 'jobplaner-relativ')).toMatchObject({
      Måltal: '62,50 %', 'Sammenligningsgruppe': 'Hele kommunen', 'Sammenligning realiseret': '62,50 %', 'Sammenligning tæller': '5', 'Sammenligning nævner': '8', 'Sammenligning population': '8',
    });
    expect(rows.find((row) => row['Mål-id'] === 'raadgivning')).toMatchObject({ Type: 'milepæl', Retning: '', Milepælsområder: 'tingbjerg: 2007-03-01, urbanplanen: –' });

    // One goal's status: the same line.
    const one = (await api().get('/goals/jobplaner/status?format=csv').expect(200)).text.replace('\uFEFF', '').split('\r\n');
    expect(one).toEqual([header, lines.find((line) => line.startsWith('jobplaner;'))!, '']);
    const english = (await api().get('/goals/jobplaner/status?format=csv').set('accept-language', 'en').expect(200)).text;
    expect(english).toContain('Goal id,Name,Kind,Scope,Period,From,To,Status,Direction,Target,Realised,Numerator,Denominator,Population,');
    expect(english).toContain('jobplaner,jobplaner,share,areas: tingbjerg,2007,2007-01-01,2007-12-31,Not met,at least,90.00 %,50.00 %,3,6,6,');

    // With citizens=true: one line per pseudonymous id behind numerator and denominator.
    const { a, b, c, d, e, j } = stories;
    const audit = await api().get('/goals/jobplaner/status?citizens=true&format=csv').expect(200);
    expect(audit.headers['content-disposition']).toBe('attachment; filename="maal-jobplaner-borgere.csv"');
    const [auditHeader, ...auditLines] = audit.text.replace('\uFEFF', '').split('\r\n').filter(Boolean);
    expect(auditHeader).toBe('Mål-id;Del;Pseudonymt borger-id');
    expect(auditLines).toEqual([
      ...[a, b, c].map((s) => s.citizenId).sort().map((id) => `jobplaner;Tæller;${id}`),
      ...[a, b, c, d, e, j].map((s) => s.citizenId).sort().map((id) => `jobplaner;Nævner;${id}`),
    ]);
    expect(fieldsOf((await api().get('/goal-statuses?format=xml').expect(400)).body)).toEqual(['format']);
  });

  it('uses the definition version valid then for an earlier report', async () => {
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const goal = GOALS.find((g) => g.id === 'mentor')!;
    await api().put('/goals/mentor', { ...goal, target: { value: 1 } }).expect(200);
    expect(await status('mentor')).toMatchObject({ status: 'met', target: 1, definitionVersion: 2 });
    expect(await status('mentor', `?asOf=${encodeURIComponent(before)}`)).toMatchObject({ status: 'partly-met', target: 1.25, definitionVersion: 1 });
    await api().put('/goals/mentor', goal).expect(200);
  });

  it('reflects a new event in the status within 2 seconds', async () => {
    expect(await status('hjemmebesoeg')).toMatchObject({ realised: 0, status: 'not-met' });
    const visit = { contract: HomeVisitHeld, id: randomUUID(), payload: { citizenId: stories.d.citizenId, activityId: randomUUID(), heldOn: '2007-11-01', staffId: randomUUID() } };
    const published = Date.now();
    await testbed.playEvents(KBH, [visit]);
    await waitFor(async () => (await status('hjemmebesoeg')).realised === 1, { timeoutMs: 10_000, intervalMs: 50, what: 'the home visit counted' });
    const elapsed = Date.now() - published;
    expect(elapsed).toBeLessThan(2_000);
    events.push(visit);
  });

  it('gives the same statuses when every event is delivered twice', async () => {
    const once = await allStatuses();
    await testbed.playEvents(KBH, events);
    await testbed.caughtUp();
    expect(await allStatuses()).toEqual(once);
    // One fact per event that is a fact (area changes and assignments are dated attributes), not two.
    const [{ n }] = await testbed.inspect<{ n: number }>(`SELECT count(*)::int AS n FROM domain_fact WHERE tenant_id = 'kbh'`);
    expect(n).toBe(events.filter((e) => !['CitizenAreaChanged', 'CitizenAssigned'].includes(e.contract.name)).length);
  });

  it('gives the same statuses whatever order the topics deliver in (a placement before the citizen’s registration)', async () => {
    const goal = { id: 'placeringer', name: name('placeringer'), period: YEAR_2007, kind: 'count', scope: { areas: ['nordbyen'] }, target: { value: 1 }, definition: { events: { fact: 'placement-started' } } };
    await api(SLAGELSE).post('/goals', goal).expect(201);
    const citizenId = randomUUID();
    const placement = { contract: PlacementStarted, id: randomUUID(), payload: { placementId: randomUUID(), citizenId, companyId: randomUUID(), placementType: 'company-internship', hoursPerWeek: 15, startedOn: '2007-05-01' } };
    await testbed.playEvents(SLAGELSE, [placement]);
    await testbed.processed([placement]);
    // The companies topic came first: the placement's area is not known yet.
    expect((await api(SLAGELSE).get('/goals/placeringer/status').expect(200)).body).toMatchObject({ realised: 0 });
    const registered = new CitizenStory('nordbyen', '2007-01-15').events[0];
    (registered.payload as { citizenId: string }).citizenId = citizenId;
    expect(registered.contract).toBe(CitizenRegistered);
    await testbed.playEvents(SLAGELSE, [registered]);
    await testbed.processed([registered]);
    expect((await api(SLAGELSE).get('/goals/placeringer/status').expect(200)).body).toMatchObject({ realised: 1, status: 'met' });
    // Neither tenant sees the other's.
    expect((await api(SLAGELSE).get('/goal-statuses').expect(200)).body.statuses.map((s: { goalId: string }) => s.goalId)).toEqual(['placeringer']);
    await api(KBH).get('/goals/placeringer/status').expect(404);
  });

  it('a full rebuild replays the topics into fresh read models and gives the same read models and statuses as the incremental path', async () => {
    const snapshot = () =>
      Promise.all(
        ['domain_fact ORDER BY fact_id', 'case_period ORDER BY period_id', 'citizen_attribute_history ORDER BY event_id, attribute', 'reported_citizen ORDER BY citizen_id'].map((table) =>
          testbed.inspect(`SELECT * FROM ${table.replace(' ORDER', " WHERE tenant_id = 'kbh' ORDER")}`),
        ),
      );
    const incremental = await allStatuses();
    const incrementalRows = await snapshot();
    const slagelseBefore = await allStatuses(SLAGELSE);

    const started = (await api().post('/read-models/rebuilds', {}, 'rebuild-1').expect(202)).body;
    expect(started).toMatchObject({ tenant: KBH, status: 'running' });
    // A retry with the same key answers the same rebuild and starts no second one.
    const retried = await api().post('/read-models/rebuilds', {}, 'rebuild-1').expect(202);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body.id).toBe(started.id);
    const finished = await waitFor(
      async () => {
        const rebuild = (await api().get(`/read-models/rebuilds/${started.id}`).expect(200)).body;
        if (rebuild.status === 'failed') throw new Error(`rebuild failed: ${rebuild.error}`);
        return rebuild.status === 'completed' ? rebuild : null;
      },
      { timeoutMs: 60_000, intervalMs: 200, what: 'the rebuild to complete' },
    );
    expect(finished.eventsApplied).toBeGreaterThanOrEqual(events.length);
    expect(await snapshot()).toEqual(incrementalRows);
    expect(await allStatuses()).toEqual(incremental);
    // Another tenant's read models were not touched, and a tenant cannot see another's rebuild.
    expect(await allStatuses(SLAGELSE)).toEqual(slagelseBefore);
    await api(SLAGELSE).get(`/read-models/rebuilds/${started.id}`).expect(404);
  });
});
