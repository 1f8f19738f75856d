import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { MigrationInterface } from 'typeorm';
import { ACCESS_DENIED_LISTENER } from '@fremskudt/service-kit';
import { CitizenAccessLog } from '../citizens/citizen-access-log';
import { AccessLog1763900000510 } from './1763900000510-access-log';
import { AccessLogController } from './access-log.controller';
import { AccessLogPurgeScheduler } from './access-log-purge.scheduler';
import { AccessLogService } from './access-log.service';
import { CitizenAccessInterceptor } from './citizen-access.interceptor';
import { PersistedCitizenAccessLog } from './persisted-access-log';

/**
 * The access log of citizens' personal data: the persisted log behind CitizenAccessLog, the
 * interceptor that records every `@CitizenAccess` endpoint's calls, the RolesGuard's listener
 * for denied ones (global, so the platform's guard finds it), the administrators' query, the
 * citizens' export and the retention purge.
 */
@Global()
@Module({
  controllers: [AccessLogController],
  providers: [
    { provide: CitizenAccessLog, useClass: PersistedCitizenAccessLog },
    CitizenAccessInterceptor,
    { provide: APP_INTERCEPTOR, useExisting: CitizenAccessInterceptor },
    { provide: ACCESS_DENIED_LISTENER, useExisting: CitizenAccessInterceptor },
    AccessLogService,
    AccessLogPurgeScheduler,
  ],
  exports: [CitizenAccessLog, ACCESS_DENIED_LISTENER],
})
export class AccessLogModule {}

export const accessLogMigrations: Array<new () => MigrationInterface> = [AccessLog1763900000510];
