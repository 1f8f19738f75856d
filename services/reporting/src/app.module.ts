import { DynamicModule, Module } from '@nestjs/common';
import { CitizensStream } from '@fremskudt/contracts';
import { PlatformConfig, PlatformModule, ServiceDefinition } from '@fremskudt/service-kit';
import { CitizensModule } from './citizens/citizens.module';
import { GoalsModule } from './goals';
import { READ_MODEL_STREAMS } from './read-models';
import { reportingMigrations } from './migrations';
import { OpenCounsellingStatisticsModule } from './open-counselling';
import { PlacementsModule } from './placements/placements.module';
import { ProgressionModule } from './progression';
import { ReportScopesModule } from './report-scopes';
import { ReportsModule } from './reports';

export const reportingService: ServiceDefinition = {
  name: 'reporting',
  defaultPort: 3005,
  title: 'Rapportering (reporting)',
  description: 'Målopfyldelse: indikatorer og målstatus beregnet fra hændelserne.',
  entities: [],
  migrations: reportingMigrations,
  produces: [],
  // The goal engine reads every stream its projections know (read-models/projections.ts); the
  // registered-citizens count reads the citizens stream in any case.
  consumes: [...new Set([CitizensStream, ...READ_MODEL_STREAMS])],
};

@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forService(reportingService, config), CitizensModule, GoalsModule, PlacementsModule, ReportScopesModule, ProgressionModule, OpenCounsellingStatisticsModule, ReportsModule] };
  }
}
