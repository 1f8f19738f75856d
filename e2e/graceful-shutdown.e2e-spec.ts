import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Admin } from 'kafkajs';
import { CitizenRegistered, CitizensStream, topicName } from '@fremskudt/contracts';
import { authorizationFor, createTestDatabase, staffIdentity, TEST_KAFKA_BROKERS, TEST_OIDC_ISSUER, TestDatabase, testKafka, uniqueTopicPrefix, waitFor } from '@fremskudt/testing';
import { nextCpr, readTopicUntil, sleep } from './support/platform';

// Caseload as it runs in its container: the built service (dist/main.js) in a process of its
// own, migrated first by `main.js migrate` (the chart's migrations Job), started without the
// owner role and with a tenant configuration file (the chart's ConfigMap), put under load and
// sent SIGTERM. Every request that was answered 201 must have its row and its event on Kafka.

const ROOT = path.resolve(__dirname, '..');
const MAIN = path.join(ROOT, 'services/caseload/dist/main.js');
const TENANT = 'kbh';
const run = promisify(execFile);

interface Outcome {
  key: string;
  status: number | 'network-error';
  citizenId?: string;
  answeredAt: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A service process with its output kept for assertions and diagnosis. */
function startCaseload(env: Record<string, string>, args: string[] = []): { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: string | null }> } {
  let output = '';
  const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exited };
}

const tenantConfig = (topicPrefix: string, weekday = 1) => ({
  id: TENANT,
  name: 'Københavns Kommune',
  topicPrefix,
  // The local provider stands in for the municipality's broker (login.kk.dk in production).
  identity: { issuer: TEST_OIDC_ISSUER },
  areas: [{ code: 'tingbjerg', name: 'Tingbjerg' }],
  desks: [{ areaCode: 'tingbjerg', name: 'Åben Rådgivning Tingbjerg', location: 'Lokalkontoret', weekly: [{ weekday, opens: '09:30', closes: '12:30' }] }],
});

describe('graceful shutdown of a service process under load', () => {
  let database: TestDatabase;
  let admin: Admin;
  let workDir: string;
  const topicPrefix = uniqueTopicPrefix('shutdown');
  const groupId = `${topicPrefix}.caseload`;
  // With NODE_ENV=production caseload refuses to start (and to migrate) without its CPR keys.
  const cprKeys = { CPR_ENCRYPTION_KEY: randomBytes(32).toString('base64'), CPR_HASH_KEY: randomBytes(32).toString('base64') };

  beforeAll(async () => {
    // The service and the libs it uses, as the image builds them (Nx's cache makes this quick).
    await run(process.execPath, [require.resolve('nx/bin/nx.js'), 'build', 'caseload', '--outputStyle=static'], { cwd: ROOT, timeout: 300_000 });
    database = await createTestDatabase('caseload_shutdown');
    admin = testKafka().admin();
    await admin.connect();
    workDir = mkdtempSync(path.join(tmpdir(), 'graceful-shutdown-'));
  }, 360_000);

  afterAll(async () => {
    await admin?.disconnect();
    await database?.drop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  const baseEnv = (port: number, tenantFile: string): Record<string, string> => ({
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    DATABASE_URL: database.urls.app,
    DATABASE_RELAY_URL: database.urls.relay,
    KAFKA_BROKERS: TEST_KAFKA_BROKERS,
    TOPIC_PREFIX: topicPrefix,
    TOPIC_PARTITIONS: '3',
    CONSUMER_GROUP_ID: groupId,
    TENANT_CONFIG_FILE: tenantFile,
    LOG_LEVEL: 'info',
    ...cprKeys,
  });

  it('refuses to start with an invalid tenant configuration, naming the field', async () => {
    const file = path.join(workDir, 'bad-tenant.json');
    writeFileSync(file, JSON.stringify(tenantConfig(topicPrefix, 8)));
    const service = startCaseload(baseEnv(await freePort(), file));
    const { code } = await service.exited;
    expect(code).toBe(1);
    expect(service.output()).toContain('tenant.desks[0].weekly[0].weekday: must be <= 7');
  });

  it('refuses to start in production without its CPR keys, naming them and never printing a key', async () => {
    const file = path.join(workDir, 'tenant-for-keys.json');
    writeFileSync(file, JSON.stringify(tenantConfig(topicPrefix)));
    const withoutHashKey = baseEnv(await freePort(), file);
    delete withoutHashKey.CPR_HASH_KEY;
    const missing = startCaseload({ ...withoutHashKey, CPR_ENCRYPTION_KEY: '' });
    expect((await missing.exited).code).toBe(1);
    expect(missing.output()).toContain('CPR_ENCRYPTION_KEY: is required with NODE_ENV=production');
    expect(missing.output()).toContain('CPR_HASH_KEY: is required with NODE_ENV=production');
    const short = startCaseload({ ...withoutHashKey, CPR_HASH_KEY: randomBytes(16).toString('base64') });
    expect((await short.exited).code).toBe(1);
    expect(short.output()).toContain('CPR_HASH_KEY: must be base64 of at least 32 bytes');
    expect(short.output()).not.toContain(withoutHashKey.CPR_ENCRYPTION_KEY);
  });

  it('finishes every accepted request, publishes its event and leaves the consumer group', async () => {
    const tenantFile = path.join(workDir, 'tenant.json');
    writeFileSync(tenantFile, JSON.stringify(tenantConfig(topicPrefix)));
    const port = await freePort();
    const env = baseEnv(port, tenantFile);

    // 1. Migrations alone, with the owner role, as the chart's pre-install Job runs them.
    const migrate = startCaseload({ ...env, DATABASE_MIGRATION_URL: database.urls.migration }, ['migrate']);
    expect(await migrate.exited).toEqual({ code: 0, signal: null });
    expect(migrate.output()).toContain('migrations applied');

    // 2. The service, without the owner role.
    const service = startCaseload(env);
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitFor(
        async () => {
          if (service.child.exitCode !== null) throw new Error(`caseload exited during start-up:\n${service.output()}`);
          return (await fetch(`${url}/health/ready`).catch(() => null))?.status === 200;
        },
        { timeoutMs: 90_000, intervalMs: 250, what: `caseload ready on ${url}` },
      );
    } catch (error) {
      service.child.kill('SIGKILL');
      throw new Error(`${(error as Error).message}\n${service.output()}`);
    }
    await waitFor(async () => (await admin.describeGroups([groupId])).groups[0]?.state === 'Stable', { timeoutMs: 60_000, intervalMs: 200, what: 'caseload to join its consumer group' });

    // 3. Load: concurrent registrations, each with its own Idempotency-Key, until the port closes.
    const outcomes: Outcome[] = [];
    const authorization = await authorizationFor(staffIdentity(TENANT));
    let sigtermAt = Infinity;
    const loadEnds = () => Date.now() > sigtermAt + 3_000;
    const worker = async () => {
      while (!loadEnds()) {
        const key = randomUUID();
        try {
          const response = await fetch(`${url}/citizens`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...authorization, 'idempotency-key': key },
            body: JSON.stringify({ cpr: nextCpr(), name: 'Test Borger', areaCode: 'tingbjerg', benefitType: 'cash-benefit', readiness: 'activity-ready' }),
            signal: AbortSignal.timeout(20_000),
          });
          const body = (await response.json().catch(() => ({}))) as { id?: string };
          outcomes.push({ key, status: response.status, citizenId: body.id, answeredAt: Date.now() });
        } catch {
          // Refused or reset once the port is closed: the request was not accepted.
          outcomes.push({ key, status: 'network-error', answeredAt: Date.now() });
          if (Date.now() > sigtermAt) await sleep(50);
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await waitFor(async () => outcomes.filter((outcome) => outcome.status === 201).length >= 40, { timeoutMs: 60_000, what: 'load to be under way' });
    sigtermAt = Date.now();
    service.child.kill('SIGTERM');
    let giveUp: NodeJS.Timeout | undefined;
    const exit = await Promise.race([service.exited, new Promise<null>((resolve) => (giveUp = setTimeout(() => resolve(null), 60_000)))]);
    clearTimeout(giveUp);
    await Promise.all(workers);
    if (!exit) service.child.kill('SIGKILL');
    expect({ exit, output: exit?.code === 0 ? '' : service.output() }).toEqual({ exit: { code: 0, signal: null }, output: '' });
    expect(service.output()).toMatch(/"message":"shutting down"/);

    // Requests were accepted until SIGTERM and some were still in flight when it came.
    const accepted = outcomes.filter((outcome) => outcome.status === 201);
    expect(accepted.length).toBeGreaterThanOrEqual(40);
    expect(accepted.filter((outcome) => outcome.answeredAt >= sigtermAt).length).toBeGreaterThan(0);
    // Nothing failed inside the service: a request either got its answer or was never taken.
    expect(outcomes.filter((outcome) => outcome.status !== 201 && outcome.status !== 'network-error')).toEqual([]);

    // 4. Every 201 has its row, its outbox row was relayed, and its event is on Kafka.
    const ids = accepted.map((outcome) => outcome.citizenId!);
    const rows = await database.inspect<{ id: string }>('SELECT id FROM citizen WHERE id = ANY($1::uuid[])', [ids]);
    expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort());
    expect(await database.inspect('SELECT event_id FROM outbox WHERE sent_at IS NULL')).toEqual([]);
    const topic = topicName(topicPrefix, CitizensStream);
    const registered = (messages: Awaited<ReturnType<typeof readTopicUntil>>) =>
      new Set(messages.filter((message) => message.headers.ce_type === CitizenRegistered.type).map((message) => message.key));
    const messages = await readTopicUntil(topic, (read) => ids.every((id) => registered(read).has(id)), { timeoutMs: 30_000 });
    expect(ids.filter((id) => !registered(messages).has(id))).toEqual([]);

    // 5. The consumer left its group on the way out (no session timeout to wait for).
    const [group] = (await admin.describeGroups([groupId])).groups;
    expect({ state: group.state, members: group.members.length }).toEqual({ state: 'Empty', members: 0 });
  });
});
