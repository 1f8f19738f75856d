import { DynamicModule, Module } from '@nestjs/common';
import { CitizensStream, CounsellingVisitsStream, PlacementsStream, StaffStream } from '@fremskudt/contracts';
import { PlatformConfig, PlatformModule, ServiceDefinition } from '@fremskudt/service-kit';
import { CaseModule } from './case/case.module';
import { CasePeriod } from './case/case-period.entity';
import { TimelineEntry } from './case/timeline-entry.entity';
import { Citizen } from './citizens/citizen.entity';
import { AccessLogModule, accessLogMigrations } from './access-log/access-log.module';
import { CprAtRest1763900000500 } from './citizens/1763900000500-cpr-at-rest';
import { CitizensModule } from './citizens/citizens.module';
import { DataScopeModule } from './data-scope';
import { InterviewsModule, interviewsEntities, interviewsMigrations } from './interviews';
import { coreMigrations } from './migrations';
import { PlansModule, plansEntities, plansMigrations } from './plans';
import { QueriesModule, queriesEntities, queriesMigrations } from './queries';
import { TenantSettingsRow } from './settings/tenant-settings';
import { CaseloadConfig, loadCaseloadConfig } from './privacy/caseload-config';
import { PrivacyModule } from './privacy/privacy.module';
import { CprKeyUsage1763900000520 } from './privacy/1763900000520-cpr-key-usage';
import { StaffLoginSubject1763900000600, StaffModule, staffEntities, staffMigrations } from './staff';

export const caseloadService: ServiceDefinition = {
  name: 'caseload',
  defaultPort: 3001,
  title: 'Sagsstamme (caseload)',
  description: 'Borgere, sagsstammer, jobplaner, tilbud, samtaler, progression, varsler og afgange.',
  entities: [Citizen, CasePeriod, TimelineEntry, TenantSettingsRow, ...staffEntities, ...plansEntities, ...interviewsEntities, ...queriesEntities],
  migrations: [
    ...coreMigrations,
    ...staffMigrations,
    ...plansMigrations,
    ...interviewsMigrations,
    ...queriesMigrations,
    // Personal data: CPR numbers encrypted at rest, then the access log.
    CprAtRest1763900000500,
    ...accessLogMigrations,
    // The key ids in use, for the start-up check of CPR key rotation.
    CprKeyUsage1763900000520,
    // Staff linked to their login, for data scoping.
    StaffLoginSubject1763900000600,
  ],
  produces: [CitizensStream, StaffStream],
  // Placements show in the citizen's timeline; an interview held in open counselling counts as held.
  consumes: [PlacementsStream, CounsellingVisitsStream],
};

@Module({})
export class AppModule {
  /** `caseload`: caseload's own configuration (main.ts validates it before anything starts); read from the environment when not given (tests). */
  static forRoot(config: PlatformConfig, caseload: CaseloadConfig = loadCaseloadConfig(process.env)): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService(caseloadService, config),
        PrivacyModule.forRoot(caseload),
        AccessLogModule,
        DataScopeModule,
        CaseModule,
        CitizensModule,
        StaffModule,
        PlansModule,
        InterviewsModule,
        QueriesModule,
      ],
    };
  }
}
