import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Injectable,
  MiddlewareConsumer,
  Module,
  NestModule,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  RequestMethod,
} from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ALL_EVENT_CONTRACTS, ContractRegistry } from '@fremskudt/contracts';
import { MessagingRuntime, OutboxWriter } from '@fremskudt/messaging';
import { createServiceDataSource, roleOf, runMigrations, UnitOfWork } from '@fremskudt/persistence';
import { PlatformConfig } from './config/platform-config';
import { HealthController } from './health/health.controller';
import { IdempotencyMiddleware, IdempotentReplayInterceptor } from './http/idempotency.middleware';
import { AuthenticationMiddleware } from './auth/authentication.middleware';
import { RolesGuard } from './auth/permissions';
import { TokenVerifier } from './auth/token-verifier';
import { createValidationPipe } from './http/validation';
import { loggingParams, messagingLogger } from './logging/logging';
import { PLATFORM_CONFIG, TENANT_CONFIG } from './platform.tokens';
import { ServiceDefinition } from './service-definition';

async function openDatabase(definition: ServiceDefinition, config: PlatformConfig): Promise<DataSource> {
  const { database } = config;
  if (database.migration) {
    await runMigrations({
      url: database.migration,
      appRole: roleOf(database.app),
      relayRole: roleOf(database.relay),
      migrations: definition.migrations,
      applicationName: definition.name,
    });
  }
  return createServiceDataSource({
    url: database.app,
    entities: definition.entities,
    poolSize: database.poolSize,
    applicationName: definition.name,
  }).initialize();
}

@Injectable()
class PlatformLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.messaging.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.messaging.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * The platform every service stands on: validated config, JSON logs, its database (migrated,
 * tenant-scoped units of work), contracts, outbox and Kafka runtime, health endpoints, problem
 * responses, and each request's authenticated principal and tenant (from its token only) and
 * the roles its endpoint allows.
 */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  static forService(definition: ServiceDefinition, config: PlatformConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [LoggerModule.forRoot(loggingParams(definition.name, config.logLevel))],
      controllers: [HealthController],
      providers: [
        { provide: PLATFORM_CONFIG, useValue: config },
        { provide: TENANT_CONFIG, useValue: config.tenant ?? null },
        { provide: DataSource, useFactory: () => openDatabase(definition, config) },
        { provide: UnitOfWork, useFactory: (dataSource: DataSource) => new UnitOfWork(dataSource), inject: [DataSource] },
        { provide: ContractRegistry, useValue: new ContractRegistry(ALL_EVENT_CONTRACTS) },
        {
          provide: OutboxWriter,
          useFactory: (registry: ContractRegistry) => new OutboxWriter(registry, config.messaging.topicPrefix, definition.name),
          inject: [ContractRegistry],
        },
        {
          provide: MessagingRuntime,
          useFactory: (registry: ContractRegistry, unitOfWork: UnitOfWork) =>
            new MessagingRuntime({
              config: config.messaging,
              relayDatabaseUrl: config.database.relay,
              registry,
              unitOfWork,
              logger: messagingLogger('messaging'),
              produces: definition.produces,
              consumes: definition.consumes,
            }),
          inject: [ContractRegistry, UnitOfWork],
        },
        { provide: TokenVerifier, useValue: new TokenVerifier(config.auth) },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: IdempotentReplayInterceptor },
        PlatformLifecycle,
      ],
      exports: [PLATFORM_CONFIG, TENANT_CONFIG, DataSource, UnitOfWork, ContractRegistry, OutboxWriter, MessagingRuntime],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuthenticationMiddleware, IdempotencyMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
