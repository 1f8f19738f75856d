import { DynamicModule, FactoryProvider, Global, Module, ModuleMetadata, Type } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ACCESS_DENIED_LISTENER } from '../auth/permissions';
import { readAccessLogRetention } from './access-log-config';
import { AccessLogHooks } from './access-log-hooks';
import { AccessLogController } from './access-log.controller';
import { AccessLogPurgeScheduler } from './access-log-purge.scheduler';
import { ACCESS_LOG_CITIZENS, ACCESS_LOG_RETENTION_DAYS, AccessLogCitizens, AccessLogService } from './access-log.service';
import { CitizenAccessLog } from './citizen-access-log';
import { CitizenAccessInterceptor } from './citizen-access.interceptor';
import { PersistedCitizenAccessLog } from './persisted-access-log';

export interface CitizenAccessLogOptions {
  /** Where the service knows its citizens: the access-request export answers 404 for anyone else (or another municipality's). */
  citizens: AccessLogCitizens;
  /** The service's own decisions about its rows (how citizens are named, how a criterion is kept); the defaults otherwise. */
  hooks?: Type<AccessLogHooks>;
  /** Modules the hooks need. */
  imports?: ModuleMetadata['imports'];
  /**
   * The retention in days, when the service sets it itself (caseload validates it with its own
   * settings); else ACCESS_LOG_RETENTION_DAYS (default 183), which main.ts checks before start.
   */
  retentionDays?: Omit<FactoryProvider<number>, 'provide'>;
}

/** The retention from the environment; throws the one-line problem (main.ts has exited on it before, this is for tests and other ways in). */
function retentionFromEnvironment(): number {
  const { days, problem } = readAccessLogRetention(process.env);
  if (problem !== undefined) throw new Error(problem);
  return days;
}

/**
 * The access log of citizens' personal data in a service: the persisted, append-only log
 * (its table made by a migration of the service's own calling createAccessLog), the
 * interceptor that records every `@CitizenAccess` endpoint's calls, the RolesGuard's listener
 * for denied ones (global, so the platform's guard finds it), the administrators' query
 * (GET /access-log), the citizens' export (GET /citizens/:id/access-log-export), and the
 * retention purge (daily, and POST /jobs/access-log-purge).
 */
@Global()
@Module({})
export class CitizenAccessLogModule {
  static forService(options: CitizenAccessLogOptions): DynamicModule {
    const retention: FactoryProvider<number> = { provide: ACCESS_LOG_RETENTION_DAYS, ...(options.retentionDays ?? { useFactory: retentionFromEnvironment }) };
    return {
      module: CitizenAccessLogModule,
      imports: options.imports ?? [],
      controllers: [AccessLogController],
      providers: [
        retention,
        { provide: ACCESS_LOG_CITIZENS, useValue: options.citizens },
        { provide: AccessLogHooks, useClass: options.hooks ?? AccessLogHooks },
        { provide: CitizenAccessLog, useClass: PersistedCitizenAccessLog },
        CitizenAccessInterceptor,
        { provide: APP_INTERCEPTOR, useExisting: CitizenAccessInterceptor },
        { provide: ACCESS_DENIED_LISTENER, useExisting: CitizenAccessInterceptor },
        AccessLogService,
        AccessLogPurgeScheduler,
      ],
      exports: [CitizenAccessLog, ACCESS_DENIED_LISTENER],
    };
  }
}
