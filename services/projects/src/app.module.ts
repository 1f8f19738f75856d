import { DynamicModule, Module } from '@nestjs/common';
import { PlatformConfig, PlatformModule, ServiceDefinition } from '@fremskudt/service-kit';
import { projectsMigrations } from './migrations';

export const projectsService: ServiceDefinition = {
  name: 'projects',
  defaultPort: 3004,
  title: 'Projekter (projects)',
  description: 'Partnerprojekter med faser, tilmeldinger og milepæle (Stafetten, jobpakker, virksomhedsforberedende forløb).',
  entities: [],
  migrations: projectsMigrations,
  produces: [],
  consumes: [],
};

/** Walking skeleton: platform only (health, docs, database, Kafka); features come with its issue. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forService(projectsService, config)] };
  }
}
