import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Admin } from 'kafkajs';
import { AppModule as CaseloadModule, caseloadService } from '@fremskudt/caseload-service';
import { AppModule as CompaniesModule, companiesService } from '@fremskudt/companies-service';
import { AppModule as ReportingModule, reportingService } from '@fremskudt/reporting-service';
import { CitizensStream, ExitReason, OfferType, PlacementsStream, topicName } from '@fremskudt/contracts';
import { startTestService, TestService, testKafka, uniqueTopicPrefix } from '@fremskudt/testing';
import { addCalendarMonths, addDays } from './support/caseload';
import { callService, expectCall, inPool, Json, listenOnLoopback } from './support/http';
import { waitForNoLag } from './support/platform';

/**
 * The indicator table of the second half-yearly follow-up on the outreach effort in Tingbjerg and
 * Urbanplanen (to the committee in November 2016, for May-September 2016) replayed through the
 * services' public APIs. Caseload registers citizens of the two areas and of the rest of the job
 * centre (JKI: here the citizens living elsewhere) with their interviews, offers and exits; the
 * companies service plans and starts their company placements; reporting loads the goal file and
 * computes the table from the events alone. Nothing is written to reporting's database.
 *
 *   indicator                                target   realised   status here
 *   exits to a job or education              21.0     21.4 *)    met
 *   company placements started               108      89         partly met (89 ≥ 0.75 × 108)
 *   wage-subsidy jobs started                13       6          not met
 *   timeliness of job interviews             74 %     81 %       met
 *   timeliness of activation                 79 %     86 %       met
 *   share of no-shows at job interviews      13.1 %   13.1 %     met (at most)
 *
 * The last three targets are JKI's realised level in the period, so they are relative targets (the
 * whole municipality, the two areas included); where the document gives only a share, the fixture
 * builds the smallest populations whose numerators and denominators round as the document does.
 * The document says in words that the placement and wage-subsidy goals were not met; the platform's
 * rule at the tenant's default threshold of 0.75 makes 89 of 108 partly met. *) 21.4 is no whole
 * number of citizens; the next report calls it 21 citizens, which is what is counted here. The table
 * of May alone had a row of company internships (21 vs 30); the May-September table has none.
 *
 * Activation timeliness: an activation is due six months after the citizen's previous one started,
 * the first six months after registration. Offers planned with their due date, offers started, and
 * the internships and wage-subsidy jobs the companies service reports all count: of those due in
 * the period, the share started by the due date.
 */
describe('reporting: Tingbjerg/Urbanplanen May-September 2016 through caseload, companies and reporting', () => {
  const prefix = uniqueTopicPrefix('e2e-fb2016');
  const TENANT = 'kbh';
  const PERIOD = { from: '2016-05-01', to: '2016-09-30' };
  const OUTREACH = ['tingbjerg', 'urbanplanen'];
  /** The rest of the job centre: citizens living outside the two areas. */
  const ELSEWHERE = ['valby', 'bispebjerg'];
  // The companies service answers 500 when requests wait too long for its small connection pool.
  const CASELOAD_CONCURRENCY = 16;
  /** "Opgørelsen er baseret på 1.249 borgere": in case in the two areas during the period. */
  const IN_CASE_IN_THE_AREAS = 1249;
  const COMPANIES_CONCURRENCY = 6;

  let caseload: TestService;
  let companies: TestService;
  let reporting: TestService;
  let admin: Admin;

  /** A command or query, failing with the problem on any other status; no Idempotency-Key (nothing is retried). */
  const on = <T>(service: TestService, method: 'GET' | 'POST', route: string, expected: number, body?: object): Promise<T> =>
    expectCall<T>(service, method, route, expected, { tenant: TENANT, body });

  /** Born 1 March 1970 (the target group is activity-ready citizens over 30), a serial of the 1900s unique to the citizen. */
  const cprOf = (c: Citizen) => `010370-${String(c.index).padStart(4, '0')}`;
  /** `count` dates from `first`, spread evenly over `days` days. */
  const spread = (first: string, days: number, count: number) => Array.from({ length: count }, (_, i) => addDays(first, Math.floor((i * days) / Math.max(1, count - 1))));
  /** `counts` as a list of that many of each key, mixed: stepping by 37 (coprime with the totals used) spreads each over the list. */
  const mixed = <K extends string>(counts: Record<K, number>): K[] => {
    const list = (Object.entries(counts) as Array<[K, number]>).flatMap(([key, n]) => Array<K>(n).fill(key));
    return list.map((_, i) => list[(i * 37) % list.length]);
  };

  type InterviewOutcome = 'on-time' | 'late' | 'no-show';
  type ActivationOutcome = 'on-time' | 'late' | 'never-started';
  type PlacementType = 'company-internship' | 'wage-subsidy-job' | 'ordinary-job';

  interface Citizen {
    index: number;
    /** Why the citizen is in the fixture. */
    role: string;
    areaCode: string;
    registeredOn: string;
    /** A summons and its outcome; after a no-show, a second summons, held late. */
    interview?: { outcome: InterviewOutcome; scheduledOn: string; again?: string };
    offer?: { outcome: ActivationOutcome; plannedStart: string };
    placement?: { type: PlacementType; startedOn: string; outcome?: ActivationOutcome };
    exit?: { reason: ExitReason; exitDate: string };
  }

  const citizens: Citizen[] = [];
  const add = (role: string, areaCode: string, registeredOn: string, rest: Partial<Citizen> = {}): Citizen => {
    const citizen = { index: citizens.length, role, areaCode, registeredOn, ...rest };
    citizens.push(citizen);
    return citizen;
  };

  /**
   * Registered from 8 February to 20 March 2016: the first interview is due three months later (8
   * May-20 June), the first activation six months later (8 August-20 September), both in the
   * period. On time: summoned six days before the due date; late: eight days after; a no-show four
   * days before, then summoned again ten days after (held, late). Every summons is in the period.
   */
  const REGISTERED_FROM = '2016-02-08';
  const interviewOf = (outcome: InterviewOutcome, registeredOn: string) => {
    const due = addCalendarMonths(registeredOn, 3);
    return { outcome, scheduledOn: addDays(due, { 'on-time': -6, late: 8, 'no-show': -4 }[outcome]), ...(outcome === 'no-show' ? { again: addDays(due, 10) } : {}) };
  };
  const activationDayOf = (outcome: ActivationOutcome, registeredOn: string, i: number) => addDays(addCalendarMonths(registeredOn, 6), outcome === 'on-time' ? -(i % 20) : 3 + (i % 5));

  // ---- the two areas ---------------------------------------------------------------------------

  // 89 company placements started in the period (83 internships, 6 wage-subsidy jobs), 77 by their
  // due date and 12 after; 53 of the citizens with a job interview due: 43 held by the due date, 2
  // late, 8 no-shows (61 summonses).
  const placementOutcomes = mixed({ 'on-time': 77, late: 12 });
  const interviewOutcomes = mixed({ 'on-time': 43, late: 2, 'no-show': 8 });
  const placed = spread(REGISTERED_FROM, 41, 89).map((registeredOn, i) =>
    add('areas: company placement', OUTREACH[i % 2], registeredOn, {
      placement: { type: i % 15 === 7 ? 'wage-subsidy-job' : 'company-internship', startedOn: activationDayOf(placementOutcomes[i], registeredOn, i), outcome: placementOutcomes[i] },
      ...(i < 53 ? { interview: interviewOf(interviewOutcomes[i], registeredOn) } : {}),
    }),
  );
  // Two offers due in the period: one started on time, one planned and never started. With the
  // placements, 78 of 91 activations started by their due date.
  add('areas: offer', 'tingbjerg', '2016-02-15', { offer: { outcome: 'on-time', plannedStart: '2016-08-01' } });
  add('areas: offer', 'urbanplanen', '2016-02-15', { offer: { outcome: 'never-started', plannedStart: '2016-08-20' } });
  // After their placement began: 21 left for a job or education, one moved away, one left for a job after the period.
  const leaving = placed.filter((c) => c.placement!.startedOn <= '2016-09-27').slice(0, 23);
  leaving.forEach((c, i) => {
    c.exit = i < 21 ? { reason: i % 4 === 3 ? 'education' : 'job', exitDate: addDays(c.placement!.startedOn, 2) } : i === 21 ? { reason: 'moved', exitDate: addDays(c.placement!.startedOn, 1) } : { reason: 'job', exitDate: '2016-10-03' };
  });
  // No company placement of the period: an ordinary job, and an internship from 4 October (its activation due in November).
  add('areas: ordinary job', 'urbanplanen', '2016-01-04', { placement: { type: 'ordinary-job', startedOn: '2016-06-15' } });
  add('areas: internship after the period', 'tingbjerg', '2016-05-02', { placement: { type: 'company-internship', startedOn: '2016-10-04' } });
  // The rest of the 1,249: in case during the period, nothing of theirs in the table.
  const inTheFigures = citizens.length;
  spread('2015-01-05', 634, IN_CASE_IN_THE_AREAS - inTheFigures).forEach((registeredOn, i) => add('areas: in case', OUTREACH[i % 2], registeredOn));
  // Left for a job on 29 April: before the period, so neither counted nor in the population.
  add('areas: left before the period', 'urbanplanen', '2015-10-01', { exit: { reason: 'job', exitDate: '2016-04-29' } });

  // ---- the rest of the job centre ------------------------------------------------------------------

  // 33 citizens, each with an interview and an activation due: with the areas, 64 of 86 interviews
  // on time (74 %), 13 no-shows of 99 summonses (13.1 %, a little above the areas'), 98 of 124
  // activations on time (79 %). Three of them left for a job after their offer began.
  const elsewhereInterviews = mixed({ 'on-time': 21, late: 7, 'no-show': 5 });
  const elsewhereOffers = mixed({ 'on-time': 20, late: 8, 'never-started': 5 });
  spread(REGISTERED_FROM, 41, 33).forEach((registeredOn, i) => {
    const plannedStart = elsewhereOffers[i] === 'never-started' ? addDays(addCalendarMonths(registeredOn, 6), 2) : activationDayOf(elsewhereOffers[i], registeredOn, i);
    const exit = i < 3 && elsewhereOffers[i] !== 'never-started' ? { exit: { reason: 'job' as const, exitDate: addDays(plannedStart, 3) } } : {};
    add('elsewhere: interview and offer', ELSEWHERE[i % 2], registeredOn, { interview: interviewOf(elsewhereInterviews[i], registeredOn), offer: { outcome: elsewhereOffers[i], plannedStart }, ...exit });
  });
  // The comparison column of the placement counts: an internship and a wage-subsidy job (their activations due in November).
  add('elsewhere: company placement', 'valby', '2016-05-02', { placement: { type: 'company-internship', startedOn: '2016-07-04' } });
  add('elsewhere: company placement', 'bispebjerg', '2016-05-02', { placement: { type: 'wage-subsidy-job', startedOn: '2016-08-01' } });

  const inAreas = (c: Citizen) => OUTREACH.includes(c.areaCode);
  const inPeriod = (date: string) => date >= PERIOD.from && date <= PERIOD.to;
  /** An activation due in the period: the placements and offers of the citizens registered for it (not an ordinary job). */
  const activationDue = (c: Citizen) => c.registeredOn >= REGISTERED_FROM && (c.offer ?? c.placement)?.outcome !== undefined;
  const activationOnTime = (c: Citizen) => (c.offer ?? c.placement)!.outcome === 'on-time';

  beforeAll(async () => {
    [caseload, companies, reporting] = await Promise.all([
      startTestService(caseloadService, CaseloadModule.forRoot, { topicPrefix: prefix }),
      startTestService(companiesService, CompaniesModule.forRoot, { topicPrefix: prefix }),
      startTestService(reportingService, ReportingModule.forRoot, { topicPrefix: prefix }),
    ]);
    await Promise.all([caseload, companies, reporting].map(listenOnLoopback));
    admin = testKafka().admin();
    await admin.connect();
  }, 120_000);
  afterAll(async () => {
    await admin?.disconnect();
    await Promise.all([caseload?.dispose(), companies?.dispose(), reporting?.dispose()]);
  });

  it('the population: the table’s figures add up before anything is sent', () => {
    const areas = citizens.filter(inAreas);
    const started = (c: Citizen, types: string[]) => c.placement && types.includes(c.placement.type) && inPeriod(c.placement.startedOn);
    expect(areas.filter((c) => started(c, ['company-internship', 'wage-subsidy-job']))).toHaveLength(89);
    expect(areas.filter((c) => started(c, ['wage-subsidy-job']))).toHaveLength(6);
    expect(areas.filter((c) => c.exit && ['job', 'education'].includes(c.exit.reason) && inPeriod(c.exit.exitDate))).toHaveLength(21);
    const interviewed = (group: Citizen[], outcome?: InterviewOutcome) => group.filter((c) => c.interview && (!outcome || c.interview.outcome === outcome)).length;
    expect([interviewed(areas), interviewed(areas, 'on-time'), interviewed(areas, 'no-show')]).toEqual([53, 43, 8]);
    const elsewhere = citizens.filter((c) => !inAreas(c));
    expect([interviewed(elsewhere), interviewed(elsewhere, 'on-time'), interviewed(elsewhere, 'no-show')]).toEqual([33, 21, 5]);
    expect([areas.filter(activationDue).length, areas.filter(activationDue).filter(activationOnTime).length]).toEqual([91, 78]);
    expect([elsewhere.filter(activationDue).length, elsewhere.filter(activationDue).filter(activationOnTime).length]).toEqual([33, 20]);
    expect(areas.filter((c) => c.registeredOn <= PERIOD.to && !(c.exit && c.exit.exitDate < PERIOD.from))).toHaveLength(IN_CASE_IN_THE_AREAS);
    // Every summons falls in the period; everything happens after the registration and before the exit.
    expect(citizens.filter((c) => c.interview && ![c.interview.scheduledOn, c.interview.again ?? c.interview.scheduledOn].every(inPeriod))).toEqual([]);
    for (const c of citizens) {
      const dates = [c.interview?.scheduledOn, c.interview?.again, c.offer?.plannedStart, c.placement?.startedOn].filter((d): d is string => d !== undefined);
      expect(dates.every((date) => date > c.registeredOn && (!c.exit || date <= c.exit.exitDate))).toBe(true);
    }
    expect(citizens.length).toBeLessThan(4000);
  });

  it('reporting loads the goal file of the follow-up', async () => {
    const file = JSON.parse(readFileSync(path.join(__dirname, '../services/reporting/goals/kbh-tingbjerg-urbanplanen-2016.json'), 'utf8'));
    const loaded = await callService(reporting, 'POST', '/goals/import', { tenant: TENANT, body: file, idempotencyKey: true });
    expect(loaded.status).toBe(200);
    expect(loaded.body.created).toHaveLength(6);
  });

  const ids = new Map<Citizen, string>();
  /** Placements begin in the companies service, so the exits of the placed citizens come after them. */
  const exitsLater = (c: Citizen) => c.placement !== undefined;

  /** A summons and its outcome; caseload's own clock agrees with the fixture's (due three months after registration). */
  const summon = async (c: Citizen, scheduledOn: string, outcome: 'held' | 'no-show') => {
    const where = inAreas(c) ? { place: 'local-office', areaCode: c.areaCode } : { place: 'central-job-centre' };
    const summons = await on<{ id: string; dueDate: string }>(caseload, 'POST', `/citizens/${ids.get(c)}/summons`, 201, { ...where, scheduledAt: `${scheduledOn}T10:00:00+02:00` });
    expect(summons.dueDate).toBe(addCalendarMonths(c.registeredOn, 3));
    const recorded = await on<{ onTime: boolean | null }>(caseload, 'POST', `/interviews/${summons.id}/outcome`, 200, outcome === 'held' ? { outcome, heldOn: scheduledOn } : { outcome });
    return recorded.onTime;
  };

  it('caseload registers the citizens with their interviews, offers and exits', async () => {
    await inPool(citizens, CASELOAD_CONCURRENCY, async (c) => {
      const registered = await on<{ id: string }>(caseload, 'POST', '/citizens', 201, {
        cpr: cprOf(c),
        name: `Borger ${c.index}`,
        areaCode: c.areaCode,
        benefitType: 'cash-benefit',
        readiness: 'activity-ready',
        registeredOn: c.registeredOn,
      });
      ids.set(c, registered.id);
      if (c.interview) {
        const { outcome, scheduledOn, again } = c.interview;
        expect(await summon(c, scheduledOn, outcome === 'no-show' ? 'no-show' : 'held')).toBe(outcome === 'no-show' ? null : outcome === 'on-time');
        if (again) expect(await summon(c, again, 'held')).toBe(false);
      }
      if (c.offer) {
        const offerType: OfferType = inAreas(c) ? 'mentor' : 'course';
        const offer = await on<{ id: string }>(caseload, 'POST', `/citizens/${registered.id}/offers`, 201, { offerType, plannedStart: c.offer.plannedStart });
        if (c.offer.outcome !== 'never-started') await on(caseload, 'POST', `/offers/${offer.id}/start`, 200, { startedOn: c.offer.plannedStart });
      }
      if (c.exit && !exitsLater(c)) await on(caseload, 'POST', `/citizens/${registered.id}/exit`, 200, c.exit);
    });
  }, 120_000);

  it('the companies service plans and starts the company placements; then the placed who left, leave', async () => {
    // The companies service knows a citizen from caseload's topic: it has read all of it before the first placement.
    await caseload.messaging.drainOutbox(30_000);
    await waitForNoLag(admin, companies.config.messaging.consumerGroupId, topicName(prefix, CitizensStream), 60_000);
    const company = await on<{ id: string }>(companies, 'POST', '/companies', 201, { cvr: '10150817', name: 'Tingbjerg Virksomhedsnetværk ApS', branchCode: 'care-homes', areaCode: 'tingbjerg' });
    const placed = citizens.filter((c) => c.placement);
    await inPool(placed, COMPANIES_CONCURRENCY, async (c) => {
      const { type, startedOn } = c.placement!;
      const hoursPerWeek = type === 'company-internship' ? 20 : 37;
      const planned = await on<{ id: string }>(companies, 'POST', '/placements', 201, { citizenId: ids.get(c), companyId: company.id, placementType: type, plannedStart: startedOn, hoursPerWeek });
      await on(companies, 'POST', `/placements/${planned.id}/start`, 200, { startedOn });
    });
    await inPool(placed.filter((c) => c.exit), CASELOAD_CONCURRENCY, (c) => on(caseload, 'POST', `/citizens/${ids.get(c)}/exit`, 200, c.exit));
  }, 120_000);

  it('reporting has every event: caseload’s, the placements, and caseload’s measure of the placements as activations', async () => {
    await companies.messaging.drainOutbox(30_000);
    await waitForNoLag(admin, caseload.config.messaging.consumerGroupId, topicName(prefix, PlacementsStream), 60_000);
    // Its part is done: stopped, it does not spend the test's CPU on the events that follow.
    await companies.stop();
    await caseload.messaging.drainOutbox(30_000);
    const groupId = reporting.config.messaging.consumerGroupId;
    await waitForNoLag(admin, groupId, topicName(prefix, CitizensStream), 60_000);
    await waitForNoLag(admin, groupId, topicName(prefix, PlacementsStream), 30_000);
  }, 180_000);

  interface Row {
    goalId: string;
    indicator: string;
    kind: string;
    direction: string;
    target: number;
    realised: number;
    numerator: number | null;
    denominator: number | null;
    status: string;
    statusLabel: string;
    comparison: number | null;
  }
  const percent = (value: number, decimals: number) => (value * 100).toFixed(decimals);

  it('computes the indicator table of May-September 2016 with the whole job centre as comparison', async () => {
    const table = await on<{ comparisonScope: object; rows: Row[] }>(reporting, 'GET', `/indicator-table?from=${PERIOD.from}&to=${PERIOD.to}`, 200);
    expect(table.comparisonScope).toEqual({});
    const row = (goalId: string) => table.rows.find((r) => r.goalId === goalId)!;
    expect(table.rows.map((r) => r.goalId).sort()).toEqual([
      'fb2016-afgang-job-uddannelse',
      'fb2016-loentilskud',
      'fb2016-rettidig-aktivering',
      'fb2016-rettidige-jobsamtaler',
      'fb2016-udeblivelser',
      'fb2016-virksomhedsplaceringer',
    ]);

    // Exits to a job or education: 21 against 21 (the document: 21.0 vs 21.4); the whole job centre 24.
    expect(row('fb2016-afgang-job-uddannelse')).toMatchObject({
      indicator: 'Antallet af afgange til job eller uddannelse',
      kind: 'count',
      target: 21,
      realised: 21,
      status: 'met',
      statusLabel: 'Opfyldt',
      comparison: 24,
    });
    // Company placements: 89 against 108, 82 % of it: partly met at the tenant's 0.75; the job centre 91.
    expect(row('fb2016-virksomhedsplaceringer')).toMatchObject({ target: 108, realised: 89, status: 'partly-met', statusLabel: 'Delvist opfyldt', comparison: 91 });
    // Wage-subsidy jobs: 6 against 13: not met; the job centre 7.
    expect(row('fb2016-loentilskud')).toMatchObject({ target: 13, realised: 6, status: 'not-met', statusLabel: 'Ikke opfyldt', comparison: 7 });

    // Timeliness of job interviews: 43 of 53 = 81 % against the job centre's 64 of 86 = 74 %.
    const interviewsRow = row('fb2016-rettidige-jobsamtaler');
    expect(interviewsRow).toMatchObject({ indicator: 'Rettidigheden for afholdelse af jobsamtaler', kind: 'timeliness', numerator: 43, denominator: 53, status: 'met' });
    expect([percent(interviewsRow.realised, 0), percent(interviewsRow.target, 0)]).toEqual(['81', '74']);
    expect(interviewsRow.target).toBeCloseTo(64 / 86, 12);
    expect(interviewsRow.comparison).toBe(interviewsRow.target);

    // Timeliness of activation: 78 of 91 = 86 % against the job centre's 98 of 124 = 79 %.
    const activationRow = row('fb2016-rettidig-aktivering');
    expect(activationRow).toMatchObject({ indicator: 'Rettidigheden for aktivering', kind: 'timeliness', numerator: 78, denominator: 91, status: 'met' });
    expect([percent(activationRow.realised, 0), percent(activationRow.target, 0)]).toEqual(['86', '79']);
    expect(activationRow.target).toBeCloseTo(98 / 124, 12);
    expect(activationRow.comparison).toBe(activationRow.target);

    // No-shows, lower is better: 8 of 61 summonses = 13.1 % against the job centre's 13 of 99 = 13.1 %.
    const noShows = row('fb2016-udeblivelser');
    expect(noShows).toMatchObject({ indicator: 'Andel udeblivelser fra jobsamtaler', kind: 'share', direction: 'at-most', numerator: 8, denominator: 61, status: 'met' });
    expect([percent(noShows.realised, 1), percent(noShows.target, 1)]).toEqual(['13.1', '13.1']);
    expect(noShows.target).toBeCloseTo(13 / 99, 12);
  });

  it('gives each status its evidence: the population, the comparison’s figures and the citizens behind the activations', async () => {
    const statuses = (await on<{ statuses: Json[] }>(reporting, 'GET', `/goal-statuses?from=${PERIOD.from}&to=${PERIOD.to}`, 200)).statuses;
    const of = (goalId: string) => statuses.find((s: Json) => s.goalId === goalId);
    // The 1,249 the document counts: everyone in case in the two areas during the period (not the one who left in April).
    expect(of('fb2016-virksomhedsplaceringer')).toMatchObject({ populationSize: IN_CASE_IN_THE_AREAS, numerator: 89, period: { from: PERIOD.from, to: PERIOD.to } });
    expect(of('fb2016-rettidige-jobsamtaler').comparison).toMatchObject({ scope: {}, numerator: 64, denominator: 86 });
    expect(of('fb2016-rettidig-aktivering').comparison).toMatchObject({ scope: {}, numerator: 98, denominator: 124 });
    expect(of('fb2016-udeblivelser').comparison).toMatchObject({ scope: {}, numerator: 13, denominator: 99 });

    // The citizens behind the activation figure are the fixture's: their placements and offers due in the period.
    const audited = await on<{ citizens: { numerator: string[]; denominator: string[] } }>(reporting, 'GET', '/goals/fb2016-rettidig-aktivering/status?citizens=true', 200);
    const idsOf = (group: Citizen[]) => group.map((c) => ids.get(c)!).sort();
    const due = citizens.filter((c) => inAreas(c) && activationDue(c));
    expect(audited.citizens.denominator).toEqual(idsOf(due));
    expect(audited.citizens.numerator).toEqual(idsOf(due.filter(activationOnTime)));
  });
});
