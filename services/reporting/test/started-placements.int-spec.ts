import { randomUUID } from 'node:crypto';
import { CitizenRegistered, PayloadOf, PlacementStarted, PlacementType } from '@fremskudt/contracts';
import { fieldsOf, KBH, serviceTestbed, SLAGELSE } from '@fremskudt/testing';
import { AppModule, reportingService } from '../src/app.module';
import { csvRows } from './support/reporting-testbed';

const registered = (citizenId: string, areaCode: string): PayloadOf<typeof CitizenRegistered> => ({
  citizenId,
  periodId: randomUUID(),
  periodOpenedOn: '2026-01-05',
  birthDate: '1986-09-09',
  areaCode,
  benefitType: 'cash-benefit',
  readiness: 'activity-ready',
  matchGroup: null,
  step: null,
  interpreterNeeded: false,
  registeredAt: new Date().toISOString(),
});

const started = (citizenId: string, placementType: PlacementType, startedOn: string, placementId = randomUUID()): PayloadOf<typeof PlacementStarted> => ({
  placementId,
  citizenId,
  companyId: randomUUID(),
  placementType,
  hoursPerWeek: 30,
  startedOn,
});

describe('reporting: started placements from the placements stream (real PostgreSQL and Kafka)', () => {
  const testbed = serviceTestbed('started-placements', reportingService, AppModule.forRoot, { probe: false });
  const { api, play, eventually } = testbed;

  const statistics = async (tenant: string, query = '') => (await api(tenant).get(`/statistics/placements${query}`).expect(200)).body;
  const startedCount = async (tenant: string) =>
    (
      await testbed.inspect<{ n: number }>(`SELECT count(DISTINCT subject_id)::int AS n FROM domain_fact WHERE kind = 'placement-started' AND tenant_id = $1`, [
        tenant,
      ])
    )[0].n;

  const tingbjerg = randomUUID();
  const urbanplanen = randomUUID();
  const stranger = randomUUID();
  const repeated = randomUUID();

  beforeAll(async () => {
    await play(KBH, [
      { contract: CitizenRegistered, payload: registered(tingbjerg, 'tingbjerg') },
      { contract: CitizenRegistered, payload: registered(urbanplanen, 'urbanplanen') },
    ]);
    const startEvent = { contract: PlacementStarted, payload: started(tingbjerg, 'wage-subsidy-job', '2026-03-02', repeated), id: randomUUID() };
    await play(KBH, [
      { contract: PlacementStarted, payload: started(tingbjerg, 'company-internship', '2026-01-12') },
      { contract: PlacementStarted, payload: started(urbanplanen, 'company-internship', '2026-02-02') },
      startEvent,
      startEvent, // delivered twice
      { contract: PlacementStarted, payload: started(tingbjerg, 'wage-subsidy-job', '2026-03-09', repeated) }, // the same placement again
      { contract: PlacementStarted, payload: started(urbanplanen, 'ordinary-job', '2026-07-01') },
      { contract: PlacementStarted, payload: started(stranger, 'flex-job', '2026-03-15') },
    ]);
    await play(SLAGELSE, [{ contract: PlacementStarted, payload: started(randomUUID(), 'company-internship', '2026-02-10') }]);
    await eventually(
      `SELECT count(DISTINCT subject_id)::int AS n FROM domain_fact WHERE kind = 'placement-started'`,
      [],
      (rows) => (rows[0] as { n: number }).n === 6,
      'six placements started',
    );
  });

  it('counts each started placement once per tenant, by type, the citizen’s area and month, and the company placements among them', async () => {
    expect(await startedCount(KBH)).toBe(5);
    expect(await statistics(KBH)).toEqual({
      tenant: KBH,
      from: null,
      to: null,
      started: 5,
      companyPlacements: 3,
      byType: [
        { placementType: 'company-internship', count: 2 },
        { placementType: 'flex-job', count: 1 },
        { placementType: 'ordinary-job', count: 1 },
        { placementType: 'wage-subsidy-job', count: 1 },
      ],
      byArea: [
        { areaCode: 'tingbjerg', count: 2 },
        { areaCode: 'unknown', count: 1 },
        { areaCode: 'urbanplanen', count: 2 },
      ],
      byMonth: [
        { month: '2026-01', count: 1 },
        { month: '2026-02', count: 1 },
        { month: '2026-03', count: 2 },
        { month: '2026-07', count: 1 },
      ],
    });
    expect(await statistics(SLAGELSE)).toMatchObject({ tenant: SLAGELSE, started: 1, companyPlacements: 1, byArea: [{ areaCode: 'unknown', count: 1 }] });
    expect((await statistics('odense')).started).toBe(0);
  });

  it('counts the placements started within a period (both days included), e.g. the first half-year', async () => {
    const firstHalf = await statistics(KBH, '?from=2026-01-01&to=2026-06-30');
    expect(firstHalf).toMatchObject({ from: '2026-01-01', to: '2026-06-30', started: 4, companyPlacements: 3 });
    expect((await statistics(KBH, '?from=2026-03-02&to=2026-03-02')).byType).toEqual([{ placementType: 'wage-subsidy-job', count: 1 }]);
    expect((await statistics(KBH, '?from=2026-07-01')).started).toBe(1);
    expect((await statistics(KBH, '?to=2026-01-31')).started).toBe(1);
  });

  it('gives the table as CSV: the totals, then one line per type, area and month (Danish or English)', async () => {
    const danish = await api(KBH).get('/statistics/placements?from=2026-01-01&to=2026-06-30&format=csv').expect(200);
    expect(danish.headers['content-type']).toMatch(/^text\/csv/);
    expect(danish.headers['content-disposition']).toBe('attachment; filename="placeringer-kbh.csv"');
    expect(csvRows(danish.text)).toEqual([
      ['Opdeling', 'Værdi', 'Startede'],
      ['I alt', '', '4'],
      ['Virksomhedsplaceringer', '', '3'],
      ['Type', 'company-internship', '2'],
      ['Type', 'flex-job', '1'],
      ['Type', 'wage-subsidy-job', '1'],
      ['Område', 'tingbjerg', '2'],
      ['Område', 'unknown', '1'],
      ['Område', 'urbanplanen', '1'],
      ['Måned', '2026-01', '1'],
      ['Måned', '2026-02', '1'],
      ['Måned', '2026-03', '2'],
    ]);
    const english = await api(SLAGELSE).get('/statistics/placements?format=csv').set('accept-language', 'en').expect(200);
    expect(csvRows(english.text, ',')).toEqual([
      ['Breakdown', 'Value', 'Started'],
      ['All', '', '1'],
      ['Company placements', '', '1'],
      ['Type', 'company-internship', '1'],
      ['Area', 'unknown', '1'],
      ['Month', '2026-02', '1'],
    ]);
    expect(fieldsOf((await api().get('/statistics/placements?format=xlsx').expect(400)).body)).toEqual(['format']);
  });

  it('refuses bad periods with 400 naming the field', async () => {
    expect(fieldsOf((await api().get('/statistics/placements?from=2026-13-01&to=yesterday').expect(400)).body)).toEqual(['from', 'to']);
    expect(fieldsOf((await api().get('/statistics/placements?from=2026-06-30&to=2026-01-01').expect(400)).body)).toEqual(['to']);
  });
});
