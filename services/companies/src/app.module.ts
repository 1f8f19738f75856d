import { DynamicModule, Module } from '@nestjs/common';
import { CitizensStream, CompaniesStream, JobWishesStream, OpeningsStream, PlacementsStream } from '@fremskudt/contracts';
import { PlatformConfig, PlatformModule, ServiceDefinition } from '@fremskudt/service-kit';
import { accessLogMigrations, accessLogModule } from './access-log';
import { CitizensModule, citizensEntities, citizensMigrations } from './citizens';
import { CompaniesModule, companiesEntities, companiesMigrations } from './companies';
import { JobWishesModule, jobWishesEntities, jobWishesMigrations } from './job-wishes';
import { MatchingModule } from './matching';
import { coreMigrations } from './migrations';
import { OpeningsModule, openingsEntities, openingsMigrations } from './openings';
import { PlacementsModule, placementsEntities, placementsMigrations } from './placements';
import { ReferenceModule, referenceEntities, referenceMigrations } from './reference';

export const companiesService: ServiceDefinition = {
  name: 'companies',
  defaultPort: 3003,
  title: 'Virksomhedskontakter (company contacts)',
  description: 'Virksomheder, kontakter, jobåbninger, virksomhedsplaceringer, jobønsker og matchning af borgere og jobåbninger.',
  entities: [...referenceEntities, ...companiesEntities, ...citizensEntities, ...openingsEntities, ...placementsEntities, ...jobWishesEntities],
  migrations: [...coreMigrations, ...referenceMigrations, ...companiesMigrations, ...citizensMigrations, ...openingsMigrations, ...placementsMigrations, ...jobWishesMigrations, ...accessLogMigrations],
  produces: [CompaniesStream, OpeningsStream, PlacementsStream, JobWishesStream],
  // Which citizens the outreach team has, and where they live, come from caseload's citizens topic.
  consumes: [CitizensStream],
};

@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forService(companiesService, config), accessLogModule(), ReferenceModule, CompaniesModule, CitizensModule, OpeningsModule, PlacementsModule, JobWishesModule, MatchingModule],
    };
  }
}
