import request from 'supertest';
import { randomBytes, randomUUID } from 'node:crypto';
import { Role } from '@fremskudt/service-kit';
import { createTestDatabase, KBH, SLAGELSE, staffIdentity, startTestService, TestDatabase, TestIdentity, TestService, uniqueTopicPrefix, withToken } from '@fremskudt/testing';
import { AppModule, caseloadService } from '../src/app.module';
import { loadCaseloadConfig } from '../src/privacy/caseload-config';
import { CprProtector } from '../src/privacy/cpr-protection';

const newKey = () => randomBytes(32).toString('base64');
const [keyOne, keyTwo, oldHashKey, newHashKey] = [newKey(), newKey(), newKey(), newKey()];

/** The rotation's configurations, as municipal IT would set them one rollout after the other. */
const BEFORE = { CPR_ENCRYPTION_KEY: keyOne, CPR_HASH_KEY: oldHashKey };
const INTRODUCED = { CPR_ENCRYPTION_KEYS: `1:${keyOne},2:${keyTwo}`, CPR_HASH_KEY: oldHashKey, CPR_HASH_KEY_NEXT: newHashKey };
const DURING = { CPR_ENCRYPTION_KEYS: `2:${keyTwo},1:${keyOne}`, CPR_HASH_KEY: newHashKey, CPR_HASH_KEY_PREVIOUS: oldHashKey };
const AFTER = { CPR_ENCRYPTION_KEYS: `2:${keyTwo}`, CPR_HASH_KEY: newHashKey };
const protectorOf = (env: Record<string, string>) => new CprProtector(loadCaseloadConfig(env).cprKeys);
const [before, after] = [protectorOf(BEFORE), protectorOf(AFTER)];

/** Copenhagen's four citizens, three of them registered before the rotation: what the job moves (or would). */
const KBH_MOVED = { currentKeyId: 2, citizens: 4, reencrypted: 3, rehashed: 3, duplicates: [], unreadable: [] };

const ODENSE = 'odense';
const admin = staffIdentity(KBH);
const consultant: TestIdentity = { user: 'kbh-konsulent', tenant: KBH, roles: [Role.JobConsultant] };

/**
 * Rotating the CPR keys without downtime or data loss (real PostgreSQL and Kafka): citizens
 * registered under key 1 and the first hash key, the service restarted with key 2 current beside
 * key 1 and the new hash key beside the old one, the re-encryption job, and the service
 * restarted with key 2 and the new hash key only. One service and database throughout, restarted
 * with each configuration in turn.
 */
describe('caseload: rotating the CPR encryption and hash keys', () => {
  const prefix = uniqueTopicPrefix('cpr-key-rotation');
  let database: TestDatabase;
  let service: TestService | undefined;
  const registered: Array<{ id: string; cpr: string; tenant: string }> = [];

  const boot = async (env: Record<string, string>) => {
    await service?.stop();
    service = undefined;
    service = await startTestService(caseloadService, (config) => AppModule.forRoot(config, loadCaseloadConfig(env)), { topicPrefix: prefix, database });
  };
  const as = (identity: TestIdentity) => ({
    get: (path: string) => withToken(request(service!.http).get(path), identity),
    post: (path: string, body: object) => withToken(request(service!.http).post(path), identity).send(body),
  });
  const registration = (cpr: string) => ({ cpr, name: 'Amina Hassan', areaCode: 'tingbjerg', benefitType: 'cash-benefit', readiness: 'activity-ready' });
  const register = (cpr: string, tenant = KBH) => as(staffIdentity(tenant)).post('/citizens', registration(cpr));
  const findByCpr = async (cpr: string, tenant = KBH): Promise<string[]> =>
    (await as(staffIdentity(tenant)).post('/citizens/search', { cpr }).expect(200)).body.map((citizen: { id: string }) => citizen.id);
  const stored = async (id: string) =>
    (await database.inspect<{ cpr_encrypted: Buffer; cpr_hash: Buffer }>(`SELECT cpr_encrypted, cpr_hash FROM citizen WHERE id = $1`, [id]))[0];
  const citizenCount = async () => (await database.inspect<{ n: number }>(`SELECT count(*)::int AS n FROM citizen`))[0].n;

  beforeAll(async () => {
    database = await createTestDatabase('caseload');
  });
  afterAll(async () => {
    await service?.stop();
    await database?.drop();
  });

  it('before: registers citizens sealed with key 1 and hashed with the first hash key', async () => {
    await boot(BEFORE);
    for (const [cpr, tenant] of [['010190-1234', KBH], ['020285-2345', KBH], ['030370-3456', KBH], ['010190-1234', SLAGELSE]]) {
      registered.push({ id: (await register(cpr, tenant).expect(201)).body.id, cpr, tenant });
    }
    for (const { id, cpr } of registered) {
      const row = await stored(id);
      expect(row.cpr_encrypted[0]).toBe(1);
      expect(row.cpr_hash.equals(before.hash(cpr))).toBe(true);
    }
  });

  it('during: finds the citizens by their old hashes, seals new ones with key 2 under the new hash key, and refuses a number registered under either', async () => {
    await boot(DURING);
    for (const { id, cpr, tenant } of registered) expect(await findByCpr(cpr, tenant)).toEqual([id]);

    const newcomer = { id: (await register('040499-4567').expect(201)).body.id, cpr: '040499-4567', tenant: KBH };
    registered.push(newcomer);
    const row = await stored(newcomer.id);
    expect(row.cpr_encrypted[0]).toBe(2);
    expect(row.cpr_hash.equals(after.hash(newcomer.cpr))).toBe(true);
    expect(await findByCpr('0404994567')).toEqual([newcomer.id]);

    // The number stored under the old hash and the one under the new: a second registration of
    // either is refused, though the two hashes of one number differ and the unique constraint
    // alone would let the other one in.
    const count = await citizenCount();
    for (const cpr of ['0101901234', '040499-4567']) {
      const again = await register(cpr).expect(409);
      expect(again.body.code).toBe('citizen-already-registered');
    }
    expect(await citizenCount()).toBe(count);

    // Only counted: what the job would do, for this municipality only.
    const pending = await as(admin).get('/jobs/cpr-reencrypt').expect(200);
    expect(pending.body).toEqual({
      applied: false,
      ...KBH_MOVED,
      keyIds: [
        { keyId: 1, citizens: 3, configured: true },
        { keyId: 2, citizens: 1, configured: true },
      ],
    });
    expect((await stored(registered[0].id)).cpr_encrypted[0]).toBe(1);
  });

  it('replicas a step apart (one hashing with the old key and knowing the new, one the other way round) register a number once, however their requests meet', async () => {
    const neighbour = await startTestService(caseloadService, (config) => AppModule.forRoot(config, loadCaseloadConfig(INTRODUCED)), { topicPrefix: prefix, database });
    const odense = staffIdentity(ODENSE);
    try {
      for (let day = 10; day < 20; day += 1) {
        const cpr = `${day}0680-12${day}`;
        const answers = await Promise.all([service!, neighbour].map((replica) => withToken(request(replica.http).post('/citizens'), odense).send(registration(cpr))));
        expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
        registered.push({ id: answers.find((answer) => answer.status === 201)!.body.id, cpr, tenant: ODENSE });
      }
    } finally {
      await neighbour.stop();
    }
    // What the neighbour sealed with key 1 under the old hash moves with the rest.
    const moved = (await as(odense).post('/jobs/cpr-reencrypt', {}).expect(200)).body;
    expect(moved).toMatchObject({ citizens: 10, duplicates: [], keyIds: [{ keyId: 2, citizens: 10, configured: true }] });
  });

  it('the job: tenant admins only; moves the municipality’s rows to key 2 and the new hash key in batches; a second run changes nothing', async () => {
    await as(consultant).post('/jobs/cpr-reencrypt', {}).expect(403);
    expect((await as(admin).post('/jobs/cpr-reencrypt', { batchSize: 0 }).expect(400)).body.errors.map((error: { field: string }) => error.field)).toEqual([
      'batchSize',
    ]);

    const ran = await as(admin).post('/jobs/cpr-reencrypt', { batchSize: 2 }).expect(200);
    expect(ran.body).toEqual({
      applied: true,
      ...KBH_MOVED,
      keyIds: [{ keyId: 2, citizens: 4, configured: true }],
    });
    for (const { id, cpr } of registered.filter((citizen) => citizen.tenant === KBH)) {
      const row = await stored(id);
      expect(row.cpr_encrypted[0]).toBe(2);
      expect(after.decrypt(row.cpr_encrypted)).toBe(cpr.replace('-', ''));
      expect(row.cpr_hash.equals(after.hash(cpr))).toBe(true);
    }
    // Row-level security: the other municipality's citizen is its admin's to move.
    const foreign = registered.find((citizen) => citizen.tenant === SLAGELSE)!;
    expect((await stored(foreign.id)).cpr_encrypted[0]).toBe(1);

    const again = await as(admin).post('/jobs/cpr-reencrypt', {}).expect(200);
    expect(again.body).toMatchObject({ applied: true, citizens: 4, reencrypted: 0, rehashed: 0 });
    // The job is in the access log as a change by the admin, naming no citizen.
    const [logged] = await database.inspect<{ user_id: string; action: string; citizen_id: string | null; criterion: unknown }>(
      `SELECT user_id, action, citizen_id, criterion FROM access_log WHERE tenant_id = $1 AND route = '/jobs/cpr-reencrypt' AND method = 'POST' AND outcome = 'ok' ORDER BY id LIMIT 1`,
      [KBH],
    );
    expect(logged).toEqual({ user_id: admin.user, action: 'change', citizen_id: null, criterion: { job: 'cpr-reencrypt' } });
  });

  it('refuses to move anything while a number is sealed with a key the service lacks', async () => {
    const [{ id }] = registered;
    const sealed = (await stored(id)).cpr_encrypted;
    await database.inspect(`UPDATE citizen SET cpr_encrypted = set_byte(cpr_encrypted, 0, 9) WHERE id = $1`, [id]);
    try {
      const refused = await as(admin).post('/jobs/cpr-reencrypt', {}).expect(409);
      expect(refused.body.code).toBe('cpr-key-missing');
      expect(refused.body.detail).toContain('key id 9 (1 citizens)');
      const status = (await as(admin).get('/jobs/cpr-reencrypt').expect(200)).body;
      expect(status).toMatchObject({ unreadable: [id], keyIds: [{ keyId: 2, citizens: 3, configured: true }, { keyId: 9, citizens: 1, configured: false }] });
    } finally {
      await database.inspect(`UPDATE citizen SET cpr_encrypted = $2 WHERE id = $1`, [id, sealed]);
    }
  });

  it('leaves a number registered twice with its old hash and names it, for people to sort out', async () => {
    // As if the previous hash key had gone before the job ran and the number had been registered again under it.
    const { cpr } = registered.find((citizen) => citizen.cpr === '040499-4567')!;
    const twin = randomUUID();
    await database.inspect(
      `INSERT INTO citizen (id, tenant_id, cpr_encrypted, cpr_hash, name, birth_date, area_code, benefit_type, readiness, status, current_period_id, registered_at)
       VALUES ($1, $2, $3, $4, 'Tvilling', '1999-04-04', 'tingbjerg', 'cash-benefit', 'activity-ready', 'active', $5, now())`,
      [twin, KBH, before.encrypt(cpr), before.hash(cpr), randomUUID()],
    );
    try {
      expect((await as(admin).get('/jobs/cpr-reencrypt').expect(200)).body).toMatchObject({ reencrypted: 1, rehashed: 0, duplicates: [twin] });
      expect((await as(admin).post('/jobs/cpr-reencrypt', {}).expect(200)).body).toMatchObject({ reencrypted: 1, rehashed: 0, duplicates: [twin] });
      const row = await stored(twin);
      expect(row.cpr_encrypted[0]).toBe(2);
      expect(row.cpr_hash.equals(before.hash(cpr))).toBe(true);
    } finally {
      await database.inspect(`DELETE FROM citizen WHERE id = $1`, [twin]);
    }
  });

  it('refuses to start without key 1 while another municipality still has a number sealed with it; starts once that one has run the job', async () => {
    await service!.stop();
    service = undefined;
    await expect(boot(AFTER)).rejects.toThrow(/sealed with key id 1 \(1 citizens\)/);

    await boot(DURING);
    const slagelseAdmin = staffIdentity(SLAGELSE);
    expect((await as(slagelseAdmin).post('/jobs/cpr-reencrypt', {}).expect(200)).body).toMatchObject({ citizens: 1, reencrypted: 1, rehashed: 1 });
  });

  it('after: with key 2 and the new hash key only, finds and decrypts every citizen and still refuses a second registration', async () => {
    await boot(AFTER);
    for (const { id, cpr, tenant } of registered) {
      expect(await findByCpr(cpr, tenant)).toEqual([id]);
      expect(after.decrypt((await stored(id)).cpr_encrypted)).toBe(cpr.replace('-', ''));
    }
    const count = await citizenCount();
    for (const { cpr, tenant } of registered) expect((await register(cpr, tenant).expect(409)).body.code).toBe('citizen-already-registered');
    expect(await citizenCount()).toBe(count);
    expect((await as(admin).get('/jobs/cpr-reencrypt').expect(200)).body).toMatchObject({ reencrypted: 0, rehashed: 0, keyIds: [{ keyId: 2, citizens: 4 }] });
  });
});
