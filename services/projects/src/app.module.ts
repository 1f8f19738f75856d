import { DynamicModule, Module } from '@nestjs/common';
import { CitizensStream, ProjectsStream } from '@fremskudt/contracts';
import { PlatformConfig, PlatformModule, ServiceDefinition } from '@fremskudt/service-kit';
import { FiguresModule } from './figures';
import { coreMigrations } from './migrations';
import { ParticipantsModule, participantsEntities, participantsMigrations } from './participants';
import { ProjectsModule, projectsEntities, projectsMigrations } from './projects';
import { RecruitmentModule, recruitmentEntities, recruitmentMigrations } from './recruitment';

export const projectsService: ServiceDefinition = {
  name: 'projects',
  defaultPort: 3004,
  title: 'Projekter (projects)',
  description: 'Partnerprojekter med faser, tilmeldinger og milepæle (Stafetten, jobpakker, virksomhedsforberedende forløb).',
  entities: [...projectsEntities, ...participantsEntities, ...recruitmentEntities],
  migrations: [...coreMigrations, ...projectsMigrations, ...participantsMigrations, ...recruitmentMigrations],
  produces: [ProjectsStream],
  // Eligibility is checked against caseload's citizens (read model of its citizens topic).
  consumes: [CitizensStream],
};

/** Projects, recruitment, participants (enrolment, progress) and their figures, on the platform. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forService(projectsService, config), ProjectsModule, RecruitmentModule, ParticipantsModule, FiguresModule],
    };
  }
}
