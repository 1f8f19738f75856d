import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { MessagingRuntime } from '@fremskudt/messaging';
import { ConfigValidationError, loadPlatformConfig, PlatformConfig } from './config/platform-config';
import { ProblemFilter } from './http/problem.filter';
import { TENANT_HEADER } from './http/tenant.middleware';
import { ServiceDefinition } from './service-definition';

export type RootModuleFactory = (config: PlatformConfig) => DynamicModule;

/** Builds a service's application (HTTP + Kafka transport) without listening; tests use it too. */
export async function createServiceApp(
  definition: ServiceDefinition,
  rootModule: RootModuleFactory,
  config: PlatformConfig,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: '1mb' });
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
      .addGlobalParameters({
        name: TENANT_HEADER,
        in: 'header',
        required: true,
        description: 'Kommunens id (tenant). Erstattes af token-claim i sikkerhedsopgaven.',
        schema: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$' },
      })
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  await app.startAllMicroservices();
  return app;
}

/** The entry point of a service process: validated config, then listen; exits 1 on bad config. */
export async function runService(definition: ServiceDefinition, rootModule: RootModuleFactory): Promise<INestApplication> {
  let config: PlatformConfig;
  try {
    config = loadPlatformConfig(process.env, definition);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', time: new Date().toISOString(), service: definition.name, message: error.message, problems: error.problems })}\n`,
    );
    process.exit(1);
  }
  const app = await createServiceApp(definition, rootModule, config);
  app.enableShutdownHooks();
  await app.listen(config.port, process.env.HOST ?? '127.0.0.1');
  app.get(Logger).log({ message: `${definition.name} listening`, url: `http://127.0.0.1:${config.port}`, docs: `http://127.0.0.1:${config.port}/docs` });
  return app;
}
