import { DynamicModule, Module } from '@nestjs/common';
import { CitizensStream, CounsellingDesksStream, CounsellingVisitsStream, StaffStream } from '@fremskudt/contracts';
import { PlatformConfig, PlatformModule, ServiceDefinition } from '@fremskudt/service-kit';
import { accessLogMigrations, accessLogModule } from './access-log';
import { CaseCitizen, Desk, DeskSession, StaffMember } from './desks/desk.entities';
import { DesksModule, StaffLoginSubject1763900000600, desksEntities, desksMigrations } from './desks';
import { coreMigrations } from './migrations';
import { DeskScopeModule } from './desks/desk-scope';
import { StatisticsModule, statisticsEntities, statisticsMigrations } from './statistics';
import { VisitsModule, visitsEntities, visitsMigrations } from './visits';

export const counsellingService: ServiceDefinition = {
  name: 'counselling',
  defaultPort: 3002,
  title: 'Åben Rådgivning (open counselling)',
  description: 'Walk-in rådgivning i boligområderne: skranker, åbningstider, besøg, kø, emner og henvisninger.',
  entities: [Desk, DeskSession, CaseCitizen, StaffMember, ...desksEntities, ...visitsEntities, ...statisticsEntities],
  migrations: [...coreMigrations, ...desksMigrations, ...visitsMigrations, ...statisticsMigrations, StaffLoginSubject1763900000600, ...accessLogMigrations],
  produces: [CounsellingVisitsStream, CounsellingDesksStream],
  // Whether a visitor has a case, and who the staff are, come from caseload's topics.
  consumes: [CitizensStream, StaffStream],
};

@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forService(counsellingService, config), accessLogModule(), DeskScopeModule, DesksModule, VisitsModule, StatisticsModule] };
  }
}
