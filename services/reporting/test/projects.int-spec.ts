import { randomUUID } from 'node:crypto';
import {
  InformationMeetingHeld,
  MilestoneReached,
  ParticipantEnrolled,
  ParticipantLeft,
  ParticipantReplaced,
  PayloadOf,
  PlacementEnded,
  PlacementStarted,
  PlacementType,
  ProjectCreated,
  ProjectGoalsDefined,
} from '@fremskudt/contracts';
import { waitFor } from '@fremskudt/testing';
import { CitizenStory, fieldsOf, KBH, PlayedEvent, reportingTestbed, SLAGELSE } from './support/reporting-testbed';

const event = (contract: PlayedEvent['contract'], payload: unknown): PlayedEvent => ({ contract, payload, id: randomUUID() });
type CohortGoal = PayloadOf<typeof ProjectGoalsDefined>['goals'][number];

/** A project as the projects service publishes it: its definition, goals, meetings and participants. */
class ProjectStory {
  readonly projectId = randomUUID();
  readonly events: PlayedEvent[] = [];
  private readonly enrolments = new Map<string, string>();

  constructor(
    readonly code: string,
    startDate: string,
    endDate: string | null,
  ) {
    this.events.push(
      event(ProjectCreated, {
        projectId: this.projectId,
        projectCode: code,
        templateCode: null,
        variantCode: null,
        startDate,
        endDate,
        capacity: null,
        areaCodes: ['tingbjerg', 'urbanplanen'],
        eligibility: { minAge: null, maxAge: null, genders: [], languageRequirement: 'any', benefitTypes: [], readiness: [], areaCodes: [], matchGroups: [], steps: [] },
        phases: [],
        milestones: [],
        createdAt: `${startDate}T08:00:00Z`,
      }),
    );
  }

  goals(definedAt: string, goals: CohortGoal[]): this {
    this.events.push(event(ProjectGoalsDefined, { projectId: this.projectId, projectCode: this.code, goals, definedAt }));
    return this;
  }

  meeting(areaCode: string, heldOn: string): this {
    this.events.push(event(InformationMeetingHeld, { projectId: this.projectId, meetingId: randomUUID(), areaCode, heldOn, attendees: 10, interested: 5 }));
    return this;
  }

  enrol(citizen: CitizenStory, enrolledOn: string, replaces: CitizenStory | null = null): this {
    const enrolmentId = randomUUID();
    this.enrolments.set(citizen.citizenId, enrolmentId);
    const replacesEnrolmentId = replaces ? this.enrolments.get(replaces.citizenId)! : null;
    this.events.push(event(ParticipantEnrolled, { projectId: this.projectId, enrolmentId, citizenId: citizen.citizenId, enrolledOn, areaCode: citizen.areaCode, replacesEnrolmentId }));
    if (replaces) {
      this.events.push(
        event(ParticipantReplaced, {
          projectId: this.projectId,
          leftEnrolmentId: replacesEnrolmentId,
          leftCitizenId: replaces.citizenId,
          replacementEnrolmentId: enrolmentId,
          replacementCitizenId: citizen.citizenId,
          replacedOn: enrolledOn,
        }),
      );
    }
    return this;
  }

  leave(citizen: CitizenStory, leftOn: string, reason: 'job' | 'illness'): this {
    const participant = { projectId: this.projectId, enrolmentId: this.enrolments.get(citizen.citizenId)!, citizenId: citizen.citizenId };
    this.events.push(event(ParticipantLeft, { ...participant, leftOn, reason, phaseCode: null, placementId: null }));
    return this;
  }

  exam(citizen: CitizenStory, reachedOn: string, result: 'passed' | 'failed'): this {
    const participant = { projectId: this.projectId, enrolmentId: this.enrolments.get(citizen.citizenId)!, citizenId: citizen.citizenId };
    this.events.push(
      event(MilestoneReached, { ...participant, milestoneCode: 'hygiene-certificate-exam', milestoneKind: 'exam', result, reachedOn, phaseCode: 'integration-position', placementId: null }),
    );
    return this;
  }
}

/** A placement of the companies service: started, and ended when `endedOn` is given. */
function placement(citizen: CitizenStory, placementType: PlacementType, startedOn: string, endedOn?: string): PlayedEvent[] {
  const base = { placementId: randomUUID(), citizenId: citizen.citizenId, companyId: randomUUID(), placementType, hoursPerWeek: 20 };
  const events = [event(PlacementStarted, { ...base, startedOn })];
  if (endedOn) events.push(event(PlacementEnded, { ...base, endedOn, reason: 'completed' }));
  return events;
}

const COMPANY_PLACEMENT_26: CohortGoal = {
  goalCode: 'company-placement-26-weeks',
  kind: 'cohort',
  outcome: 'company-placement',
  placementTypes: ['company-internship', 'wage-subsidy-job'],
  exitReasons: [],
  windowWeeks: 26,
  targetPercent: 70,
  direction: 'at-least',
};
const JOB_OR_EDUCATION_52: CohortGoal = {
  goalCode: 'job-or-education-52-weeks',
  kind: 'cohort',
  outcome: 'job-or-education',
  placementTypes: ['ordinary-job', 'part-time-job', 'flex-job'],
  exitReasons: ['job', 'education', 'flex-job'],
  windowWeeks: 52,
  targetPercent: 5,
  direction: 'at-least',
};

const registered = (areaCode = 'tingbjerg') => new CitizenStory(areaCode, '2007-06-01');

/**
 * A company-preparation course whose cohort is worked out by hand. 2016 is a leap year: from
 * 1 February, day 182 is 1 August; from 1 April 2016, day 364 is 31 March 2017.
 */
function courseFixture() {
  const p = {
    a: registered(), // internship from day 182: in the 26 weeks
    b: registered(), // internship from day 183: outside
    c: registered(), // in an internship since before the start, still running: in
    d: registered(), // internship ended the day before the start: out
    e: registered(), // internship ended on the start day: in (in it on that day)
    f: registered('urbanplanen'), // an ordinary job (placement) after a month: not a company placement; job within 52 weeks
    g: registered('urbanplanen'), // wage-subsidy job after two months; left for a job on day 364
    h: registered('urbanplanen'), // left for education on day 365: outside the 52 weeks
    i: registered(), // moved away: neither
    j: registered(), // in another project, with an internship: not in this cohort
  };
  const course = new ProjectStory('vf-2016', '2016-01-01', '2016-12-31')
    .goals('2016-01-01T09:00:00Z', [COMPANY_PLACEMENT_26, JOB_OR_EDUCATION_52])
    .enrol(p.a, '2016-02-01')
    .enrol(p.b, '2016-02-01')
    .enrol(p.c, '2016-03-01')
    .enrol(p.d, '2016-03-01')
    .enrol(p.e, '2016-03-01')
    .enrol(p.f, '2016-04-01')
    .enrol(p.g, '2016-04-01')
    .enrol(p.h, '2016-04-01')
    .enrol(p.i, '2016-05-01')
    // Later the project raises the placement target and drops the job goal.
    .goals('2016-09-01T09:00:00Z', [{ ...COMPANY_PLACEMENT_26, targetPercent: 75 }]);
  const other = new ProjectStory('other-course', '2016-01-01', null).enrol(p.j, '2016-05-01');
  p.g.exit('job', '2017-03-31');
  p.h.exit('education', '2017-04-01');
  p.i.exit('moved', '2016-06-01');
  const events = [
    ...Object.values(p).flatMap((story) => story.events),
    ...course.events,
    ...other.events,
    ...placement(p.a, 'company-internship', '2016-08-01'),
    ...placement(p.b, 'company-internship', '2016-08-02'),
    ...placement(p.c, 'company-internship', '2016-01-15'),
    ...placement(p.d, 'company-internship', '2016-01-10', '2016-02-29'),
    ...placement(p.e, 'company-internship', '2016-01-10', '2016-03-01'),
    ...placement(p.f, 'ordinary-job', '2016-05-01'),
    ...placement(p.g, 'wage-subsidy-job', '2016-06-01', '2016-12-01'),
    ...placement(p.j, 'company-internship', '2016-06-01'),
  ];
  return { p, course, other, events };
}

/** A Stafetten-like project: four enrolled, one leaves for a job and is replaced, four sit an exam and three pass. */
function relayFixture() {
  const s = { s1: registered(), s2: registered(), s3: registered('urbanplanen'), s4: registered('urbanplanen'), s5: registered(), outsider: registered() };
  const relay = new ProjectStory('relay-2007', '2007-09-01', '2008-12-31')
    .meeting('tingbjerg', '2007-10-02')
    .meeting('urbanplanen', '2007-10-03')
    .enrol(s.s1, '2007-12-01')
    .enrol(s.s2, '2007-12-01')
    .enrol(s.s3, '2007-12-01')
    .enrol(s.s4, '2007-12-01')
    .leave(s.s1, '2008-02-15', 'job')
    .enrol(s.s5, '2008-02-18', s.s1)
    .exam(s.s2, '2008-03-05', 'passed')
    .exam(s.s3, '2008-03-05', 'passed')
    .exam(s.s5, '2008-03-05', 'passed')
    .exam(s.s4, '2008-03-05', 'failed');
  const events = [
    ...Object.values(s).flatMap((story) => story.events),
    ...relay.events,
    // A participant's placement counts for the project; one after leaving it, or a non-participant's, does not.
    ...placement(s.s2, 'company-internship', '2008-03-01'),
    ...placement(s.s1, 'company-internship', '2008-03-01'),
    ...placement(s.outsider, 'company-internship', '2008-03-01'),
  ];
  return { s, relay, events };
}

const name = (da: string) => ({ da, en: da });
const RELAY_PERIOD = { type: 'range', from: '2007-09-01', to: '2008-12-31' };
const relayGoals = (project: string) =>
  [
    { id: 'relay-enrolled', kind: 'count', target: { value: 4 }, definition: { events: { fact: 'project-participant-enrolled', where: { replacement: false } } } },
    { id: 'relay-replaced', kind: 'count', target: { value: 1 }, definition: { events: { fact: 'project-participant-replaced' } } },
    { id: 'relay-left-for-job', kind: 'count', target: { value: 1 }, definition: { events: { fact: 'project-participant-left', where: { reason: 'job' } } } },
    {
      id: 'relay-exam-passed',
      kind: 'share',
      target: { value: 0.9 },
      definition: {
        numeratorEvents: { fact: 'project-milestone-reached', where: { milestoneCode: 'hygiene-certificate-exam', result: 'passed' } },
        denominatorEvents: { fact: 'project-milestone-reached', where: { milestoneCode: 'hygiene-certificate-exam' } },
      },
    },
    { id: 'relay-stayed', kind: 'share', target: { value: 0.8 }, definition: { population: {}, numerator: { not: { fact: 'project-participant-left', within: 'period' } } } },
    { id: 'relay-placements', kind: 'count', target: { value: 1 }, definition: { events: { fact: 'placement-started' } } },
    {
      id: 'relay-meetings',
      kind: 'milestone',
      scope: { project, areas: ['tingbjerg', 'urbanplanen', 'mjoelnerparken'] },
      definition: { events: { fact: 'project-information-meeting-held' }, deadline: '2007-10-31' },
    },
  ].map((goal) => ({ name: name(goal.id), period: RELAY_PERIOD, scope: { project }, ...goal }));

describe('reporting: project participants, project scopes and project cohorts (real PostgreSQL and Kafka)', () => {
  const testbed = reportingTestbed('projects');
  const { api } = testbed;
  const course = courseFixture();
  const relay = relayFixture();
  const events = [...course.events, ...relay.events];
  const ids = (...stories: CitizenStory[]) => stories.map((story) => story.citizenId).sort();

  const status = async (goalId: string, query = '', tenant = KBH) => (await api(tenant).get(`/goals/${goalId}/status${query}`).expect(200)).body;
  const allStatuses = async () => (await api().get('/goal-statuses').expect(200)).body.statuses.map(({ computedAt: _computedAt, ...rest }: { computedAt: string }) => rest);

  beforeAll(async () => {
    await api().post('/goals/import', { goals: relayGoals('relay-2007') }).expect(200);
    await testbed.playEvents(KBH, events);
    await testbed.processed(events);
  });

  it('records the projects topic as participant facts and dated project definitions', async () => {
    const facts = await testbed.inspect<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM domain_fact WHERE tenant_id = 'kbh' AND kind LIKE 'project-%' GROUP BY kind ORDER BY kind`,
    );
    expect(facts).toEqual([
      { kind: 'project-information-meeting-held', n: 2 },
      { kind: 'project-milestone-reached', n: 4 },
      { kind: 'project-participant-enrolled', n: 15 },
      { kind: 'project-participant-left', n: 1 },
      { kind: 'project-participant-replaced', n: 1 },
    ]);
    const [replaced] = await testbed.inspect<{ citizen_id: string; attributes: Record<string, unknown> }>(
      `SELECT citizen_id, attributes FROM domain_fact WHERE kind = 'project-participant-replaced'`,
    );
    expect(replaced).toEqual({
      citizen_id: relay.s.s1.citizenId,
      attributes: expect.objectContaining({ projectId: relay.relay.projectId, replacementCitizenId: relay.s.s5.citizenId }),
    });
    const versions = await testbed.inspect<{ project_code: string; aspect: string }>(
      `SELECT project_code, aspect FROM project_definition_history WHERE tenant_id = 'kbh' ORDER BY project_code, effective_at`,
    );
    expect(versions).toEqual([
      { project_code: 'other-course', aspect: 'definition' },
      { project_code: 'relay-2007', aspect: 'definition' },
      { project_code: 'vf-2016', aspect: 'definition' },
      { project_code: 'vf-2016', aspect: 'goals' },
      { project_code: 'vf-2016', aspect: 'goals' },
    ]);
  });

  it("turns the project's own goals into goal definitions: the latest set, scoped to the project, over its period", async () => {
    const goals = (await api().get('/goals').expect(200)).body as Array<{ id: string; version: number }>;
    expect(goals.map((goal) => goal.id)).toEqual([...relayGoals('x').map((goal) => goal.id), 'vf-2016.company-placement-26-weeks'].sort());
    const placementGoal = (await api().get('/goals/vf-2016.company-placement-26-weeks').expect(200)).body;
    expect(placementGoal).toMatchObject({
      id: 'vf-2016.company-placement-26-weeks',
      scope: { project: 'vf-2016' },
      period: { type: 'range', from: '2016-01-01', to: '2016-12-31' },
      kind: 'cohort',
      target: { value: 0.75 },
      version: 2,
      recordedAt: '2016-09-01T09:00:00.000Z',
      definition: { start: { fact: 'project-participant-enrolled' }, withinWeeks: 26 },
    });
    expect(placementGoal.versions).toEqual([
      { version: 1, recordedAt: '2016-01-01T09:00:00.000Z' },
      { version: 2, recordedAt: '2016-09-01T09:00:00.000Z' },
    ]);
    expect((await api().get('/goals/vf-2016.company-placement-26-weeks/versions/1').expect(200)).body).toMatchObject({ target: { value: 0.7 } });
    // As the project had them in June 2016: both goals, the first version.
    const june = (await api().get(`/goals?asOf=${encodeURIComponent('2016-06-01T00:00:00Z')}`).expect(200)).body as Array<{ id: string; version: number }>;
    expect(june.map(({ id, version }) => ({ id, version }))).toEqual([
      { id: 'vf-2016.company-placement-26-weeks', version: 1 },
      { id: 'vf-2016.job-or-education-52-weeks', version: 1 },
    ]);
    // They are changed where they are defined: the tenant cannot take their ids.
    const taken = await api().post('/goals', { ...relayGoals('vf-2016')[0], id: 'vf-2016.company-placement-26-weeks' }).expect(400);
    expect(fieldsOf(taken.body)).toEqual(['id']);
    // Another tenant has none of them.
    expect((await api(SLAGELSE).get('/goals').expect(200)).body).toEqual([]);
    await api(SLAGELSE).get('/goals/vf-2016.company-placement-26-weeks').expect(404);
  });

  it('computes the 26-week cohort exactly: in or having been in a placement of the types from the start day to day 182', async () => {
    const { a, b, c, d, e, f, g, h, i } = course.p;
    const placementStatus = await status('vf-2016.company-placement-26-weeks', '?citizens=true');
    // a (day 182), c (in one since before the start), e (ended on the start day), g (wage subsidy) of the nine enrolled in 2016.
    expect(placementStatus).toMatchObject({
      kind: 'cohort',
      scope: { project: 'vf-2016' },
      status: 'not-met',
      target: 0.75,
      numerator: 4,
      denominator: 9,
      populationSize: 9,
      definitionVersion: 2,
      citizens: { numerator: ids(a, c, e, g), denominator: ids(a, b, c, d, e, f, g, h, i) },
    });
    expect(placementStatus.realised).toBeCloseTo(4 / 9, 12);
    // Computed as the project had it in June 2016 (target 70 %): still not met (4/9 < 0.75 × 0.7).
    expect(await status('vf-2016.company-placement-26-weeks', `?asOf=${encodeURIComponent('2016-06-01T00:00:00Z')}`)).toMatchObject({
      status: 'not-met',
      target: 0.7,
      numerator: 4,
      definitionVersion: 1,
    });
  });

  it('computes the 52-week cohort exactly: a job placement, or an exit to job or education up to day 364', async () => {
    const { f, g } = course.p;
    const asOf = `?asOf=${encodeURIComponent('2016-06-01T00:00:00Z')}&citizens=true`;
    // The goal was dropped in September: it is in the June report, not in today's.
    await api().get('/goals/vf-2016.job-or-education-52-weeks/status').expect(404);
    const jobStatus = await status('vf-2016.job-or-education-52-weeks', asOf);
    expect(jobStatus).toMatchObject({ status: 'met', target: 0.05, numerator: 2, denominator: 9, citizens: { numerator: ids(f, g) } });
  });

  it('a project scope on tenant goals: counts, shares of events and of participants, facts of other topics while a participant, and a milestone per area', async () => {
    const { s1, s2, s3, s4, s5 } = relay.s;
    expect(await status('relay-enrolled')).toMatchObject({ status: 'met', numerator: 4, realised: 4 });
    expect(await status('relay-replaced', '?citizens=true')).toMatchObject({ status: 'met', numerator: 1, citizens: { numerator: ids(s1) } });
    expect(await status('relay-left-for-job')).toMatchObject({ status: 'met', numerator: 1 });
    expect(await status('relay-exam-passed')).toMatchObject({ status: 'partly-met', numerator: 3, denominator: 4, realised: 0.75 });
    // Participants during the period: the five, s1 until she left; four did not leave.
    expect(await status('relay-stayed', '?citizens=true')).toMatchObject({
      status: 'met',
      numerator: 4,
      denominator: 5,
      citizens: { numerator: ids(s2, s3, s4, s5), denominator: ids(s1, s2, s3, s4, s5) },
    });
    // s2's internship; not s1's, which began after she left, nor the non-participant's.
    expect(await status('relay-placements', '?citizens=true')).toMatchObject({ numerator: 1, citizens: { numerator: ids(s2) } });
    expect(await status('relay-meetings')).toMatchObject({
      status: 'partly-met',
      areas: [
        { areaCode: 'tingbjerg', reached: true, reachedOn: '2007-10-02' },
        { areaCode: 'urbanplanen', reached: true, reachedOn: '2007-10-03' },
        { areaCode: 'mjoelnerparken', reached: false, reachedOn: null },
      ],
    });
    // The project named by its id gives the same figures; the statuses can be listed per project.
    const byId = relayGoals(relay.relay.projectId).find((goal) => goal.id === 'relay-exam-passed')!;
    await api().post('/goals', { ...byId, id: 'relay-exam-passed-by-id' }).expect(201);
    expect(await status('relay-exam-passed-by-id')).toMatchObject({ numerator: 3, denominator: 4 });
    const listed = (await api().get('/goal-statuses?project=relay-2007').expect(200)).body.statuses.map((s: { goalId: string }) => s.goalId);
    expect(listed).toEqual(relayGoals('x').map((goal) => goal.id).sort());
  });

  it('reflects a new participant in the project cohort within 2 seconds', async () => {
    const late = registered();
    const enrolled = event(ParticipantEnrolled, {
      projectId: course.course.projectId,
      enrolmentId: randomUUID(),
      citizenId: late.citizenId,
      enrolledOn: '2016-10-03',
      areaCode: 'tingbjerg',
      replacesEnrolmentId: null,
    });
    await testbed.playEvents(KBH, late.events);
    await testbed.processed(late.events);
    const published = Date.now();
    await testbed.playEvents(KBH, [enrolled]);
    await waitFor(async () => (await status('vf-2016.company-placement-26-weeks')).denominator === 10, { timeoutMs: 10_000, intervalMs: 50, what: 'the new participant counted' });
    expect(Date.now() - published).toBeLessThan(2_000);
    events.push(...late.events, enrolled);
  });

  it('a full rebuild gives the same project read models and statuses as the incremental path', async () => {
    const snapshot = () =>
      Promise.all(
        ["domain_fact WHERE tenant_id = 'kbh' ORDER BY fact_id", "project_definition_history WHERE tenant_id = 'kbh' ORDER BY event_id"].map((table) =>
          testbed.inspect(`SELECT * FROM ${table}`),
        ),
      );
    const incremental = await allStatuses();
    const incrementalRows = await snapshot();
    const started = (await api().post('/read-models/rebuilds', {}).expect(202)).body;
    await waitFor(
      async () => {
        const rebuild = (await api().get(`/read-models/rebuilds/${started.id}`).expect(200)).body;
        if (rebuild.status === 'failed') throw new Error(`rebuild failed: ${rebuild.error}`);
        return rebuild.status === 'completed';
      },
      { timeoutMs: 60_000, intervalMs: 200, what: 'the rebuild to complete' },
    );
    expect(await snapshot()).toEqual(incrementalRows);
    expect(await allStatuses()).toEqual(incremental);
  });
});
