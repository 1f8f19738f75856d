import { Module } from '@nestjs/common';
import { EntitySchema, MigrationInterface } from 'typeorm';
import { Projects1763900000100 } from './1763900000100-projects';
import { PartnersController } from './partners.controller';
import { PartnersService } from './partners.service';
import { Partner, Project, ProjectMilestone, ProjectPartner, ProjectPhase } from './project.entities';
import { ProjectUsage } from './project-usage';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';
import { TemplatesController } from './templates.controller';

type EntityClass = (new () => object) | EntitySchema;

/**
 * Projects: partner organisations, projects (from scratch or from the documents' templates) with
 * their ordered phases, milestones, eligibility, capacity and goals, and the partners in each.
 */
@Module({
  controllers: [TemplatesController, PartnersController, ProjectsController],
  providers: [PartnersService, ProjectsService, ProjectUsage],
})
export class ProjectsModule {}

export const projectsEntities: EntityClass[] = [Partner, Project, ProjectPhase, ProjectMilestone, ProjectPartner];
export const projectsMigrations: Array<new () => MigrationInterface> = [Projects1763900000100];
