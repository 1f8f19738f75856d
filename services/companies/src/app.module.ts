import { DynamicModule, Module } from '@nestjs/common';
import { PlatformConfig, PlatformModule, ServiceDefinition } from '@fremskudt/service-kit';
import { companiesMigrations } from './migrations';

export const companiesService: ServiceDefinition = {
  name: 'companies',
  defaultPort: 3003,
  title: 'Virksomhedskontakter (company contacts)',
  description: 'Virksomheder, kontakter, jobåbninger, virksomhedsplaceringer og matchning.',
  entities: [],
  migrations: companiesMigrations,
  produces: [],
  consumes: [],
};

/** Walking skeleton: platform only (health, docs, database, Kafka); features come with its issue. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forService(companiesService, config)] };
  }
}
