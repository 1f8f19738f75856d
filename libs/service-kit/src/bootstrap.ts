import { DynamicModule, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { MessagingRuntime } from '@fremskudt/messaging';
import { roleOf, runMigrations } from '@fremskudt/persistence';
import { ConfigValidationError, loadPlatformConfig, PlatformConfig } from './config/platform-config';
import { ProblemFilter } from './http/problem.filter';
import { FailedAuthenticationLimiter, limitFailedAuthentications, RateLimitModule } from './http/rate-limits';
import { jsonBodiesOnly, noNulInUrl, refuseNulCharacters } from './http/request-limits';
import { securityHeaders } from './http/security-headers';
import { ServiceDefinition } from './service-definition';
import { handleShutdownSignals } from './shutdown';

export type RootModuleFactory = (config: PlatformConfig) => DynamicModule;

/** Builds a service's application (HTTP + Kafka transport) without listening; tests use it too. */
export async function createServiceApp(
  definition: ServiceDefinition,
  rootModule: RootModuleFactory,
  config: PlatformConfig,
): Promise<INestApplication> {
  // Nest's own body parsers are off: JSON only (jsonBodiesOnly refuses the rest), up to the configured size.
  const app = await NestFactory.create<NestExpressApplication>(withRateLimits(rootModule(config), config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  hardenHttp(app, config);
  // One global filter for both sides, set before the transport is connected so its handlers see
  // it: problem responses for HTTP; for event handlers the original error goes back to the
  // transport (Nest's default RPC filter would replace it with "Internal server error").
  app.useGlobalFilters(new ProblemFilter());
  app.connectMicroservice({ strategy: app.get(MessagingRuntime).transport }, { inheritAppConfig: true });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(definition.title)
      .setDescription(definition.description)
      .setVersion('0.1.0')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: `Adgangstoken (JWT) fra kommunens login-tjeneste ${config.auth.issuer}, udstedt til ${config.auth.audience}. Kommunen og rollerne står i tokenet.`,
      })
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  await app.startAllMicroservices();
  return app;
}

/** The service's root module with the per-user rate limits (a global guard) beside it. */
function withRateLimits(root: DynamicModule, config: PlatformConfig): DynamicModule {
  return { module: ServiceApplication, imports: [root, RateLimitModule.forService(config.http)] };
}

@Module({})
class ServiceApplication {}

/**
 * Express middleware that runs before Nest's (authentication, idempotency) and the routes: the
 * security headers, the client address behind trusted proxies, the wait for addresses that
 * failed to authenticate too often, no NUL characters (PostgreSQL cannot store them), and
 * JSON-only bodies up to the configured size. Their refusals reach the ProblemFilter through
 * Nest's error handler: problem+json, never a stack.
 */
function hardenHttp(app: NestExpressApplication, config: PlatformConfig): void {
  app.disable('x-powered-by');
  if (config.http.trustProxyHops > 0) app.set('trust proxy', config.http.trustProxyHops);
  app.use(securityHeaders());
  app.use(limitFailedAuthentications(new FailedAuthenticationLimiter(config.http.rateLimits.authFailuresPerMinute)));
  app.use(noNulInUrl);
  app.use(jsonBodiesOnly);
  app.useBodyParser('json', { limit: config.http.bodyLimit, type: ['application/json', 'application/*+json'], reviver: refuseNulCharacters });
}

/** One JSON log line before the application (and its logger) exists. */
function logLine(level: 'info' | 'fatal', service: string, fields: Record<string, unknown>): void {
  const stream = level === 'fatal' ? process.stderr : process.stdout;
  stream.write(`${JSON.stringify({ level, time: new Date().toISOString(), service, ...fields })}\n`);
}

/**
 * `node main.js migrate`: runs the service's migrations with the owner role
 * (DATABASE_MIGRATION_URL) and exits. The Helm chart's migrations Job runs this before the new
 * pods start, so the running pods never hold the owner role.
 */
async function migrateAndExit(definition: ServiceDefinition, config: PlatformConfig): Promise<never> {
  const { database } = config;
  if (!database.migration) {
    logLine('fatal', definition.name, { message: 'DATABASE_MIGRATION_URL is required to migrate' });
    process.exit(1);
  }
  try {
    const applied = await runMigrations({
      url: database.migration,
      appRole: roleOf(database.app),
      relayRole: roleOf(database.relay),
      migrations: definition.migrations,
      applicationName: definition.name,
    });
    logLine('info', definition.name, { message: 'migrations applied', applied });
    process.exit(0);
  } catch (error) {
    logLine('fatal', definition.name, { message: 'migrations failed', error: (error as Error).message });
    process.exit(1);
  }
}

/**
 * The entry point of a service process: validated config (and tenant configuration), then
 * listen until SIGTERM, then a graceful shutdown (see handleShutdownSignals). Exits 1 on bad
 * config. With the argument `migrate` it only runs the migrations.
 */
export async function runService(definition: ServiceDefinition, rootModule: RootModuleFactory): Promise<INestApplication> {
  let config: PlatformConfig;
  try {
    config = loadPlatformConfig(process.env, definition);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    logLine('fatal', definition.name, { message: error.message, problems: error.problems });
    process.exit(1);
  }
  if (process.argv[2] === 'migrate') return migrateAndExit(definition, config);
  const app = await createServiceApp(definition, rootModule, config);
  const logger = app.get(Logger);
  handleShutdownSignals(app, logger);
  await app.listen(config.port, process.env.HOST ?? '127.0.0.1');
  logger.log({
    message: `${definition.name} listening`,
    url: `http://127.0.0.1:${config.port}`,
    docs: `http://127.0.0.1:${config.port}/docs`,
    tenant: config.tenant?.id,
  });
  return app;
}
