import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { dropDatabase, ensureServiceDatabase, withDatabase } from '@fremskudt/persistence';

export const ADMIN_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`;

/** Roles shared by all test databases (roles are cluster-wide; grants are per database). */
export const TEST_ROLES = { owner: 'fremskudt_test_owner', app: 'fremskudt_test_app', relay: 'fremskudt_test_relay' } as const;

export const uniqueSuffix = () => randomBytes(4).toString('hex');

export interface TestDatabase {
  name: string;
  urls: { app: string; relay: string; migration: string };
  drop(): Promise<void>;
  /** Runs SQL as the server's superuser, which row-level security does not filter: for assertions only. */
  inspect<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

/** A fresh database per suite, named for tests so nothing else is ever touched. */
export async function createTestDatabase(service: string): Promise<TestDatabase> {
  const name = `test_${service.replace(/-/g, '_')}_${uniqueSuffix()}`;
  await ensureServiceDatabase(ADMIN_DATABASE_URL, {
    database: name,
    ownerRole: TEST_ROLES.owner,
    appRole: TEST_ROLES.app,
    relayRole: TEST_ROLES.relay,
  });
  return {
    name,
    urls: {
      app: withDatabase(ADMIN_DATABASE_URL, name, TEST_ROLES.app),
      relay: withDatabase(ADMIN_DATABASE_URL, name, TEST_ROLES.relay),
      migration: withDatabase(ADMIN_DATABASE_URL, name, TEST_ROLES.owner),
    },
    drop: () => dropDatabase(ADMIN_DATABASE_URL, name),
    inspect: async (sql, params) => {
      const client = new Client({ connectionString: withDatabase(ADMIN_DATABASE_URL, name) });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
  };
}

/** A topic prefix no other suite uses, so suites share one broker without seeing each other. */
export const uniqueTopicPrefix = (label: string) => `test.${label}.t${uniqueSuffix()}`;

export function testKafka(brokers = TEST_KAFKA_BROKERS): Kafka {
  return new Kafka({ clientId: `test-${uniqueSuffix()}`, brokers: brokers.split(','), logLevel: logLevel.NOTHING });
}

/** Polls until the check passes (returns truthy) or the time is up; returns the last value. */
export async function waitFor<T>(check: () => Promise<T>, { timeoutMs = 10_000, intervalMs = 50, what = 'condition' } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last value ${JSON.stringify(last)}${lastError ? `, last error ${String(lastError)}` : ''}`);
}

/** Runs the work for every item, at most `concurrency` at a time (fixtures that replay many commands). */
export async function inPool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}
