import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTestDatabase, TestDatabase, TEST_ROLES } from '@fremskudt/testing';
import { createServiceDataSource } from './data-source';
import { enableTenantIsolation, runMigrations } from './migrations';
import { TenantContext } from './tenant-context';
import { UnitOfWork } from './unit-of-work';

class Notes1700000000001 implements MigrationInterface {
  name = 'Notes1700000000001';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE note (id serial PRIMARY KEY, tenant_id text NOT NULL, body text NOT NULL)`);
    await enableTenantIsolation(queryRunner, 'note');
    await queryRunner.query(`GRANT USAGE ON SEQUENCE note_id_seq TO ${TEST_ROLES.app}`);
  }
  async down(): Promise<void> {}
}

describe('tenant isolation enforced by PostgreSQL (real server)', () => {
  let database: TestDatabase;
  let unitOfWork: UnitOfWork;
  let dataSource: ReturnType<typeof createServiceDataSource>;

  beforeAll(async () => {
    database = await createTestDatabase('persistence');
    await runMigrations({
      url: database.urls.migration,
      appRole: TEST_ROLES.app,
      relayRole: TEST_ROLES.relay,
      migrations: [Notes1700000000001],
      applicationName: 'isolation-test',
    });
    dataSource = await createServiceDataSource({ url: database.urls.app, poolSize: 2, applicationName: 'isolation-test' }).initialize();
    unitOfWork = new UnitOfWork(dataSource);
    await unitOfWork.runForTenant('kbh', (m) => m.query(`INSERT INTO note (tenant_id, body) VALUES ('kbh', 'a'), ('kbh', 'b')`));
    await unitOfWork.runForTenant('slagelse', (m) => m.query(`INSERT INTO note (tenant_id, body) VALUES ('slagelse', 'c')`));
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('the runtime role is neither owner, superuser nor BYPASSRLS', async () => {
    const [role] = await dataSource.query(
      `SELECT rolsuper, rolbypassrls, (SELECT tableowner FROM pg_tables WHERE tablename = 'note') AS owner FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owner: TEST_ROLES.owner });
  });

  it('a query with no tenant set sees zero rows, though rows exist', async () => {
    expect(await dataSource.query(`SELECT * FROM note`)).toEqual([]);
    expect(await database.inspect(`SELECT count(*)::int AS n FROM note`)).toEqual([{ n: 3 }]);
  });

  it('each tenant sees only its own rows', async () => {
    const kbh = await unitOfWork.runForTenant('kbh', (m) => m.query(`SELECT body FROM note ORDER BY body`));
    const slagelse = await unitOfWork.runForTenant('slagelse', (m) => m.query(`SELECT body FROM note`));
    expect(kbh.map((r: { body: string }) => r.body)).toEqual(['a', 'b']);
    expect(slagelse.map((r: { body: string }) => r.body)).toEqual(['c']);
  });

  it("refuses writing a row into another tenant, and updates cannot reach another tenant's rows", async () => {
    await expect(unitOfWork.runForTenant('kbh', (m) => m.query(`INSERT INTO note (tenant_id, body) VALUES ('slagelse', 'x')`))).rejects.toThrow(
      /row-level security/,
    );
    const updated = await unitOfWork.runForTenant('kbh', (m) => m.query(`UPDATE note SET body = 'z' WHERE body = 'c'`));
    expect(updated[1]).toBe(0);
  });

  it('the tenant setting ends with the transaction: a pooled connection never carries it on', async () => {
    await unitOfWork.runForTenant('kbh', (m) => m.query('SELECT 1'));
    const settings = await Promise.all([0, 1, 2, 3].map(() => dataSource.query(`SELECT current_setting('app.tenant_id', true) AS tenant`)));
    for (const [row] of settings) expect(row.tenant === null || row.tenant === '').toBe(true);
  });

  it('a unit of work without a tenant in context fails loudly', async () => {
    await expect(unitOfWork.run(async () => 1)).rejects.toThrow(/No tenant in context/);
    expect(() => TenantContext.currentTenant()).toThrow(/No tenant in context/);
  });
});
