import { Module } from '@nestjs/common';
import { MigrationInterface } from 'typeorm';
import { CitizenAccessLogModule } from '@fremskudt/service-kit';
import { CaseloadConfig } from '../privacy/caseload-config';
import { CASELOAD_CONFIG } from '../privacy/privacy.module';
import { AccessLog1763900000510 } from './1763900000510-access-log';
import { CprCriterionHooks } from './cpr-criterion.hooks';

/**
 * Caseload's access log of citizens' personal data (service-kit's CitizenAccessLogModule over its
 * own table): a CPR criterion kept as its keyed hash, the retention from caseload's validated
 * settings, the export for the citizens of this service.
 */
@Module({
  imports: [
    CitizenAccessLogModule.forService({
      citizens: { table: 'citizen', idColumn: 'id' },
      hooks: CprCriterionHooks,
      retentionDays: { useFactory: (config: CaseloadConfig) => config.accessLogRetentionDays, inject: [CASELOAD_CONFIG] },
    }),
  ],
})
export class AccessLogModule {}

export const accessLogMigrations: Array<new () => MigrationInterface> = [AccessLog1763900000510];
