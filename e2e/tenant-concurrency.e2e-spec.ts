import { AppModule as CaseloadModule, caseloadService } from '@fremskudt/caseload-service';
import { inPool, startTestService, TestService, uniqueTopicPrefix } from '@fremskudt/testing';
import { copenhagenToday } from './support/caseload';
import { callService, expectCall, HttpAnswer, listenOnLoopback } from './support/http';
import { tenantTables } from './support/isolation';
import { nextCpr } from './support/platform';

/**
 * Two tenants hammering caseload at once through a pool of five database connections: 2 × 2,000
 * mixed requests (register, search by name, get, change, timeline, periods), interleaved, about 80
 * in flight. The tenant is set per transaction (set_config(…, true)), so a pooled connection must
 * never carry one request's tenant into another's: every answer holds its own tenant's rows only.
 */

const TENANTS = {
  kbh: { marker: 'Nørrebro', area: 'tingbjerg' },
  slagelse: { marker: 'Ringparken', area: 'ringparken' },
} as const;
type Tenant = keyof typeof TENANTS;
const CITIZENS_EACH = 50;
const REQUESTS_EACH = 2_000;
const IN_FLIGHT = 80;
const FIRST_NAMES = ['Amina', 'Omar', 'Leyla', 'Karim', 'Fatima', 'Yusuf', 'Sara', 'Ali', 'Nadia', 'Hassan'];

type Kind = 'register' | 'search' | 'get' | 'patch' | 'timeline' | 'periods';
/** The mix: what a day of consultants' clients asks for, reads outweighing writes. */
const MIX: Array<[Kind, number]> = [
  ['register', 2],
  ['search', 4],
  ['get', 5],
  ['patch', 3],
  ['timeline', 4],
  ['periods', 2],
];

/** A small deterministic generator, so a failing run can be repeated request for request. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

describe('tenant isolation under load: 2 tenants × 2,000 concurrent requests through 5 connections', () => {
  const prefix = uniqueTopicPrefix('e2e-concurrency');
  let caseload: TestService;
  const today = copenhagenToday();
  const citizens: Record<Tenant, string[]> = { kbh: [], slagelse: [] };

  const nameOf = (tenant: Tenant, index: number) => `${FIRST_NAMES[index % FIRST_NAMES.length]} ${TENANTS[tenant].marker} ${index}`;
  const register = async (tenant: Tenant, index: number) =>
    callService(caseload, 'POST', '/citizens', {
      tenant,
      body: { cpr: nextCpr(), name: nameOf(tenant, index), areaCode: TENANTS[tenant].area, benefitType: 'cash-benefit', readiness: 'activity-ready' },
    });

  beforeAll(async () => {
    caseload = await startTestService(caseloadService, CaseloadModule.forRoot, { topicPrefix: prefix });
    await listenOnLoopback(caseload);
  });
  afterAll(async () => {
    await caseload?.dispose();
  });

  it('runs on a pool of five connections', () => {
    expect(caseload.config.database.poolSize).toBe(5);
  });

  it('registers 50 citizens for each tenant', async () => {
    const registrations = (Object.keys(TENANTS) as Tenant[]).flatMap((tenant) => Array.from({ length: CITIZENS_EACH }, (_, index) => ({ tenant, index })));
    await inPool(registrations, 16, async ({ tenant, index }) => {
      const answer = await register(tenant, index);
      expect(answer.status).toBe(201);
      citizens[tenant].push(answer.body.id);
    });
    for (const tenant of Object.keys(TENANTS) as Tenant[]) {
      expect(await expectCall(caseload, 'GET', `/citizens/${citizens[tenant][0]}`, 200, { tenant })).toMatchObject({ id: citizens[tenant][0] });
    }
  });

  it('answers 4,000 interleaved mixed requests of both tenants with their own rows only, none with a server error', async () => {
    const next = random(20_071_001);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
    const weighted = MIX.flatMap(([kind, weight]) => Array<Kind>(weight).fill(kind));
    // Interleaved: kbh, slagelse, kbh, … each with its own mix.
    const requests = Array.from({ length: 2 * REQUESTS_EACH }, (_, index) => ({ tenant: (index % 2 === 0 ? 'kbh' : 'slagelse') as Tenant, kind: pick(weighted), at: index }));

    const answers: Array<{ tenant: Tenant; kind: Kind; call: string; answer: HttpAnswer }> = [];
    await inPool(requests, IN_FLIGHT, async ({ tenant, kind, at }) => {
      const own = citizens[tenant];
      const citizen = pick(own);
      const [method, route, body] = ((): [string, string, object?] => {
        switch (kind) {
          case 'register':
            return ['POST', '/citizens', { cpr: nextCpr(), name: nameOf(tenant, CITIZENS_EACH + at), areaCode: TENANTS[tenant].area, benefitType: 'cash-benefit', readiness: 'activity-ready' }];
          case 'search':
            return ['GET', `/citizens?name=${encodeURIComponent(pick(FIRST_NAMES))}`];
          case 'get':
            return ['GET', `/citizens/${citizen}`];
          case 'patch':
            return ['PATCH', `/citizens/${citizen}`, { step: 1 + Math.floor(next() * 4), effectiveDate: today }];
          case 'timeline':
            return ['GET', `/citizens/${citizen}/timeline`];
          case 'periods':
            return ['GET', `/citizens/${citizen}/periods`];
        }
      })();
      const answer = await callService(caseload, method, route, { tenant, body });
      if (kind === 'register' && answer.status === 201) own.push(answer.body.id);
      answers.push({ tenant, kind, call: `${tenant} ${method} ${route}`, answer });
    });

    // Who owns which id: every uuid of every tenant table, read as superuser after the run.
    const owner = new Map<string, Set<string>>();
    for (const table of await tenantTables(caseload)) {
      const columns = await caseload.database.inspect<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND data_type = 'uuid'`,
        [table],
      );
      for (const { column_name: column } of columns) {
        for (const row of await caseload.database.inspect<{ tenant_id: string; id: string }>(`SELECT DISTINCT tenant_id, "${column}"::text AS id FROM "${table}" WHERE "${column}" IS NOT NULL`)) {
          owner.set(row.id, new Set([...(owner.get(row.id) ?? []), row.tenant_id]));
        }
      }
    }

    const serverErrors = answers.filter(({ answer }) => answer.status >= 500).map(({ call, answer }) => `${call}: ${answer.status} ${answer.text.slice(0, 160)}`);
    const foreign: string[] = [];
    let idsChecked = 0;
    for (const { tenant, call, answer } of answers) {
      const other = (Object.keys(TENANTS) as Tenant[]).find((candidate) => candidate !== tenant)!;
      const ids = answer.text.match(UUIDS) ?? [];
      idsChecked += ids.length;
      const theirs = ids.filter((id) => owner.get(id)?.has(other) && !owner.get(id)?.has(tenant));
      const theirNames = answer.text.includes(TENANTS[other].marker);
      if (theirs.length || theirNames) foreign.push(`${call}: ${answer.status} with ${other}'s ${theirs.length ? theirs.slice(0, 3).join(', ') : 'names'}`);
    }
    expect(serverErrors).toEqual([]);
    expect(foreign).toEqual([]);

    expect(answers).toHaveLength(2 * REQUESTS_EACH);
    // The requests did what they were asked: nearly all succeeded, and the searches found the tenant's own citizens.
    const succeeded = answers.filter(({ answer }) => answer.status >= 200 && answer.status < 300).length;
    expect(succeeded).toBeGreaterThan(0.98 * answers.length);
    const searchesWithHits = answers.filter(({ kind, tenant, answer }) => kind === 'search' && answer.text.includes(TENANTS[tenant].marker)).length;
    expect(searchesWithHits).toBeGreaterThan(0.9 * answers.filter(({ kind }) => kind === 'search').length);
    expect(idsChecked).toBeGreaterThan(10_000);
    for (const tenant of Object.keys(TENANTS) as Tenant[]) {
      const [{ n }] = await caseload.database.inspect<{ n: number }>(`SELECT count(*)::int AS n FROM citizen WHERE tenant_id = $1`, [tenant]);
      expect(n).toBe(citizens[tenant].length);
    }
    // The 4,000 requests take 1-2 minutes on a shared two-core machine under other load.
  }, 300_000);
});
