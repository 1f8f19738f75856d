import { DynamicModule, Module } from '@nestjs/common';
import { CitizensStream, PartnerParticipantsStream, ProjectsStream } from '@fremskudt/contracts';
import { PlatformConfig, PlatformModule, ServiceDefinition } from '@fremskudt/service-kit';
import { accessLogMigrations, accessLogModule } from './access-log';
import { FiguresModule } from './figures';
import { coreMigrations } from './migrations';
import { partnerAccessMigrations } from './partner-access';
import { ParticipantsModule, participantsEntities, participantsMigrations } from './participants';
import { ProjectsModule, projectsEntities, projectsMigrations } from './projects';
import { RecruitmentModule, recruitmentEntities, recruitmentMigrations } from './recruitment';

export const projectsService: ServiceDefinition = {
  name: 'projects',
  defaultPort: 3004,
  title: 'Projekter (projects)',
  description:
    'Partnerprojekter med faser, tilmeldinger og milepæle (Stafetten, jobpakker, virksomhedsforberedende forløb).\n\n' +
    'Samarbejdspartnere (rollen partner, uden en medarbejderrolle) ser kun de projekter deres organisation er med i ' +
    '(POST /projects/{id}/partners): tokenets `org` er partnerens kode (POST /partners), som kommunens login-tjeneste sætter ' +
    'for organisationen. Andre projekter, og deres tilmeldinger, ansøgninger og tal, svarer 404. En partner ser og angiver ' +
    'deltagerne ved sit eget pseudonym (22 tegn) i stedet for borgerens id; emnet projects.partner-participants.v1 bruger det samme.',
  entities: [...projectsEntities, ...participantsEntities, ...recruitmentEntities],
  migrations: [...coreMigrations, ...projectsMigrations, ...participantsMigrations, ...recruitmentMigrations, ...partnerAccessMigrations, ...accessLogMigrations],
  // The partners' topic names participants by each partner's own pseudonym (partner-access/).
  produces: [ProjectsStream, PartnerParticipantsStream],
  // Eligibility is checked against caseload's citizens (read model of its citizens topic).
  consumes: [CitizensStream],
};

/** Projects, recruitment, participants (enrolment, progress) and their figures, on the platform. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forService(projectsService, config), accessLogModule(), ProjectsModule, RecruitmentModule, ParticipantsModule, FiguresModule],
    };
  }
}
