import { AddressInfo } from 'node:net';
import request from 'supertest';
import { TestService, asUser, staffIdentity, startTestService, tokenFor, uniqueTopicPrefix } from '@fremskudt/testing';
import { AppModule, caseloadService } from '../src/app.module';
import { copenhagenToday } from '../src/case/calendar';
import { COPENHAGEN_AREAS, seedTenant, SeedOptions, SeedSummary } from '../src/seed/tenant-seed';

/**
 * The seed command against a real caseload service over HTTP (a real port, as `npm run seed`
 * uses it), at a small size: what it reports is what the API shows, every fact lies in the
 * citizen's case period (opened on the planned day), exits are dated within the year and
 * replaced the same day, and it is deterministic.
 */
describe('caseload: the tenant seed (real PostgreSQL and Kafka, over a real port)', () => {
  let service: TestService;
  let baseUrl: string;
  // Seed 28 at this size plans exits, cancellations, and no-shows both followed up and still open.
  const small = { consultantsPerTeam: 1, caseloadSize: 5, until: '2026-09-30', seed: 28 } satisfies Partial<SeedOptions>;
  let summary: SeedSummary;

  beforeAll(async () => {
    service = await startTestService(caseloadService, AppModule.forRoot, { topicPrefix: uniqueTopicPrefix('seed') });
    await service.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(service.http.address() as AddressInfo).port}`;
    summary = await seedTenant({ baseUrl, tenant: 'seed-a', accessToken: await tokenFor(staffIdentity('seed-a')), ...small });
  });
  afterAll(async () => {
    await service?.dispose();
  });

  const get = async <T>(tenant: string, path: string): Promise<T> => (await request(service.http).get(path).use(asUser(tenant)).expect(200)).body as T;

  interface Interview {
    outcome: string | null;
    scheduledAt: string | null;
    heldOn: string | null;
    onTime: boolean | null;
  }
  const citizensOf = async (tenant: string) => {
    const perArea = await Promise.all(
      COPENHAGEN_AREAS.map((area) => get<Array<{ id: string; name: string; birthDate: string; areaCode: string; status: string }>>(tenant, `/citizens?areaCode=${area.code}&limit=200`)),
    );
    return perArea.flat();
  };

  it('registers the three teams’ consultants, mentors and company consultants', async () => {
    const staff = await get<Array<{ id: string; role: string; teamCode: string; areaCodes: string[] }>>('seed-a', '/staff');
    expect(staff).toHaveLength(summary.staff);
    expect(summary).toMatchObject({ staff: 9, consultants: 3 });
    const count = (role: string) => staff.filter((member) => member.role === role).length;
    expect([count('job-consultant'), count('mentor'), count('company-consultant')]).toEqual([3, 4, 2]);
    expect(new Set(staff.map((member) => member.teamCode))).toEqual(new Set(['team-nordvest', 'team-noerrebro', 'team-syd']));
    expect(new Set(staff.flatMap((member) => member.areaCodes))).toEqual(new Set(COPENHAGEN_AREAS.map((area) => area.code)));
  });

  it('leaves every consultant with a full caseload of exactly caseloadSize active citizens, exits replaced', async () => {
    const consultants = await get<Array<{ id: string }>>('seed-a', '/staff?role=job-consultant');
    for (const consultant of consultants) {
      const caseload = await get<{ count: number; citizens: unknown[] }>('seed-a', `/staff/${consultant.id}/caseload`);
      expect(caseload.count).toBe(small.caseloadSize);
      expect(caseload.citizens).toHaveLength(small.caseloadSize);
    }
    const citizens = await citizensOf('seed-a');
    expect(citizens).toHaveLength(summary.citizens);
    expect(citizens.filter((citizen) => citizen.status === 'exited')).toHaveLength(summary.exits);
    expect(summary.citizens).toBe(3 * small.caseloadSize + summary.exits);
    expect(summary.exits).toBeGreaterThan(0);
  });

  it('reports exactly what the API shows: interviews, tasks, job plans and assessments', async () => {
    const citizens = await citizensOf('seed-a');
    const interviews: Interview[] = [];
    let jobPlans = 0;
    let revisions = 0;
    let assessments = 0;
    for (const citizen of citizens) {
      interviews.push(...(await get<{ interviews: Interview[] }>('seed-a', `/citizens/${citizen.id}/interviews`)).interviews);
      const plans = (await get<{ jobPlans: Array<{ currentRevision: number }> }>('seed-a', `/citizens/${citizen.id}/job-plans`)).jobPlans;
      jobPlans += plans.length;
      revisions += plans.reduce((sum, plan) => sum + plan.currentRevision - 1, 0);
      assessments += (await get<unknown[]>('seed-a', `/citizens/${citizen.id}/progression-assessments`)).length;
    }
    const outcomes = (outcome: string | null) => interviews.filter((interview) => interview.outcome === outcome).length;
    expect({
      summonses: interviews.length,
      held: outcomes('held'),
      noShows: outcomes('no-show'),
      cancelled: outcomes('cancelled'),
      openSummonses: outcomes(null),
      jobPlans,
      jobPlanRevisions: revisions,
      assessments,
    }).toEqual({
      summonses: summary.summonses,
      held: summary.held,
      noShows: summary.noShows,
      cancelled: summary.cancelled,
      openSummonses: summary.openSummonses,
      jobPlans: summary.jobPlans,
      jobPlanRevisions: summary.jobPlanRevisions,
      assessments: summary.assessments,
    });
    // A year of interviews: about four held per citizen who stayed, an assessment at each.
    expect(summary.held).toBeGreaterThanOrEqual(3 * small.caseloadSize * 3);
    expect(summary.assessments).toBe(summary.held);
    const recorded = summary.held + summary.noShows + summary.cancelled;
    const missed = (summary.noShows + summary.cancelled) / recorded;
    expect(missed).toBeGreaterThanOrEqual(0);
    expect(missed).toBeLessThanOrEqual(0.4);
    // Most held interviews are on time (held before the three months were up, the first counted from the period's opening).
    const held = interviews.filter((interview) => interview.outcome === 'held');
    expect(held.filter((interview) => interview.onTime).length / held.length).toBeGreaterThan(0.75);
    expect(held.every((interview) => interview.heldOn! <= small.until)).toBe(true);

    const open = await get<Array<{ kind: string }>>('seed-a', '/tasks?status=open&limit=1000');
    const done = await get<Array<{ kind: string }>>('seed-a', '/tasks?status=done&limit=1000');
    expect([...open, ...done].every((task) => task.kind === 'no-show-follow-up')).toBe(true);
    expect({ tasks: open.length + done.length, completed: done.length }).toEqual({ tasks: summary.followUpTasks, completed: summary.followUpTasksCompleted });
    expect(summary.followUpTasks).toBe(summary.noShows);
    expect(summary.cancelled).toBeGreaterThan(0);
    expect(0 < summary.followUpTasksCompleted && summary.followUpTasksCompleted < summary.followUpTasks).toBe(true);
  });

  it('opens every case period on the planned day, before every fact of the citizen, and dates exits inside the year before any later fact', async () => {
    const citizens = await citizensOf('seed-a');
    const yearStart = '2025-09-30';
    const before = (a: string, b: string) => a.localeCompare(b) < 0;
    const facts: Array<{ consultantId: string; openedOn: string; closedOn: string | null }> = [];
    for (const citizen of citizens) {
      const periods = await get<Array<{ openedOn: string; closedOn: string | null; current: boolean }>>('seed-a', `/citizens/${citizen.id}/periods`);
      const assignments = await get<Array<{ consultantId: string; fromDate: string; toDate: string | null }>>('seed-a', `/citizens/${citizen.id}/assignments`);
      const { interviews } = await get<{ interviews: Interview[] }>('seed-a', `/citizens/${citizen.id}/interviews`);
      const plans = (await get<{ jobPlans: Array<{ createdOn: string; lastRevisedOn: string }> }>('seed-a', `/citizens/${citizen.id}/job-plans`)).jobPlans;
      const assessments = await get<Array<{ assessedOn: string }>>('seed-a', `/citizens/${citizen.id}/progression-assessments`);
      expect(periods).toHaveLength(1);
      expect(assignments).toHaveLength(1);
      const [{ openedOn, closedOn }] = periods;
      const [assignment] = assignments;
      expect(!before(openedOn, yearStart) && !before(small.until, openedOn)).toBe(true);
      expect(assignment.fromDate).toBe(openedOn);
      // Summoned for days on or after the period opened (the first one after it); the rest within it.
      const summonedFor = interviews.map((interview) => interview.scheduledAt!.slice(0, 10)).sort();
      expect(summonedFor.length).toBeGreaterThan(0);
      expect(before(openedOn, summonedFor[0])).toBe(true);
      const recorded = [
        ...interviews.filter((interview) => interview.outcome !== null).map((interview) => interview.scheduledAt!.slice(0, 10)),
        ...interviews.flatMap((interview) => (interview.heldOn ? [interview.heldOn] : [])),
        ...plans.flatMap((plan) => [plan.createdOn, plan.lastRevisedOn]),
        ...assessments.map((assessment) => assessment.assessedOn),
      ];
      for (const date of recorded) expect(!before(date, openedOn) && !before(small.until, date)).toBe(true);
      if (citizen.status === 'exited') {
        // The exit: before the end of the year, after the assignment and every recorded fact, and nothing open after it.
        expect(closedOn).not.toBeNull();
        expect(before(closedOn!, small.until)).toBe(true);
        expect(before(openedOn, closedOn!) && !before(closedOn!, assignment.fromDate)).toBe(true);
        expect(assignment.toDate).toBe(closedOn);
        for (const date of [...recorded, ...summonedFor]) expect(before(date, closedOn!)).toBe(true);
        expect(interviews.some((interview) => interview.outcome === null)).toBe(false);
      } else {
        expect(closedOn).toBeNull();
        expect(assignment.toDate).toBeNull();
        // The summons for the next interview: one, after the end of the year.
        const open = interviews.filter((interview) => interview.outcome === null);
        expect(open).toHaveLength(1);
        expect(before(small.until, open[0].scheduledAt!.slice(0, 10))).toBe(true);
      }
      facts.push({ consultantId: assignment.consultantId, openedOn, closedOn });
    }
    // Each place that fell free was filled the same day, by the same consultant: the history is continuous.
    const exits = facts.filter((fact) => fact.closedOn !== null);
    expect(exits).toHaveLength(summary.exits);
    for (const exit of exits) {
      expect(facts.some((fact) => fact.closedOn === null && fact.consultantId === exit.consultantId && fact.openedOn === exit.closedOn)).toBe(true);
    }
    // Exits spread over the year, not on the day the seed runs.
    expect(exits.every((exit) => exit.closedOn !== copenhagenToday())).toBe(true);

    // Follow-ups completed on the planned day where the API allows it: never before their task was created.
    const done = await get<Array<{ createdOn: string; completedOn: string; outcome: string | null }>>('seed-a', '/tasks?status=done&limit=1000');
    expect(done.every((task) => task.outcome !== null && !before(task.completedOn, task.createdOn) && !before(copenhagenToday(), task.completedOn))).toBe(true);
  });

  it('gives the same tenant for the same seed, and a second run on the same tenant adds nothing', async () => {
    const second = await seedTenant({ baseUrl, tenant: 'seed-b', accessToken: await tokenFor(staffIdentity('seed-b')), ...small });
    expect({ ...second, tenant: 'seed-a' }).toEqual(summary);
    const picture = async (tenant: string) =>
      (
        await Promise.all(
          (await citizensOf(tenant)).map(async (citizen) => {
            const [period] = await get<Array<{ openedOn: string; closedOn: string | null; exitReason: string | null }>>(tenant, `/citizens/${citizen.id}/periods`);
            return `${citizen.name}|${citizen.birthDate}|${citizen.areaCode}|${citizen.status}|${period.openedOn}|${period.closedOn}|${period.exitReason}`;
          }),
        )
      ).sort();
    expect(await picture('seed-b')).toEqual(await picture('seed-a'));

    // Same options on the same tenant: every command is answered from the command log.
    const again = await seedTenant({ baseUrl, tenant: 'seed-a', accessToken: await tokenFor(staffIdentity('seed-a')), ...small });
    expect(again).toEqual(summary);
    expect(await citizensOf('seed-a')).toHaveLength(summary.citizens);
    expect(await get<unknown[]>('seed-a', '/staff')).toHaveLength(summary.staff);
  });
});
