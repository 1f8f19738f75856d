import request from 'supertest';
import { AppModule as CaseloadModule, caseloadService } from '@fremskudt/caseload-service';
import { AppModule as ReportingModule, reportingService } from '@fremskudt/reporting-service';
import { TestService, asUser, startTestService, uniqueTopicPrefix, waitFor } from '@fremskudt/testing';
import { registerCitizen, RegisteredCitizen, statistics } from './support/platform';

/**
 * The walking skeleton: a citizen registered on caseload (HTTP → database + outbox → Kafka)
 * shows up in reporting's statistics (Kafka → inbox + read model → HTTP), per tenant.
 */
describe('citizen registration flows from caseload to reporting, per tenant', () => {
  const prefix = uniqueTopicPrefix('e2e-registration');
  let caseload: TestService;
  let reporting: TestService;

  beforeAll(async () => {
    // Each service its own database; both on one topic prefix, so they see each other's topics.
    [caseload, reporting] = await Promise.all([
      startTestService(caseloadService, CaseloadModule.forRoot, { topicPrefix: prefix }),
      startTestService(reportingService, ReportingModule.forRoot, { topicPrefix: prefix }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([caseload?.dispose(), reporting?.dispose()]);
  });

  const kbh: RegisteredCitizen[] = [];
  const slagelse: RegisteredCitizen[] = [];

  it('counts each tenant’s registrations in reporting within 2 s of the last registration', async () => {
    kbh.push(await registerCitizen(caseload, 'kbh', 'tingbjerg'));
    slagelse.push(await registerCitizen(caseload, 'slagelse', 'ringparken'));
    kbh.push(await registerCitizen(caseload, 'kbh', 'mjoelnerparken'));
    slagelse.push(await registerCitizen(caseload, 'slagelse', 'ringparken'));
    kbh.push(await registerCitizen(caseload, 'kbh', 'tingbjerg'));
    const lastRegistered = Date.now();

    await waitFor(
      async () => {
        const [k, s] = await Promise.all([statistics(reporting, 'kbh'), statistics(reporting, 'slagelse')]);
        return k.count >= 3 && s.count >= 2;
      },
      { timeoutMs: 10_000, intervalMs: 25, what: 'reporting to count 3 (kbh) and 2 (slagelse)' },
    );
    const latencyMs = Date.now() - lastRegistered;

    expect(await statistics(reporting, 'kbh')).toEqual({
      tenant: 'kbh',
      count: 3,
      byArea: [
        { areaCode: 'mjoelnerparken', count: 1 },
        { areaCode: 'tingbjerg', count: 2 },
      ],
    });
    expect(await statistics(reporting, 'slagelse')).toEqual({ tenant: 'slagelse', count: 2, byArea: [{ areaCode: 'ringparken', count: 2 }] });
    // Acceptance criterion: the statistics reflect a registration within 2 seconds.
    expect(latencyMs).toBeLessThan(2_000);
  });

  it('shows a tenant nothing of the others', async () => {
    expect(await statistics(reporting, 'aarhus')).toEqual({ tenant: 'aarhus', count: 0, byArea: [] });
  });

  it('answers 404 when one tenant asks caseload for another tenant’s citizen', async () => {
    const [citizen] = kbh;
    await request(caseload.http).get(`/citizens/${citizen.id}`).use(asUser('slagelse')).expect(404);
    const own = await request(caseload.http).get(`/citizens/${citizen.id}`).use(asUser('kbh')).expect(200);
    expect(own.body).toMatchObject({ id: citizen.id, areaCode: 'tingbjerg' });
  });
});
