import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTestDatabase, TestDatabase, TEST_ROLES } from '@fremskudt/testing';
import { createServiceDataSource } from './data-source';
import { CommandContext, CommandLog1763900000050, IdempotencyKeyReusedError } from './idempotent-commands';
import { enableTenantIsolation, runMigrations } from './migrations';
import { TenantContext } from './tenant-context';
import { UnitOfWork } from './unit-of-work';

class Counters1700000000002 implements MigrationInterface {
  name = 'Counters1700000000002';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE counter (tenant_id text PRIMARY KEY, value int NOT NULL)`);
    await enableTenantIsolation(queryRunner, 'counter');
  }
  async down(): Promise<void> {}
}

describe('idempotent commands (real PostgreSQL)', () => {
  let database: TestDatabase;
  let unitOfWork: UnitOfWork;
  let dataSource: ReturnType<typeof createServiceDataSource>;

  /** A command with an effect: increments the tenant's counter and answers the new value. */
  const increment = () =>
    unitOfWork.command(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO counter (tenant_id, value) VALUES (current_setting('app.tenant_id'), 1)
         ON CONFLICT (tenant_id) DO UPDATE SET value = counter.value + 1 RETURNING value`,
      );
      return { value: row.value as number };
    });
  const counter = async (tenant: string) =>
    (await database.inspect<{ value: number }>(`SELECT value FROM counter WHERE tenant_id = $1`, [tenant]))[0]?.value ?? 0;
  const inScope = <T>(tenant: string, key: string, fingerprint: string, work: () => Promise<T>) =>
    TenantContext.run(tenant, () => CommandContext.run({ key, fingerprint }, async () => ({ result: await work(), replayed: CommandContext.current()!.replayed })));

  beforeAll(async () => {
    database = await createTestDatabase('idempotency');
    await runMigrations({
      url: database.urls.migration,
      appRole: TEST_ROLES.app,
      relayRole: TEST_ROLES.relay,
      migrations: [CommandLog1763900000050, Counters1700000000002],
      applicationName: 'idempotency-test',
    });
    dataSource = await createServiceDataSource({ url: database.urls.app, poolSize: 4, applicationName: 'idempotency-test' }).initialize();
    unitOfWork = new UnitOfWork(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('runs a command without a key every time', async () => {
    await TenantContext.run('nokey', increment);
    await TenantContext.run('nokey', increment);
    expect(await counter('nokey')).toBe(2);
  });

  it('answers a repeat of the same key and request from the log, without a second effect', async () => {
    const first = await inScope('kbh', 'k-1', 'f-1', increment);
    const again = await inScope('kbh', 'k-1', 'f-1', increment);
    expect(first).toEqual({ result: { value: 1 }, replayed: false });
    expect(again).toEqual({ result: { value: 1 }, replayed: true });
    expect(await counter('kbh')).toBe(1);
  });

  it('refuses the same key with another request and changes nothing', async () => {
    await expect(inScope('kbh', 'k-1', 'f-other', increment)).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await counter('kbh')).toBe(1);
  });

  it('keeps keys per tenant: another tenant may use the same key', async () => {
    const other = await inScope('slagelse', 'k-1', 'f-1', increment);
    expect(other).toEqual({ result: { value: 1 }, replayed: false });
  });

  it('runs concurrent repeats once: the second waits for the first and replays it', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => inScope('aarhus', 'k-concurrent', 'f', increment)));
    expect(await counter('aarhus')).toBe(1);
    expect(answers.map((a) => a.result)).toEqual([{ value: 1 }, { value: 1 }, { value: 1 }]);
    expect(answers.filter((a) => a.replayed)).toHaveLength(2);
  });

  it('keeps no key when the command fails, so a retry runs it', async () => {
    const failing = () =>
      unitOfWork.command(async (manager) => {
        await manager.query(`INSERT INTO counter (tenant_id, value) VALUES (current_setting('app.tenant_id'), 100)`);
        throw new Error('refused');
      });
    await expect(inScope('odense', 'k-fail', 'f', failing)).rejects.toThrow('refused');
    expect(await counter('odense')).toBe(0);
    expect(await inScope('odense', 'k-fail', 'f', increment)).toEqual({ result: { value: 1 }, replayed: false });
  });
});
