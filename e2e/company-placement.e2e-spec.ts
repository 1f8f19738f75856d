import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppModule as CaseloadModule, caseloadService } from '@fremskudt/caseload-service';
import { AppModule as CompaniesModule, companiesService } from '@fremskudt/companies-service';
import { AppModule as ReportingModule, reportingService } from '@fremskudt/reporting-service';
import { PlacementPlanned, PlacementsStream, PlacementStarted, topicName } from '@fremskudt/contracts';
import { EventProbe, TestService, asUser, startTestService, uniqueTopicPrefix, waitFor } from '@fremskudt/testing';
import { addDays, CaseloadClient, copenhagenToday } from './support/caseload';

/** A CVR number passing the modulus-11 check (weights 2 7 6 5 4 3 2 1): 10150817 sums to 66. */
const CVR = '10150817';

/**
 * A company placement across the services: a citizen registered in caseload becomes known to the
 * companies service over Kafka; a company consultant plans and starts a placement there; the
 * placement's events reach the citizen's timeline in caseload and the count of started
 * placements in reporting. Another tenant sees none of it.
 */
describe('a company placement, from caseload to companies to caseload’s timeline and reporting', () => {
  const prefix = uniqueTopicPrefix('e2e-company-placement');
  let caseload: TestService;
  let companies: TestService;
  let reporting: TestService;
  let probe: EventProbe;
  let kbh: CaseloadClient;
  const today = copenhagenToday();
  const startedOn = addDays(today, -1);
  let citizenId: string;
  let companyId: string;
  let placementId: string;

  /** A request to the companies service as a tenant; fails with the problem details unless the status is `expected`. */
  const onCompanies = async <T>(method: 'get' | 'post', path: string, expected: number, body?: object, tenant = 'kbh'): Promise<T> => {
    const call = request(companies.http)[method](path).use(asUser(tenant));
    const response = method === 'post' ? await call.set('idempotency-key', randomUUID()).send(body ?? {}) : await call;
    if (response.status !== expected) throw new Error(`${method.toUpperCase()} ${path} answered ${response.status}, not ${expected}: ${JSON.stringify(response.body)}`);
    return response.body as T;
  };
  const placementStatistics = async (tenant: string) =>
    (await request(reporting.http).get('/statistics/placements').use(asUser(tenant)).expect(200)).body as { started: number; byType: unknown[]; byArea: unknown[] };

  beforeAll(async () => {
    [caseload, companies, reporting] = await Promise.all([
      startTestService(caseloadService, CaseloadModule.forRoot, { topicPrefix: prefix }),
      startTestService(companiesService, CompaniesModule.forRoot, { topicPrefix: prefix }),
      startTestService(reportingService, ReportingModule.forRoot, { topicPrefix: prefix }),
    ]);
    probe = await EventProbe.start(topicName(prefix, PlacementsStream));
    kbh = new CaseloadClient(caseload, 'kbh');
  }, 120_000);
  afterAll(async () => {
    await probe?.stop();
    await Promise.all([caseload?.dispose(), companies?.dispose(), reporting?.dispose()]);
  });

  it('makes a citizen registered in caseload known to the companies service', async () => {
    citizenId = (await kbh.registerCitizen('Amina Hassan', 'tingbjerg')).id;
    // Until caseload's CitizenRegistered arrives, the companies service does not know the citizen (404).
    await waitFor(async () => (await request(companies.http).get(`/citizens/${citizenId}/job-wishes`).use(asUser('kbh'))).status === 200, {
      timeoutMs: 30_000,
      what: 'the companies service to know the citizen',
    });
    // The same citizen is no citizen of another tenant's outreach team.
    await onCompanies('get', `/citizens/${citizenId}/job-wishes`, 404, undefined, 'aarhus');
  });

  it('plans and starts a placement in a company, each with its event on the placements topic', async () => {
    companyId = (await onCompanies<{ id: string }>('post', '/companies', 201, { cvr: CVR, name: 'Kantinen i Tingbjerg ApS', branchCode: 'kitchen-canteen', areaCode: 'tingbjerg' })).id;
    const planned = await onCompanies<{ id: string; status: string }>('post', '/placements', 201, {
      citizenId,
      companyId,
      placementType: 'company-internship',
      plannedStart: startedOn,
      plannedEnd: addDays(today, 90),
      hoursPerWeek: 25,
    });
    placementId = planned.id;
    const started = await onCompanies<{ status: string; startedOn: string }>('post', `/placements/${placementId}/start`, 200, { startedOn });
    expect(started).toMatchObject({ status: 'started', startedOn });
    const [event] = await probe.waitFor(PlacementStarted, placementId);
    expect(event.data).toEqual({ placementId, citizenId, companyId, placementType: 'company-internship', hoursPerWeek: 25, startedOn });
    await probe.waitFor(PlacementPlanned, placementId);

    // A placement for a citizen of another tenant's team is refused, and nothing is published.
    const refused = await request(companies.http)
      .post('/placements')
      .use(asUser('aarhus'))
      .send({ citizenId, companyId, placementType: 'company-internship', plannedStart: today, hoursPerWeek: 25 })
      .expect(409);
    expect(refused.body.code).toBe('citizen-unknown');
  });

  it('shows the placement in the citizen’s timeline and placements in caseload', async () => {
    const entries = await waitFor(
      async () => {
        const timeline = await kbh.timelineOf(citizenId);
        return timeline.some((entry) => entry.type === PlacementStarted.type) ? timeline : null;
      },
      { timeoutMs: 30_000, what: 'the placement in the citizen’s timeline' },
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ source: 'companies', type: PlacementStarted.type, occurredOn: startedOn, data: expect.objectContaining({ placementId, companyId }) }),
    );
    expect(entries).toContainEqual(expect.objectContaining({ source: 'companies', type: PlacementPlanned.type }));
    const placements = await kbh.send<{ placements: Array<{ id: string; status: string; startedOn: string }> }>('get', `/citizens/${citizenId}/placements`, 200);
    expect(placements.placements).toEqual([expect.objectContaining({ id: placementId, companyId, status: 'started', startedOn })]);
  });

  it('counts one started placement in reporting, in the citizen’s area, and none for another tenant', async () => {
    const statistics = await waitFor(
      async () => {
        const current = await placementStatistics('kbh');
        if (current.started > 1) throw new Error(`reporting counts ${current.started} started placements, more than 1`);
        return current.started === 1 ? current : null;
      },
      { timeoutMs: 30_000, what: 'reporting to count the started placement' },
    );
    expect(statistics).toMatchObject({
      started: 1,
      byType: [{ placementType: 'company-internship', count: 1 }],
      byArea: [{ areaCode: 'tingbjerg', count: 1 }],
    });
    expect((await placementStatistics('aarhus')).started).toBe(0);
  });
});
