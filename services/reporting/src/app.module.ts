import { DynamicModule, Module } from '@nestjs/common';
import { CitizensStream } from '@fremskudt/contracts';
import { PlatformConfig, PlatformModule, ServiceDefinition } from '@fremskudt/service-kit';
import { CitizensModule } from './citizens/citizens.module';
import { reportingMigrations } from './migrations';

export const reportingService: ServiceDefinition = {
  name: 'reporting',
  defaultPort: 3005,
  title: 'Rapportering (reporting)',
  description: 'Målopfyldelse: indikatorer og målstatus beregnet fra hændelserne.',
  entities: [],
  migrations: reportingMigrations,
  produces: [],
  consumes: [CitizensStream],
};

@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forService(reportingService, config), CitizensModule] };
  }
}
