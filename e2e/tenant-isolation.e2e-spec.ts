import request from 'supertest';
import { AppModule as CaseloadModule, caseloadService } from '@fremskudt/caseload-service';
import { AppModule as CompaniesModule, companiesService } from '@fremskudt/companies-service';
import { AppModule as CounsellingModule, counsellingService } from '@fremskudt/counselling-service';
import { AppModule as ProjectsModule, projectsService } from '@fremskudt/projects-service';
import { AppModule as ReportingModule, reportingService } from '@fremskudt/reporting-service';
import { ALL_ROLES } from '@fremskudt/service-kit';
import { ApiOperation, apiOperations, inPool, startTestService, TestIdentity, TestService, uniqueTopicPrefix, urlOf, waitFor } from '@fremskudt/testing';
import { addCalendarMonths, addDays, copenhagenToday } from './support/caseload';
import { callService, expectCall, HttpAnswer, Json, listenOnLoopback } from './support/http';
import {
  fillPath,
  idRowsOf,
  IdRow,
  idsOfKind,
  isUuid,
  parameterKind,
  pathFillings,
  pathParameters,
  rowFingerprints,
  rowsSeenAsTenant,
  rowsSeenWithoutTenant,
} from './support/isolation';
import { nextCpr } from './support/platform';

/**
 * Tenant isolation across all five services (each on its own database, only Kafka between them):
 * Copenhagen builds a small but complete picture through the APIs; then a member of Slagelse's
 * staff holding every role, and a Slagelse partner, walk every operation of every service's
 * OpenAPI document with Copenhagen's ids in the path (and in the id filters and bodies). No answer
 * may carry Copenhagen's data, none may be a server error, and Copenhagen's rows stay exactly as
 * they were. Under the API, the runtime role with no tenant set sees no row at all.
 */

const KBH = 'kbh';
const SLAGELSE = 'slagelse';
/** Copenhagen's own text ids (codes, goal ids) carry this mark, so a leak of them can be told from a code every tenant has. */
const MARK = 'kbhx';

const SERVICES = {
  caseload: [caseloadService, CaseloadModule.forRoot],
  counselling: [counsellingService, CounsellingModule.forRoot],
  companies: [companiesService, CompaniesModule.forRoot],
  projects: [projectsService, ProjectsModule.forRoot],
  reporting: [reportingService, ReportingModule.forRoot],
} as const;
type ServiceName = keyof typeof SERVICES;
const SERVICE_NAMES = Object.keys(SERVICES) as ServiceName[];

/** A CVR number passing the modulus-11 check (weights 2 7 6 5 4 3 2 1), the first from `from` on. */
function validCvr(from: number): string {
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  for (let candidate = from; ; candidate += 1) {
    const digits = String(candidate).padStart(8, '0');
    if ([...digits].reduce((sum, digit, index) => sum + Number(digit) * weights[index], 0) % 11 === 0) return digits;
  }
}

/** A command Copenhagen sent while building its picture: replayed by Slagelse on Copenhagen's ids. */
interface SentCommand {
  service: ServiceName;
  method: string;
  path: string;
  body: object;
}

describe('tenant isolation: another tenant walks every route of every service with Copenhagen’s ids', () => {
  const prefix = uniqueTopicPrefix('e2e-isolation');
  const services = {} as Record<ServiceName, TestService>;
  const sent: SentCommand[] = [];
  const today = copenhagenToday();
  const year = today.slice(0, 4);

  const staffOfSlagelse: TestIdentity = { user: 'slagelse-alle-roller', tenant: SLAGELSE, roles: ALL_ROLES };
  // The partner's organisation has the code of Copenhagen's partner: the code alone must open nothing.
  const partnerOfSlagelse: TestIdentity = { user: 'slagelse-partner', tenant: SLAGELSE, roles: ['partner'], org: `${MARK}-foa` };

  /** Copenhagen's staff (every staff role) on a service: expects the status, records the command. */
  const kbh = async <T = Json>(service: ServiceName, method: string, path: string, expected: number, body?: object): Promise<T> => {
    if (method !== 'GET') sent.push({ service, method, path, body: body ?? {} });
    return expectCall<T>(services[service], method, path, expected, { tenant: KBH, body, idempotencyKey: method !== 'GET' });
  };
  const slagelse = <T = Json>(service: ServiceName, method: string, path: string, expected: number, body?: object): Promise<T> =>
    expectCall<T>(services[service], method, path, expected, { tenant: SLAGELSE, body, idempotencyKey: method !== 'GET' });

  /** Superuser SQL that must come true within the time (events on their way between services). */
  const eventually = (service: ServiceName, sql: string, params: unknown[], what: string) =>
    waitFor(async () => (await services[service].database.inspect<{ ok: boolean }>(sql, params))[0]?.ok === true, { timeoutMs: 45_000, intervalMs: 200, what });

  const picture = { consultant: '', citizens: [] as string[], cprs: [] as string[], deskId: '', areaCode: '', companyId: '', projectId: '' };
  const kbhRows: IdRow[] = [];
  /** Copenhagen's ids that no other tenant has: none may appear in an answer to Slagelse that did not ask with it. */
  let kbhIds: string[] = [];
  let before: Record<string, string> = {};

  beforeAll(async () => {
    await Promise.all(
      SERVICE_NAMES.map(async (name) => {
        const [definition, rootModule] = SERVICES[name];
        services[name] = await startTestService(definition, rootModule, { topicPrefix: prefix });
        await listenOnLoopback(services[name]);
      }),
    );
  }, 180_000);
  afterAll(async () => {
    await Promise.all(Object.values(services).map((service) => service?.dispose()));
  });

  it('Copenhagen builds a complete picture through the APIs of all five services, and its events reach every consumer', async () => {
    // caseload: settings, a consultant, two citizens, a case with a job plan, an offer, a home visit, a no-show and its task, an assessment.
    await kbh('caseload', 'PUT', '/settings', 200, { caseloadCapacity: 30, interviewIntervalMonths: 3, noShowFollowUpWorkingDays: 3 });
    picture.consultant = (await kbh('caseload', 'POST', '/staff', 201, { name: 'Jens Madsen', role: 'job-consultant', teamCode: `${MARK}-team`, areaCodes: ['tingbjerg'] })).id;
    for (const name of ['Amina Hassan', 'Omar Ali']) {
      const body = { cpr: nextCpr(), name, areaCode: 'tingbjerg', benefitType: 'cash-benefit', readiness: 'activity-ready' };
      picture.citizens.push((await kbh('caseload', 'POST', '/citizens', 201, body)).id);
      picture.cprs.push(body.cpr);
    }
    const [amina, omar] = picture.citizens;
    await kbh('caseload', 'PUT', `/citizens/${amina}/consultant`, 200, { consultantId: picture.consultant });
    await kbh('caseload', 'PATCH', `/citizens/${amina}`, 200, { readiness: 'activity-ready', step: 3, effectiveDate: today });
    const goal = { kind: 'job', description: 'Fast job som køkkenmedhjælper', targetDate: addCalendarMonths(today, 12) };
    const plan = await kbh('caseload', 'POST', `/citizens/${amina}/job-plans`, 201, { createdOn: today, goals: [goal] });
    await kbh('caseload', 'POST', `/job-plans/${plan.id}/revisions`, 201, { revisedOn: today, goals: [goal] });
    await kbh('caseload', 'POST', `/citizens/${amina}/offers`, 201, { offerType: 'course', plannedStart: addDays(today, 7) });
    await kbh('caseload', 'POST', `/citizens/${amina}/home-visits`, 201, { heldOn: addDays(today, -3), staffId: picture.consultant, note: 'Familien bekymret' });
    const interview = await kbh('caseload', 'POST', `/citizens/${omar}/summons`, 201, { place: 'central-job-centre', scheduledAt: `${addDays(today, -2)}T08:30:00Z` });
    await kbh('caseload', 'POST', `/interviews/${interview.id}/outcome`, 200, { outcome: 'no-show' });
    const scores = { professionalSkills: 4, jobOrEducationFocus: 3, personalAndSocialCompetences: 4, socialConditions: 2, health: 4 };
    await kbh('caseload', 'POST', `/citizens/${amina}/progression-assessments`, 201, { assessedOn: today, scores });
    await kbh('caseload', 'PUT', `/citizens/${omar}/hours-rule-risk`, 200, { benefitEffectDate: addCalendarMonths(today, 8) });

    // counselling: the Copenhagen areas and desks, opening hours, a closed day, a local partner; once
    // caseload's events arrived, a session with the consultant and a citizen's visit.
    const setup = await kbh('counselling', 'POST', '/setup/areas', 200, { template: 'copenhagen' });
    const desk = setup.desks.find((candidate: { areaCode: string }) => candidate.areaCode === 'tingbjerg') ?? setup.desks[0];
    [picture.deskId, picture.areaCode] = [desk.id, desk.areaCode];
    await kbh('counselling', 'PUT', `/desks/${desk.id}/opening-hours`, 200, { weekly: [{ weekday: 2, opens: '09:30', closes: '12:30' }] });
    await kbh('counselling', 'POST', `/desks/${desk.id}/exceptions`, 201, { date: addDays(today, 30), kind: 'closed', reason: 'Personalemøde' });
    await kbh('counselling', 'POST', `/areas/${desk.areaCode}/partners`, 201, { code: `${MARK}-jobcafe`, name: 'Jobcaféen', kind: 'ngo' });
    await eventually('counselling', `SELECT count(*) = 1 AS ok FROM staff_member WHERE tenant_id = $1`, [KBH], 'counselling to know the consultant');
    await eventually('counselling', `SELECT count(*) = 2 AS ok FROM case_citizen WHERE tenant_id = $1`, [KBH], "counselling to know the citizens' cases");
    const session = await kbh('counselling', 'POST', `/desks/${desk.id}/sessions`, 201, { staffIds: [picture.consultant], extra: true });
    const visit = await kbh('counselling', 'POST', `/desks/${desk.id}/visits`, 201, { visitorKind: 'citizen-with-case', citizenId: amina, arrival: 'walk-in' });
    await kbh('counselling', 'POST', `/visits/${visit.id}/talk`, 200, { staffId: picture.consultant });
    await kbh('counselling', 'POST', `/visits/${visit.id}/complete`, 200, { topics: ['hours-rule'], actions: ['advice'] });
    expect(session.id).toEqual(expect.any(String));

    // companies: a company with a contact and an opening; the citizen's job wish and a started placement.
    const company = await kbh('companies', 'POST', '/companies', 201, { cvr: validCvr(10150817), name: 'Kantinen i Tingbjerg ApS', branchCode: 'kitchen-canteen', areaCode: 'tingbjerg' });
    picture.companyId = company.id;
    await kbh('companies', 'POST', `/companies/${company.id}/contacts`, 201, { kind: 'visit', occurredOn: addDays(today, -2), staffId: picture.consultant, outcome: 'interested', notes: 'Vil tage en praktikant' });
    const opening = await kbh('companies', 'POST', `/companies/${company.id}/openings`, 201, { openingType: 'internship-slot', title: 'Køkkenmedhjælper', hoursPerWeek: 25 });
    await eventually('companies', `SELECT count(*) = 2 AS ok FROM known_citizen WHERE tenant_id = $1`, [KBH], 'companies to know the citizens');
    const wish = { branchCodes: ['kitchen-canteen'], hoursMin: 20, hoursMax: 30, languageLevel: 'basic', recordedBy: picture.consultant };
    await kbh('companies', 'POST', `/citizens/${amina}/job-wishes`, 201, wish);
    const placement = await kbh('companies', 'POST', '/placements', 201, {
      citizenId: amina,
      companyId: company.id,
      openingId: opening.id,
      placementType: 'company-internship',
      plannedStart: addDays(today, -1),
      plannedEnd: addDays(today, 90),
      hoursPerWeek: 25,
    });
    await kbh('companies', 'POST', `/placements/${placement.id}/start`, 200, { startedOn: addDays(today, -1) });

    // projects: a partner, a project from a template with the partner, a meeting, a company visit,
    // an application that is selected, and the enrolment.
    const partner = await kbh('projects', 'POST', '/partners', 201, { code: `${MARK}-foa`, name: 'FOA', kind: 'union' });
    const project = await kbh('projects', 'POST', '/projects/from-template', 201, {
      templateCode: 'stafetten',
      code: `${MARK}-stafetten`,
      startDate: `${year}-01-01`,
      endDate: `${Number(year) + 1}-12-31`,
      areaCodes: ['tingbjerg'],
    });
    picture.projectId = project.id;
    await kbh('projects', 'POST', `/projects/${project.id}/partners`, 201, { partnerId: partner.id, roles: ['steering-group', 'recruiter'], joinedOn: `${year}-01-01` });
    const meeting = await kbh('projects', 'POST', `/projects/${project.id}/information-meetings`, 201, { areaCode: 'tingbjerg', heldOn: addDays(today, -10), attendees: 12, interested: 5 });
    await kbh('projects', 'POST', `/projects/${project.id}/company-visits`, 201, { kind: 'bus-tour', heldOn: addDays(today, -9), companyIds: [company.id], participants: 8 });
    await eventually('projects', `SELECT count(*) = 2 AS ok FROM citizen WHERE tenant_id = $1`, [KBH], 'projects to know the citizens');
    const application = await kbh('projects', 'POST', `/projects/${project.id}/applications`, 201, { citizenId: amina, appliedOn: addDays(today, -8), meetingId: meeting.id });
    await kbh('projects', 'POST', `/applications/${application.id}/decision`, 200, { decision: 'selected', decidedOn: addDays(today, -7) });
    await kbh('projects', 'POST', `/projects/${project.id}/enrolments`, 201, { citizenId: amina, enrolledOn: addDays(today, -6), phaseCode: 'introduction' });

    // reporting: a goal scoped to the project, a manual goal with an assessment.
    await kbh('reporting', 'POST', '/goals', 201, {
      id: `${MARK}-rekruttering`,
      name: { da: 'Rekrutterede', en: 'Recruited' },
      scope: { project: `${MARK}-stafetten` },
      period: { type: 'year', year: Number(year) },
      kind: 'count',
      target: { value: 1 },
      definition: { events: { fact: 'project-participant-enrolled' } },
    });
    await kbh('reporting', 'POST', '/goals', 201, { id: `${MARK}-manuel`, name: { da: 'Opfølgning', en: 'Follow-up' }, scope: {}, period: { type: 'year', year: Number(year) }, kind: 'manual', definition: {} });
    await kbh('reporting', 'POST', `/goals/${MARK}-manuel/assessments`, 201, { status: 'met', comment: 'Gennemført', assessedBy: 'ab12' });

    // The events reach every consumer: the read models are complete, then nothing moves any more.
    await eventually('reporting', `SELECT count(*) = 2 AS ok FROM registered_citizen WHERE tenant_id = $1`, [KBH], 'reporting to count the citizens');
    await eventually('reporting', `SELECT count(*) > 0 AS ok FROM domain_fact WHERE tenant_id = $1 AND kind = 'project-participant-enrolled'`, [KBH], 'reporting to have the enrolment');
    await eventually('caseload', `SELECT count(*) = 1 AS ok FROM placement WHERE tenant_id = $1`, [KBH], 'caseload to know the placement');
    await eventually('caseload', `SELECT count(*) > 0 AS ok FROM timeline_entry WHERE tenant_id = $1 AND source = 'companies'`, [KBH], 'the placement in the timeline');

    // Slagelse has a small picture of its own, so its lists are not empty.
    await slagelse('caseload', 'POST', '/staff', 201, { name: 'Mette Holm', role: 'job-consultant', teamCode: 'team-vest', areaCodes: ['nordvest'] });
    await slagelse('caseload', 'POST', '/citizens', 201, { cpr: nextCpr(), name: 'Sara Jensen', areaCode: 'nordvest', benefitType: 'cash-benefit', readiness: 'activity-ready' });
    await slagelse('counselling', 'POST', '/setup/areas', 200, { template: 'slagelse' });
    await slagelse('companies', 'POST', '/companies', 201, { cvr: validCvr(20000000), name: 'Slagelse Rengøring ApS', branchCode: 'cleaning', areaCode: 'nordvest' });
    await slagelse('projects', 'POST', '/partners', 201, { code: 'slagelse-3f', name: '3F', kind: 'union' });
    await slagelse('reporting', 'POST', '/goals', 201, { id: 'slagelse-opfoelgning', name: { da: 'Opfølgning', en: 'Follow-up' }, scope: {}, period: { type: 'year', year: Number(year) }, kind: 'manual', definition: {} });
    await settle();
  });

  /** Waits until every outbox is sent and Copenhagen's rows stop changing (consumers done). */
  async function settle(): Promise<void> {
    let last = '';
    await waitFor(
      async () => {
        const unsent = await Promise.all(SERVICE_NAMES.map(async (name) => (await services[name].database.inspect<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`))[0].n));
        const now = JSON.stringify(await fingerprints());
        const stable = unsent.every((n) => n === 0) && now === last;
        last = now;
        return stable;
      },
      { timeoutMs: 60_000, intervalMs: 1_500, what: 'the outboxes to be sent and the read models to settle' },
    );
  }

  const fingerprints = async (): Promise<Record<string, string>> => Object.assign({}, ...(await Promise.all(SERVICE_NAMES.map((name) => rowFingerprints(services[name], KBH)))));

  it('collects every id Copenhagen owns in every service’s database', async () => {
    const others = new Set<string>();
    for (const name of SERVICE_NAMES) {
      const rows = await idRowsOf(services[name], KBH);
      kbhRows.push(...rows.own);
      for (const value of rows.others) others.add(value);
    }
    const values = [...new Set(kbhRows.flatMap((row) => Object.values(row.ids)))];
    kbhIds = values.filter((value) => (isUuid(value) || value.includes(MARK)) && !others.has(value));
    // The picture: citizens, staff, desks, sessions, visits, companies, openings, placements, projects, goals … in every service.
    for (const name of SERVICE_NAMES) expect(kbhRows.filter((row) => row.service === name).length).toBeGreaterThan(5);
    expect(kbhIds).toEqual(expect.arrayContaining([...picture.citizens, picture.consultant, picture.deskId, picture.companyId, picture.projectId, `${MARK}-rekruttering`]));
    expect(kbhIds.length).toBeGreaterThan(60);
    before = await fingerprints();
  });

  /**
   * The one table readable without a tenant, by design: caseload's daily hours-rule job runs outside
   * any request and learns from it which tenants to run for (hours-rule.scheduler.ts). It may hold
   * nothing but tenant ids: the columns are checked below.
   */
  const TENANT_LISTS: Record<string, string[]> = { 'caseload.hours_rule_tenant': ['added_at', 'tenant_id'] };

  it('with no tenant set, the runtime role of every service sees no row of any tenant table, though rows exist', async () => {
    const seenRows: string[] = [];
    let populated = 0;
    for (const name of SERVICE_NAMES) {
      for (const table of await rowsSeenWithoutTenant(services[name])) {
        expect(table.tenantSetting ?? '').toBe('');
        if (table.exist > 0) populated += 1;
        if (table.seen !== 0 && !TENANT_LISTS[`${name}.${table.table}`]) seenRows.push(`${name}.${table.table}: ${table.seen} of ${table.exist} rows`);
      }
    }
    expect(seenRows).toEqual([]);
    for (const [qualified, columns] of Object.entries(TENANT_LISTS)) {
      const [name, table] = qualified.split('.') as [ServiceName, string];
      const actual = await services[name].database.inspect<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY 1`,
        [table],
      );
      expect(actual.map((column) => column.column_name)).toEqual(columns);
    }
    expect(populated).toBeGreaterThan(30);
    // The control: the same role, once a transaction sets the tenant, sees that tenant's rows.
    expect(await rowsSeenAsTenant(services.caseload, 'citizen', KBH)).toBe(2);
    expect(await rowsSeenAsTenant(services.caseload, 'citizen', SLAGELSE)).toBe(1);
  });

  // ---- the walk ---------------------------------------------------------------------------------

  interface Call {
    service: ServiceName;
    operation: ApiOperation;
    url: string;
    body?: object;
  }
  interface Walked extends Call {
    who: TestIdentity;
    answer: HttpAnswer;
  }

  /** What went wrong with an answer: a server error, or Copenhagen's ids the request did not carry itself. */
  const problemsOf = ({ service, operation, url, body, who, answer }: Walked): string[] => {
    const asked = `${url} ${JSON.stringify(body ?? {})} ${who.org ?? ''}`;
    const leaked = kbhIds.filter((id) => answer.text.includes(id) && !asked.includes(id));
    // The body as far as it explains the call, with any CPR number masked (the report is printed).
    const shownBody = body ? ` ${JSON.stringify(body).slice(0, 80).replace(/(\d{6})-?\d{4}/g, '$1-XXXX')}` : '';
    const call = `${who.user} ${operation.method.toUpperCase()} ${service}${url}${shownBody}`;
    return [
      ...(answer.status >= 500 ? [`${call}: ${answer.status} ${answer.text.slice(0, 200)}`] : []),
      ...(leaked.length ? [`${call}: ${answer.status} with Copenhagen's ${leaked.slice(0, 3).join(', ')}`] : []),
    ];
  };

  const walk = async (calls: Call[]): Promise<{ problems: string[]; statuses: Record<string, number> }> => {
    const problems: string[] = [];
    const statuses: Record<string, number> = {};
    const walked = calls.flatMap((call) => [staffOfSlagelse, partnerOfSlagelse].map((who) => ({ ...call, who })));
    await inPool(walked, 8, async (call) => {
      const answer = await callService(services[call.service], call.operation.method.toUpperCase(), call.url, { tenant: SLAGELSE, as: call.who, body: call.body, idempotencyKey: call.operation.method !== 'get' });
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      problems.push(...problemsOf({ ...call, answer }));
    });
    return { problems, statuses };
  };

  const operationsOf = async (name: ServiceName) => (await apiOperations(services[name])).map((operation) => ({ service: name, operation }));
  const allOperations = async () => (await Promise.all(SERVICE_NAMES.map(operationsOf))).flat();

  /** Query parameters of the OpenAPI document: required ones get plausible values, id filters Copenhagen's ids. */
  const queryParameters = async (name: ServiceName) => {
    const document = (await request(services[name].http).get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; required?: boolean }> }>>;
    };
    return (operation: ApiOperation) => (document.paths[operation.path][operation.method].parameters ?? []).filter((parameter) => parameter.in === 'query');
  };
  /** The required query parameters with plausible values: dates of this year, Copenhagen's team, a Copenhagen citizen's name. */
  const requiredQuery = (parameters: Array<{ name: string; required?: boolean }>) => {
    const values: Record<string, string> = { from: `${year}-01-01`, to: today, on: today, date: today, asOf: today, teamCode: `${MARK}-team`, name: 'Amina Hassan' };
    const required = parameters.filter((parameter) => parameter.required);
    return required.length ? `?${required.map((parameter) => `${parameter.name}=${encodeURIComponent(values[parameter.name] ?? 'x')}`).join('&')}` : '';
  };

  it('every list (no path parameters, no filters) answers Slagelse’s staff and partner without any of Copenhagen’s ids', async () => {
    const calls: Call[] = [];
    for (const name of SERVICE_NAMES) {
      const query = await queryParameters(name);
      for (const { operation } of await operationsOf(name)) {
        if (operation.method !== 'get' || pathParameters(operation.path).length > 0) continue;
        calls.push({ service: name, operation, url: `${operation.path}${requiredQuery(query(operation))}` });
      }
    }
    expect(calls.length).toBeGreaterThan(25);
    const { problems, statuses } = await walk(calls);
    expect(problems).toEqual([]);
    // Slagelse's own staff gets its lists.
    expect(statuses['200']).toBeGreaterThan(20);
  });

  it('every read with Copenhagen’s ids in the path or an id filter answers Slagelse without Copenhagen’s data, never with a server error', async () => {
    const calls: Call[] = [];
    for (const name of SERVICE_NAMES) {
      const query = await queryParameters(name);
      for (const { operation } of await operationsOf(name)) {
        if (operation.method !== 'get') continue;
        const base = requiredQuery(query(operation));
        for (const filling of pathFillings(operation.path, kbhRows, name)) {
          const url = pathParameters(operation.path).length === 1 ? urlOf(operation, Object.values(filling)[0]) : fillPath(operation.path, filling);
          if (pathParameters(operation.path).length > 0) calls.push({ service: name, operation, url: `${url}${base}` });
        }
        // Filters by id (citizenId, companyId, consultantId, deskId …) with Copenhagen's ids.
        for (const parameter of query(operation).filter((candidate) => /(Id|^project)$/.test(candidate.name))) {
          const { noun, kind } = parameter.name === 'project' ? { noun: 'project', kind: 'code' as const } : parameterKind(operation.path, parameter.name);
          for (const value of idsOfKind(kbhRows, name, noun, kind === 'code' ? 'code' : 'id')) {
            const url = fillPath(operation.path, pathFillings(operation.path, kbhRows, name, 1)[0]);
            calls.push({ service: name, operation, url: `${url}${base ? `${base}&` : '?'}${parameter.name}=${encodeURIComponent(value)}` });
          }
        }
      }
    }
    // Searches by name with the names of Copenhagen's citizens and company.
    for (const [service, url] of [['caseload', '/citizens?name=Amina'], ['caseload', '/citizens?name=Omar%20Ali'], ['companies', '/companies?name=Kantinen']] as const) {
      calls.push({ service, operation: { method: 'get', path: url.split('?')[0], roles: undefined, security: undefined }, url });
    }
    expect(calls.length).toBeGreaterThan(100);
    const { problems, statuses } = await walk(calls);
    expect(problems).toEqual([]);
    // Most answers (of both identities) refuse or find nothing: the ids are none of Slagelse's.
    expect((statuses['404'] ?? 0) + (statuses['403'] ?? 0)).toBeGreaterThan(calls.length);
    expect(await fingerprints()).toEqual(before);
  });

  /**
   * Valid-looking bodies for the commands Copenhagen's picture did not send (so they get past
   * validation to the lookup of Copenhagen's ids); keyed `service METHOD path`.
   */
  const lookingValid = (): Record<string, (filling: Record<string, string>) => object> => {
    const [, omar] = picture.citizens;
    return {
      'caseload PATCH /staff/{id}': () => ({ caseloadCapacity: 25 }),
      'caseload POST /citizens/{id}/exit': () => ({ reason: 'job', exitDate: today }),
      'caseload POST /citizens/{id}/reentry': () => ({ reentryDate: today, areaCode: 'tingbjerg', benefitType: 'cash-benefit', readiness: 'activity-ready' }),
      'caseload POST /citizens/{id}/round-table-meetings': () => ({ heldOn: addDays(today, -1), staffId: picture.consultant, localActors: [{ code: 'helhedsplan', name: 'Helhedsplanen' }] }),
      'caseload POST /offers/{offerId}/start': () => ({ startedOn: today }),
      'caseload POST /offers/{offerId}/complete': () => ({ completedOn: today }),
      'caseload POST /offers/{offerId}/drop': () => ({ droppedOn: today, reason: 'illness' }),
      'caseload POST /tasks/{taskId}/complete': () => ({ outcome: 'phoned' }),
      'companies PATCH /companies/{id}': () => ({ name: 'Overtaget ApS' }),
      'companies POST /openings/{id}/close': () => ({ reason: 'withdrawn-by-company', closedOn: today }),
      'companies POST /openings/{id}/fill': () => ({ filledOn: today }),
      'companies POST /placements/{id}/end': () => ({ endedOn: today, reason: 'hired' }),
      'counselling PATCH /desks/{id}': () => ({ name: 'Overtaget' }),
      'counselling PATCH /partners/{id}': () => ({ active: false }),
      'counselling POST /desks/{deskId}/queue/next': () => ({ staffId: picture.consultant }),
      'counselling PUT /desks/{id}/sessions/{sessionId}/staff': () => ({ staffIds: [picture.consultant] }),
      'counselling POST /desks/{id}/sessions/{sessionId}/close': () => ({}),
      'counselling POST /visits/{visitId}/leave': () => ({}),
      'projects PATCH /partners/{id}': () => ({ name: 'Overtaget' }),
      'projects PATCH /projects/{id}': () => ({ capacity: 3 }),
      'projects PUT /projects/{id}/goals': () => ({ goals: [] }),
      'projects POST /enrolments/{id}/leave': () => ({ leftOn: today, reason: 'job' }),
      'projects POST /enrolments/{id}/milestones': () => ({ milestoneCode: 'hygiene-certificate-exam', reachedOn: today, result: 'passed' }),
      'projects POST /enrolments/{id}/phases/{phaseCode}/start': () => ({ startedOn: today }),
      'projects POST /enrolments/{id}/phases/{phaseCode}/complete': () => ({ completedOn: today }),
      'projects POST /enrolments/{id}/replacement': () => ({ citizenId: omar, enrolledOn: today }),
      'projects POST /projects/{id}/participants/{participantId}/milestones': () => ({ milestoneCode: 'hygiene-certificate-exam', reachedOn: today, result: 'passed' }),
      // A goal is changed with its whole definition, the id in the path and the body alike.
      'reporting PUT /goals/{goalId}': ({ goalId }) => sent.find((command) => command.path === '/goals' && (command.body as { id?: string }).id === goalId)?.body ?? {},
      // Looking a citizen up by Copenhagen's CPR numbers (not an id in the path: the number is the key).
      'caseload POST /citizens/search': () => ({ cpr: picture.cprs[0] }),
    };
  };

  it('every command with Copenhagen’s ids, with Copenhagen’s own bodies and with {}, changes none of Copenhagen’s rows and answers without its data', async () => {
    const calls: Call[] = [];
    const commands = (await allOperations()).filter(({ operation }) => operation.method !== 'get');
    const bodiesFor = lookingValid();
    for (const { service, operation } of commands) {
      const pattern = new RegExp(`^${operation.path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      const ownBody = sent.find((command) => command.service === service && command.method === operation.method.toUpperCase() && pattern.test(command.path))?.body;
      const valid = bodiesFor[`${service} ${operation.method.toUpperCase()} ${operation.path}`];
      // Without ids in the path a command reaches Copenhagen's data only through ids in its body.
      const reachesKbh = (body: object) => pathParameters(operation.path).length > 0 || kbhIds.some((id) => isUuid(id) && JSON.stringify(body).includes(id));
      for (const filling of pathFillings(operation.path, kbhRows, service)) {
        const bodies = [...[{}, ownBody].filter((body): body is object => body !== undefined && reachesKbh(body)), ...(valid ? [valid(filling)] : [])];
        for (const body of new Set(bodies.map((body) => JSON.stringify(body)))) calls.push({ service, operation, url: fillPath(operation.path, filling), body: JSON.parse(body) });
      }
    }
    expect(calls.length).toBeGreaterThan(150);
    const { problems } = await walk(calls);
    expect(problems).toEqual([]);
    await settle();
    expect(await fingerprints()).toEqual(before);
  });
});
