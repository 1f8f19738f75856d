import request from 'supertest';
import { RootModuleFactory, ServiceDefinition } from '@fremskudt/service-kit';
import { describeAuthentication } from './route-walks';
import { testKafka, TestDatabase, uniqueTopicPrefix, waitFor } from './test-infrastructure';
import { startTestService, TestService } from './test-service';

/** Tables that hold a tenant_id but lack enabled and forced row-level security. */
export async function tablesWithoutTenantIsolation(database: TestDatabase): Promise<string[]> {
  const rows = await database.inspect<{ table_name: string }>(`
    SELECT c.table_name FROM information_schema.columns c
      JOIN pg_class t ON t.relname = c.table_name AND t.relkind = 'r'
     WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id'
       AND NOT (t.relrowsecurity AND t.relforcerowsecurity)`);
  return rows.map((row) => row.table_name).sort();
}

/**
 * What every service must do, as one shared suite: boot against real PostgreSQL and Kafka with
 * its migrations applied, answer liveness and readiness, publish OpenAPI docs, keep every
 * tenant table under forced RLS, let in only valid tokens and the roles each endpoint declares,
 * and stop cleanly.
 */
export function describeServiceBasics(definition: ServiceDefinition, rootModule: RootModuleFactory): void {
  describe(`${definition.name}: service basics (real PostgreSQL and Kafka)`, () => {
    let service: TestService;

    beforeAll(async () => {
      service = await startTestService(definition, rootModule, { topicPrefix: uniqueTopicPrefix(definition.name) });
    });
    afterAll(() => service?.dispose());

    it('applied its migrations, and every table with tenant data is under forced row-level security', async () => {
      const applied = await service.database.inspect<{ name: string }>(`SELECT name FROM schema_migrations ORDER BY id`);
      const expected = (definition.migrations as Array<new () => { name: string }>).map((migration) => new migration().name);
      expect(applied.map((row) => row.name)).toEqual(expected);
      expect(await tablesWithoutTenantIsolation(service.database)).toEqual([]);
      const [{ tenantTables }] = await service.database.inspect<{ tenantTables: number }>(
        `SELECT count(*)::int AS "tenantTables" FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'`,
      );
      expect(tenantTables).toBeGreaterThanOrEqual(2); // at least the outbox and the inbox
    });

    it('answers liveness, and readiness once database and Kafka are reachable', async () => {
      await request(service.http).get('/health/live').expect(200, { status: 'up' });
      const ready = await waitFor(async () => {
        const response = await request(service.http).get('/health/ready');
        return response.status === 200 ? response.body : null;
      }, { timeoutMs: 30_000, what: 'readiness' });
      expect(ready).toMatchObject({ status: 'up', checks: { database: { status: 'up' }, kafka: { status: 'up', brokerReachable: true } } });
    });

    it('publishes its OpenAPI document at /docs', async () => {
      const docs = await request(service.http).get('/docs-json').expect(200);
      expect(docs.body.info.title).toBe(definition.title);
      expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
      await request(service.http).get('/docs').expect(200);
    });

    describeAuthentication(() => service);

    it('created its topics and dead-letter topic on Kafka', async () => {
      const admin = testKafka().admin();
      await admin.connect();
      try {
        const topics = await admin.listTopics();
        expect(topics).toEqual(expect.arrayContaining(service.messaging.topics));
      } finally {
        await admin.disconnect();
      }
    });
  });
}
