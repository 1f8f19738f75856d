import { DynamicModule, Module } from '@nestjs/common';
import { CitizensStream } from '@fremskudt/contracts';
import { PlatformConfig, PlatformModule, ServiceDefinition } from '@fremskudt/service-kit';
import { Citizen } from './citizens/citizen.entity';
import { CitizensModule } from './citizens/citizens.module';
import { caseloadMigrations } from './migrations';

export const caseloadService: ServiceDefinition = {
  name: 'caseload',
  defaultPort: 3001,
  title: 'Sagsstamme (caseload)',
  description: 'Borgere, sagsstammer, jobplaner, tilbud, samtaler, progression, varsler og afgange.',
  entities: [Citizen],
  migrations: caseloadMigrations,
  produces: [CitizensStream],
  consumes: [],
};

@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forService(caseloadService, config), CitizensModule] };
  }
}
