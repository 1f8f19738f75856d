import { INestApplication } from '@nestjs/common';
import { MessagingRuntime } from '@fremskudt/messaging';
import { createServiceApp, loadPlatformConfig, PlatformConfig, RootModuleFactory, ServiceDefinition } from '@fremskudt/service-kit';
import { TEST_OIDC_ISSUER } from './identities';
import { createTestDatabase, TEST_KAFKA_BROKERS, TestDatabase } from './test-infrastructure';

export interface TestServiceOptions {
  topicPrefix: string;
  /** Reuse a database (e.g. to restart a service on its own data); a fresh one otherwise. */
  database?: TestDatabase;
  env?: Record<string, string>;
}

export interface TestService {
  app: INestApplication;
  /** For supertest: `request(service.http)`. */
  http: ReturnType<INestApplication['getHttpServer']>;
  config: PlatformConfig;
  database: TestDatabase;
  messaging: MessagingRuntime;
  /** Stops the service (leaves its group, relays its outbox), keeping its database. */
  stop(): Promise<void>;
  /** Stops it and drops its database. */
  dispose(): Promise<void>;
}

/** Rate limits high enough never to be reached; a suite that tests the limits sets its own in `env`. */
export const TEST_RATE_LIMITS = {
  RATE_LIMIT_PER_MINUTE: '1000000',
  SENSITIVE_RATE_LIMIT_PER_MINUTE: '1000000',
  AUTH_FAILURE_LIMIT_PER_MINUTE: '1000000',
} as const;

/** Boots a real service in-process against real PostgreSQL and Kafka; resolves once its consumer joined. */
export async function startTestService(
  definition: ServiceDefinition,
  rootModule: RootModuleFactory,
  options: TestServiceOptions,
): Promise<TestService> {
  const database = options.database ?? (await createTestDatabase(definition.name));
  const config = loadPlatformConfig(
    {
      DATABASE_URL: database.urls.app,
      DATABASE_RELAY_URL: database.urls.relay,
      DATABASE_MIGRATION_URL: database.urls.migration,
      DATABASE_POOL_SIZE: '5',
      KAFKA_BROKERS: TEST_KAFKA_BROKERS,
      TOPIC_PREFIX: options.topicPrefix,
      TOPIC_PARTITIONS: '3',
      CONSUMER_MAX_ATTEMPTS: '3',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      OIDC_ISSUER: TEST_OIDC_ISSUER,
      // The suites replay thousands of requests as one user from one address (and the route walks
      // send forged tokens to every route): limits a suite does not test stay out of its way.
      ...TEST_RATE_LIMITS,
      ...options.env,
    },
    definition,
  );
  const app = await createServiceApp(definition, rootModule, config);
  try {
    await app.init();
  } catch (error) {
    // A service that refuses to start (a start-up check failed) leaves no consumer or pool behind.
    await app.close().catch(() => undefined);
    throw error;
  }
  const messaging = app.get(MessagingRuntime);
  await messaging.transport.whenJoined(60_000);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
  };
  return {
    app,
    http: app.getHttpServer(),
    config,
    database,
    messaging,
    stop,
    dispose: async () => {
      await stop();
      await database.drop();
    },
  };
}
