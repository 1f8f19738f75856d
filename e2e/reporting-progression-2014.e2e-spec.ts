import { Admin } from 'kafkajs';
import { AppModule as CaseloadModule, caseloadService } from '@fremskudt/caseload-service';
import { AppModule as ReportingModule, reportingService } from '@fremskudt/reporting-service';
import { CitizensStream, topicName } from '@fremskudt/contracts';
import { startTestService, TestService, testKafka, uniqueTopicPrefix } from '@fremskudt/testing';
import { expectCall, inPool, listenOnLoopback } from './support/http';
import { waitForNoLag } from './support/platform';

/**
 * The progression tables of 2014 (brief §5: "Progression Jan→Dec 2014") replayed through
 * caseload's public API: citizens registered in 2013, assessed in January 2014 (five scores;
 * caseload computes the group A-G), then either assessed again in December or exited during
 * the year with a reason. Reporting computes the transition table from the events alone.
 *
 * Both scopes go through the API: the outreach effort's 1,021 citizens in the six areas of
 * Udvalgte Boligområder and the ordinary job centre's 4,952 elsewhere in the city (the tenant's
 * comparison scope). The integration suite services/reporting/test/progression.int-spec.ts plays
 * the same tables onto the topic with team assignments, a move and same-day assessments.
 */
describe('reporting: progression Jan→Dec 2014 through caseload and reporting', () => {
  const prefix = uniqueTopicPrefix('e2e-progression');
  const TENANT = 'kbh';
  const CONCURRENCY = 24;
  const OUTREACH_AREAS = ['tingbjerg', 'urbanplanen', 'hothers-plads', 'aldersrogade', 'lundtoftegade', 'akacieparken'];
  const ORDINARY_AREAS = ['bispebjerg', 'noerrebro', 'valby', 'amager-oest', 'vesterbro'];

  /** The brief's counts: starting group → good (A-D), poor (E-G), job/education, other. */
  const TABLES = {
    outreach: { good: [287, 51, 22, 74], poor: [67, 416, 13, 91] },
    ordinary: { good: [1305, 365, 132, 487], poor: [359, 1839, 57, 408] },
  } as const;
  type Outcome = 'good' | 'poor' | 'job-or-education' | 'other';
  const OUTCOMES: Outcome[] = ['good', 'poor', 'job-or-education', 'other'];

  /** Five scores caseload's rule puts in each group (health or social conditions 1: G; four 1-2s: F; two: E; one: D; no 1-2: A-C by the 3s). */
  const SCORES: Record<string, number[]> = { A: [4, 4, 5, 4, 4], B: [3, 4, 4, 5, 4], C: [3, 3, 3, 4, 4], D: [2, 4, 4, 4, 4], E: [2, 2, 4, 4, 4], F: [2, 2, 2, 2, 4], G: [4, 4, 4, 4, 1] };
  const GOOD = ['A', 'B', 'C', 'D'];
  const POOR = ['E', 'F', 'G'];
  const OTHER_EXITS = ['other-self-sufficiency', 'moved', 'early-retirement', 'flex-job', 'other'];

  interface Citizen {
    serial: number;
    areaCode: string;
    start: 'good' | 'poor' | null;
    startGroup: string | null;
    outcome: Outcome | null;
    endGroup: string | null;
    exit: { reason: string; exitDate: string } | null;
    /** Leaves for a job in March and comes back in June (then assessed in December). */
    returns: boolean;
  }

  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  let serial = 0;
  /** One scope's citizens, person by person, plus three in case never assessed (no starting group). */
  const citizensOf = (table: { good: readonly number[]; poor: readonly number[] }, areas: string[]): Citizen[] => {
    const citizens: Citizen[] = [];
    for (const start of ['good', 'poor'] as const) {
      OUTCOMES.forEach((outcome, column) => {
        for (let n = 0; n < table[start][column]; n++) {
          const i = citizens.length;
          const exits = outcome === 'job-or-education' ? ['job', 'education'] : outcome === 'other' ? OTHER_EXITS : null;
          citizens.push({
            serial: serial++,
            areaCode: areas[i % areas.length],
            start,
            startGroup: (start === 'good' ? GOOD : POOR)[i % (start === 'good' ? 4 : 3)],
            outcome,
            endGroup: outcome === 'good' ? GOOD[(i + 1) % 4] : outcome === 'poor' ? POOR[(i + 1) % 3] : null,
            exit: exits ? { reason: exits[i % exits.length], exitDate: `2014-${pad(2 + (i % 10))}-${pad(1 + (i % 27))}` } : null,
            returns: start === 'good' && outcome === 'poor' && n < 3,
          });
        }
      });
    }
    for (let n = 0; n < 3; n++) citizens.push({ serial: serial++, areaCode: areas[n], start: null, startGroup: null, outcome: null, endGroup: null, exit: null, returns: false });
    return citizens;
  };
  const outreach = citizensOf(TABLES.outreach, OUTREACH_AREAS);
  const ordinary = citizensOf(TABLES.ordinary, ORDINARY_AREAS);

  let caseload: TestService;
  let reporting: TestService;
  let admin: Admin;

  /** A request on a service's public API, failing with the answer on any other status (an Idempotency-Key only on the few PUTs). */
  const call = <T>(service: TestService, method: 'GET' | 'POST' | 'PUT', route: string, expected: number, body?: object): Promise<T> =>
    expectCall<T>(service, method, route, expected, { tenant: TENANT, body, idempotencyKey: method === 'PUT' });

  const assess = (citizenId: string, assessedOn: string, group: string) => {
    const [professionalSkills, jobOrEducationFocus, personalAndSocialCompetences, socialConditions, health] = SCORES[group];
    return call<{ group: string }>(caseload, 'POST', `/citizens/${citizenId}/progression-assessments`, 201, {
      assessedOn,
      scores: { professionalSkills, jobOrEducationFocus, personalAndSocialCompetences, socialConditions, health },
    });
  };

  /** Registers one citizen and records their year: January assessment, then December assessment or exit. */
  const replay = async (citizen: Citizen) => {
    // A CPR number of 1 January 1980 with a unique serial (0000-9999).
    const { id } = await call<{ id: string }>(caseload, 'POST', '/citizens', 201, {
      cpr: `010180-${pad(citizen.serial, 4)}`,
      name: `Borger ${citizen.serial}`,
      areaCode: citizen.areaCode,
      benefitType: 'cash-benefit',
      readiness: 'activity-ready',
      registeredOn: '2013-09-02',
    });
    if (!citizen.startGroup) return;
    const january = await assess(id, '2014-01-15', citizen.startGroup);
    if (january.group !== citizen.startGroup) throw new Error(`caseload grouped ${citizen.startGroup}'s scores as ${january.group}`);
    if (citizen.returns) {
      await call(caseload, 'POST', `/citizens/${id}/exit`, 200, { reason: 'job', exitDate: '2014-03-03' });
      await call(caseload, 'POST', `/citizens/${id}/reentry`, 200, { reentryDate: '2014-06-02', areaCode: citizen.areaCode, benefitType: 'cash-benefit', readiness: 'activity-ready' });
    }
    if (citizen.endGroup) await assess(id, '2014-12-10', citizen.endGroup);
    else await call(caseload, 'POST', `/citizens/${id}/exit`, 200, citizen.exit!);
  };

  beforeAll(async () => {
    [caseload, reporting] = await Promise.all([
      startTestService(caseloadService, CaseloadModule.forRoot, { topicPrefix: prefix }),
      startTestService(reportingService, ReportingModule.forRoot, { topicPrefix: prefix }),
    ]);
    await Promise.all([caseload, reporting].map(listenOnLoopback));
    admin = testKafka().admin();
    await admin.connect();
  }, 120_000);
  afterAll(async () => {
    await admin?.disconnect();
    await Promise.all([caseload?.dispose(), reporting?.dispose()]);
  });

  it('the population adds up to the brief’s starting groups before anything is sent', () => {
    const starting = (citizens: Citizen[], start: string) => citizens.filter((c) => c.start === start).length;
    expect([starting(outreach, 'good'), starting(outreach, 'poor')]).toEqual([434, 587]);
    expect([starting(ordinary, 'good'), starting(ordinary, 'poor')]).toEqual([2289, 2663]);
  });

  it('reporting is told the tenant’s effort and comparison scopes', async () => {
    await call(reporting, 'PUT', '/settings/scopes', 200, {
      effort: { name: { da: 'Fremskudt indsats', en: 'Outreach effort' }, scope: { areas: OUTREACH_AREAS } },
      comparison: { name: { da: 'Ordinært jobcenter', en: 'Ordinary job centre' }, scope: { areas: ORDINARY_AREAS } },
    });
  });

  it('caseload registers the outreach effort’s 1,024 citizens with their assessments and exits', async () => {
    await inPool(outreach, CONCURRENCY, replay);
  }, 240_000);

  it('caseload registers the ordinary job centre’s 4,955 citizens with their assessments and exits', async () => {
    await inPool(ordinary, CONCURRENCY, replay);
  }, 600_000);

  it('reporting has every event of caseload', async () => {
    await caseload.messaging.drainOutbox(120_000);
    await waitForNoLag(admin, reporting.config.messaging.consumerGroupId, topicName(prefix, CitizensStream), 300_000);
  }, 420_000);

  it('gives the brief’s transition tables for both starting groups and both scopes', async () => {
    const view = await call<{ tables: Array<{ name: string; notAssessedAtStart: number; rows: Array<Record<string, number>> }> }>(
      reporting,
      'GET',
      '/progression/transitions?from=2014-01-31&to=2014-12-31',
      200,
    );
    const counts = (row: Record<string, number>) => [row.citizens, row.good, row.poor, row.jobOrEducation, row.other];
    expect(view.tables.map((table) => [table.name, table.notAssessedAtStart, table.rows.map(counts)])).toEqual([
      ['Fremskudt indsats', 3, [[434, 287, 51, 22, 74], [587, 67, 416, 13, 91]]],
      ['Ordinært jobcenter', 3, [[2289, 1305, 365, 132, 487], [2663, 359, 1839, 57, 408]]],
    ]);
    // 287 of 434 = 66.1 %, 51 = 11.8 %, 22 = 5.1 % (the brief prints 5.0 %), 74 = 17.1 %.
    const shares = view.tables[0].rows[0].shares as unknown as Record<string, number>;
    expect(Object.values(shares).map((share) => Math.round(share * 1000) / 10)).toEqual([66.1, 11.8, 5.1, 17.1]);

    const distribution = await call<{ total: { good: number; poor: number; notAssessed: number } }>(reporting, 'GET', '/progression/distribution?on=2014-01-31', 200);
    expect(distribution.total).toMatchObject({ good: 434, poor: 587, notAssessed: 3 });
  });
});
