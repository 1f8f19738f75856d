import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Admin } from 'kafkajs';
import { AppModule as CaseloadModule, caseloadService } from '@fremskudt/caseload-service';
import { AppModule as CompaniesModule, companiesService } from '@fremskudt/companies-service';
import { AppModule as ProjectsModule, projectsService } from '@fremskudt/projects-service';
import { AppModule as ReportingModule, reportingService } from '@fremskudt/reporting-service';
import { ExitReason, PlacementType, topicName } from '@fremskudt/contracts';
import { TestService, asUser, inPool, startTestService, testKafka, uniqueTopicPrefix, waitFor } from '@fremskudt/testing';
import { addDays } from './support/caseload';
import { waitForNoLag } from './support/platform';

/** A CVR number passing the modulus-11 check. */
const CVR = '10150817';

/** A placement relative to the participant's enrolment day (day 0): planned on `day`, started then unless `neverStarted`, ended on `endDay`. */
interface PlacementPlan {
  type: PlacementType;
  hoursPerWeek: number;
  day: number;
  endDay?: number;
  neverStarted?: true;
}

interface Participant {
  index: number;
  /** Why this participant is in the fixture, and what the goals should make of it. */
  role: string;
  birthDate: string;
  areaCode: 'tingbjerg' | 'urbanplanen';
  enrolledOn: string;
  placements: PlacementPlan[];
  exit?: { reason: ExitReason; day: number };
  leavesProjectOnDay?: number;
  /** In or having been in an internship or wage-subsidy job from day 0 to day 182. */
  reaches26: boolean;
  /** In an ordinary, part-time or flex job, or left for job, education or flex job, from day 0 to day 364. */
  reaches52: boolean;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const internship = (day: number, endDay?: number): PlacementPlan => ({ type: 'company-internship', hoursPerWeek: 20, day, endDay });

/**
 * The roles of the 65 participants. Boundaries on both sides: a placement from day 182 counts
 * for the 26-week goal and one from day 183 does not; an exit for a job on day 364 counts for the
 * 52-week goal and one on day 365 does not; a placement running at the start counts, one that
 * ended the day before does not.
 */
const ROLES: Array<{ count: number; role: string; reaches26: boolean; reaches52: boolean; plan: (member: number) => Pick<Participant, 'placements' | 'exit' | 'leavesProjectOnDay'> }> = [
  {
    count: 23,
    role: 'company internship within the 26 weeks',
    reaches26: true,
    reaches52: false,
    plan: (member) => ({ placements: [internship(14 + ((member * 5) % 137), 70 + ((member * 5) % 137))] }),
  },
  // Three more with an internship go on: to a part-time job, to a job on day 364 (in), to an ordinary job from day 365 (out).
  { count: 1, role: 'internship, then a part-time job from day 250', reaches26: true, reaches52: true, plan: () => ({ placements: [internship(30, 90), { type: 'part-time-job', hoursPerWeek: 20, day: 250 }] }) },
  { count: 1, role: 'internship, then left for a job on day 364', reaches26: true, reaches52: true, plan: () => ({ placements: [internship(40, 100)], exit: { reason: 'job', day: 364 } }) },
  { count: 1, role: 'internship, then an ordinary job from day 365', reaches26: true, reaches52: false, plan: () => ({ placements: [internship(50, 110), { type: 'ordinary-job', hoursPerWeek: 37, day: 365 }] }) },
  {
    count: 3,
    role: 'wage-subsidy job within the 26 weeks',
    reaches26: true,
    reaches52: false,
    plan: (member) => ({ placements: [{ type: 'wage-subsidy-job', hoursPerWeek: 37, day: 60 + 30 * member, endDay: 180 + 30 * member }] }),
  },
  { count: 1, role: 'internship from day 182', reaches26: true, reaches52: false, plan: () => ({ placements: [internship(182)] }) },
  { count: 1, role: 'in an internship since before the start', reaches26: true, reaches52: false, plan: () => ({ placements: [internship(-20, 40)] }) },
  { count: 1, role: 'internship that ended on the start day', reaches26: true, reaches52: false, plan: () => ({ placements: [internship(-30, 0)] }) },
  { count: 1, role: 'internship from the start day', reaches26: true, reaches52: false, plan: () => ({ placements: [internship(0, 60)] }) },
  { count: 1, role: 'internship from day 183', reaches26: false, reaches52: false, plan: () => ({ placements: [internship(183)] }) },
  { count: 1, role: 'internship that ended the day before the start', reaches26: false, reaches52: false, plan: () => ({ placements: [internship(-40, -1)] }) },
  { count: 1, role: 'internship planned but called off', reaches26: false, reaches52: false, plan: () => ({ placements: [{ ...internship(100, 95), neverStarted: true }] }) },
  { count: 1, role: 'ordinary job from day 90', reaches26: false, reaches52: true, plan: () => ({ placements: [{ type: 'ordinary-job', hoursPerWeek: 37, day: 90 }] }) },
  { count: 1, role: 'flex job from day 300', reaches26: false, reaches52: true, plan: () => ({ placements: [{ type: 'flex-job', hoursPerWeek: 15, day: 300 }] }) },
  { count: 1, role: 'left for education on day 200', reaches26: false, reaches52: true, plan: () => ({ placements: [], exit: { reason: 'education', day: 200 } }) },
  { count: 1, role: 'left for a flex job on day 120', reaches26: false, reaches52: true, plan: () => ({ placements: [], exit: { reason: 'flex-job', day: 120 } }) },
  { count: 1, role: 'left for a job on day 365', reaches26: false, reaches52: false, plan: () => ({ placements: [], exit: { reason: 'job', day: 365 } }) },
  { count: 1, role: 'moved away on day 100', reaches26: false, reaches52: false, plan: () => ({ placements: [], exit: { reason: 'moved', day: 100 } }) },
  { count: 1, role: 'self-sufficient otherwise on day 150', reaches26: false, reaches52: false, plan: () => ({ placements: [], exit: { reason: 'other-self-sufficiency', day: 150 } }) },
  { count: 1, role: 'left the course ill on day 60 (still in the start cohort)', reaches26: false, reaches52: false, plan: () => ({ placements: [], leavesProjectOnDay: 60 }) },
  { count: 21, role: 'nothing within the windows', reaches26: false, reaches52: false, plan: () => ({ placements: [] }) },
];

/** The cohort, participant by participant: enrolled on Mondays from 2 May 2016, one of 20 weeks each; aged 31-60. */
const PARTICIPANTS: Participant[] = ROLES.flatMap(({ count, role, reaches26, reaches52, plan }) => Array.from({ length: count }, (_, member) => ({ role, reaches26, reaches52, ...plan(member) }))).map(
  (participant, index) => ({
    ...participant,
    index,
    birthDate: `${1955 + (index % 30)}-${pad((index % 12) + 1)}-${pad((index % 28) + 1)}`,
    areaCode: index % 2 === 0 ? 'tingbjerg' : 'urbanplanen',
    enrolledOn: addDays('2016-05-02', 7 * (index % 20)),
  }),
);

/**
 * A company-preparation course ("virksomhedsforberedende forløb", Tingbjerg and Urbanplanen
 * 2016-17) replayed through the public APIs on one topic prefix: caseload registers the 65
 * activity-ready citizens over 30; projects creates the course from its template (with its two
 * cohort goals, handed to reporting as ProjectGoalsDefined) and enrols them on their start dates;
 * companies plans, starts and ends their placements; caseload records their exits. Reporting
 * computes both goals from the events alone: 33 of 65 (50.8 %) in or having been in a company
 * placement within 26 weeks against 70 % (the reports' 51.5 % was of 66), and 6 of 65 (9.2 %, the
 * reports' own figure) in job or education within 52 weeks against 5 %.
 */
describe('a company-preparation course cohort: 26- and 52-week shares computed by reporting from the events', () => {
  const prefix = uniqueTopicPrefix('e2e-vf-cohort');
  const TENANT = 'kbh';
  const PROJECT_CODE = 'vf-tingbjerg-urbanplanen-2016';
  const PLACEMENT_GOAL = `${PROJECT_CODE}.company-placement-26-weeks`;
  const JOB_GOAL = `${PROJECT_CODE}.job-or-education-52-weeks`;
  let caseload: TestService;
  let projects: TestService;
  let companies: TestService;
  let reporting: TestService;
  let admin: Admin;
  let projectId: string;
  let companyId: string;
  const citizenIds: string[] = [];
  const enrolmentIds: string[] = [];

  /** A call on a service's public API as the tenant; fails with the problem details unless the status is `expected`. */
  const call = async <T = Record<string, unknown>>(service: TestService, method: 'get' | 'post' | 'put', path: string, expected: number, body?: object): Promise<T> => {
    const pending = request(service.http)[method](path).use(asUser(TENANT));
    const response = method === 'get' ? await pending : await pending.set('idempotency-key', randomUUID()).send(body ?? {});
    if (response.status !== expected) throw new Error(`${method.toUpperCase()} ${path} answered ${response.status}, not ${expected}: ${JSON.stringify(response.body)}`);
    return response.body as T;
  };

  /** Runs the work for every participant, a few at a time. */
  const forEachParticipant = (work: (participant: Participant) => Promise<void>, concurrency = 6) => inPool(PARTICIPANTS, concurrency, work);

  const count = (predicate: (participant: Participant) => boolean) => PARTICIPANTS.filter(predicate).length;
  const idsOf = (predicate: (participant: Participant) => boolean) => PARTICIPANTS.filter(predicate).map((participant) => citizenIds[participant.index]).sort();

  beforeAll(async () => {
    [caseload, projects, companies, reporting] = await Promise.all([
      startTestService(caseloadService, CaseloadModule.forRoot, { topicPrefix: prefix }),
      startTestService(projectsService, ProjectsModule.forRoot, { topicPrefix: prefix }),
      startTestService(companiesService, CompaniesModule.forRoot, { topicPrefix: prefix }),
      startTestService(reportingService, ReportingModule.forRoot, { topicPrefix: prefix }),
    ]);
    admin = testKafka().admin();
    await admin.connect();
  }, 120_000);
  afterAll(async () => {
    await admin?.disconnect();
    await Promise.all([caseload?.dispose(), projects?.dispose(), companies?.dispose(), reporting?.dispose()]);
  });

  it('the fixture: 65 participants, 33 reaching a company placement within 26 weeks and 6 job or education within 52', () => {
    expect(PARTICIPANTS).toHaveLength(65);
    expect(count((p) => p.reaches26)).toBe(33);
    expect(count((p) => p.reaches52)).toBe(6);
    expect(new Set(PARTICIPANTS.map((p) => p.enrolledOn)).size).toBe(20);
  });

  it('caseload registers the 65 citizens; projects and companies learn of them over Kafka', async () => {
    await forEachParticipant(async (participant) => {
      const [year, month, day] = participant.birthDate.split('-');
      const citizen = await call<{ id: string }>(caseload, 'post', '/citizens', 201, {
        cpr: `${day}${month}${year.slice(2)}-${pad(100 + participant.index, 4)}`,
        name: `Deltager ${participant.index + 1}`,
        areaCode: participant.areaCode,
        benefitType: 'cash-benefit',
        readiness: 'activity-ready',
        registeredOn: '2016-01-04',
      });
      citizenIds[participant.index] = citizen.id;
    });
    for (const [service, table] of [
      [projects, 'citizen'],
      [companies, 'known_citizen'],
    ] as const) {
      await waitFor(
        async () => {
          const [{ n }] = await service.database.inspect<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [TENANT]);
          return n === 65;
        },
        { timeoutMs: 60_000, what: `the 65 citizens in ${table}` },
      );
    }
  }, 120_000);

  it('projects creates the course from its template, with its two cohort goals, and enrols the 65 on their start dates', async () => {
    const project = await call<{ id: string; goals: Array<{ code: string; windowWeeks: number; targetPercent: number }> }>(projects, 'post', '/projects/from-template', 201, {
      templateCode: 'company-preparation-course',
      code: PROJECT_CODE,
      startDate: '2016-05-01',
      endDate: '2017-04-30',
      areaCodes: ['tingbjerg', 'urbanplanen'],
    });
    projectId = project.id;
    expect(project.goals).toMatchObject([
      { code: 'company-placement-26-weeks', windowWeeks: 26, targetPercent: 70 },
      { code: 'job-or-education-52-weeks', windowWeeks: 52, targetPercent: 5 },
    ]);
    await forEachParticipant(async (participant) => {
      const enrolment = await call<{ id: string }>(projects, 'post', `/projects/${projectId}/enrolments`, 201, {
        citizenId: citizenIds[participant.index],
        enrolledOn: participant.enrolledOn,
        phaseCode: 'course',
      });
      enrolmentIds[participant.index] = enrolment.id;
    });
    for (const participant of PARTICIPANTS.filter((p) => p.leavesProjectOnDay !== undefined)) {
      await call(projects, 'post', `/enrolments/${enrolmentIds[participant.index]}/leave`, 200, { leftOn: addDays(participant.enrolledOn, participant.leavesProjectOnDay!), reason: 'illness' });
    }
    const figures = await call<{ participants: { enrolled: number; left: number } }>(projects, 'get', `/projects/${projectId}/figures?on=2017-12-31`, 200);
    expect(figures.participants).toMatchObject({ enrolled: 65, left: 1 });
  }, 120_000);

  it('companies plans, starts and ends the placements on their dates; caseload records the exits', async () => {
    companyId = (await call<{ id: string }>(companies, 'post', '/companies', 201, { cvr: CVR, name: 'Plejecenter Tingbjerg', branchCode: 'care-homes', areaCode: 'tingbjerg' })).id;
    await forEachParticipant(async (participant) => {
      const citizenId = citizenIds[participant.index];
      for (const plan of participant.placements) {
        const on = (day: number) => addDays(participant.enrolledOn, day);
        const placement = await call<{ id: string }>(companies, 'post', '/placements', 201, {
          citizenId,
          companyId,
          placementType: plan.type,
          plannedStart: on(plan.day),
          hoursPerWeek: plan.hoursPerWeek,
        });
        if (plan.neverStarted) {
          await call(companies, 'post', `/placements/${placement.id}/end`, 200, { endedOn: on(plan.endDay!), reason: 'cancelled-by-company' });
          continue;
        }
        await call(companies, 'post', `/placements/${placement.id}/start`, 200, { startedOn: on(plan.day) });
        if (plan.endDay !== undefined) await call(companies, 'post', `/placements/${placement.id}/end`, 200, { endedOn: on(plan.endDay), reason: 'completed' });
      }
    });
    // Exits last: the companies service takes no placement for a citizen who has left.
    for (const participant of PARTICIPANTS.filter((p) => p.exit)) {
      await call(caseload, 'post', `/citizens/${citizenIds[participant.index]}/exit`, 200, { reason: participant.exit!.reason, exitDate: addDays(participant.enrolledOn, participant.exit!.day) });
    }
  }, 120_000);

  it('reporting has every event of the three services', async () => {
    await Promise.all([caseload, projects, companies].map((service) => service.messaging.drainOutbox(30_000)));
    const groupId = reporting.config.messaging.consumerGroupId;
    for (const stream of reportingService.consumes) await waitForNoLag(admin, groupId, topicName(prefix, stream), 60_000);
  }, 120_000);

  interface Status {
    goalId: string;
    kind: string;
    scope: object;
    period: { from: string; to: string };
    status: string;
    realised: number;
    target: number;
    numerator: number;
    denominator: number;
    populationSize: number;
    citizens: { numerator: string[]; denominator: string[] };
  }
  const statusOf = (goalId: string) => call<Status>(reporting, 'get', `/goals/${goalId}/status?citizens=true`, 200);

  it('the course’s goals are reporting’s without being loaded: scoped to the project, over its period', async () => {
    const goals = await call<Array<{ id: string; scope: object; period: object; kind: string; target: object }>>(reporting, 'get', '/goals', 200);
    expect(goals).toEqual([
      expect.objectContaining({ id: PLACEMENT_GOAL, kind: 'cohort', scope: { project: PROJECT_CODE }, period: { type: 'range', from: '2016-05-01', to: '2017-04-30' }, target: { value: 0.7 } }),
      expect.objectContaining({ id: JOB_GOAL, kind: 'cohort', scope: { project: PROJECT_CODE }, period: { type: 'range', from: '2016-05-01', to: '2017-04-30' }, target: { value: 0.05 } }),
    ]);
  });

  it('26 weeks: 33 of 65 in or having been in a company placement = 50.8 % against 70 % → not met (below 75 % of the target)', async () => {
    const status = await statusOf(PLACEMENT_GOAL);
    expect(status).toMatchObject({ kind: 'cohort', status: 'not-met', target: 0.7, numerator: 33, denominator: 65, populationSize: 65 });
    expect(status.realised).toBeCloseTo(33 / 65, 12);
    expect(Math.round(status.realised * 1000) / 10).toBe(50.8);
    expect(status.citizens).toEqual({ numerator: idsOf((p) => p.reaches26), denominator: idsOf(() => true) });
    // The boundaries, by name.
    const role = (name: string) => citizenIds[PARTICIPANTS.find((p) => p.role === name)!.index];
    expect(status.citizens.numerator).toEqual(expect.arrayContaining([role('internship from day 182'), role('in an internship since before the start'), role('internship that ended on the start day')]));
    for (const outside of ['internship from day 183', 'internship that ended the day before the start', 'internship planned but called off', 'ordinary job from day 90']) {
      expect(status.citizens.numerator).not.toContain(role(outside));
    }
  });

  it('52 weeks: 6 of 65 in ordinary, part-time or flex job or education = 9.2 % against 5 % → met', async () => {
    const status = await statusOf(JOB_GOAL);
    expect(status).toMatchObject({ kind: 'cohort', status: 'met', target: 0.05, numerator: 6, denominator: 65 });
    expect(Math.round(status.realised * 1000) / 10).toBe(9.2);
    expect(status.citizens.numerator).toEqual(idsOf((p) => p.reaches52));
  });

  it('with the tenant’s partly-met threshold at 0.7, 50.8 % reaches 70 % of the 70 % target: partly met', async () => {
    await call(reporting, 'put', '/settings', 200, { partialThreshold: 0.7 });
    expect(await statusOf(PLACEMENT_GOAL)).toMatchObject({ status: 'partly-met', numerator: 33, denominator: 65, partialThreshold: 0.7 });
    expect(await statusOf(JOB_GOAL)).toMatchObject({ status: 'met' });
    await call(reporting, 'put', '/settings', 200, { partialThreshold: 0.75 });
  });
});
