import { DynamicModule, Module } from '@nestjs/common';
import { PlatformConfig, PlatformModule, ServiceDefinition } from '@fremskudt/service-kit';
import { counsellingMigrations } from './migrations';

export const counsellingService: ServiceDefinition = {
  name: 'counselling',
  defaultPort: 3002,
  title: 'Åben Rådgivning (open counselling)',
  description: 'Walk-in rådgivning i boligområderne: skranker, besøg, kø, emner og henvisninger.',
  entities: [],
  migrations: counsellingMigrations,
  produces: [],
  consumes: [],
};

/** Walking skeleton: platform only (health, docs, database, Kafka); features come with its issue. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forService(counsellingService, config)] };
  }
}
