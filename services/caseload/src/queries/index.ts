import { Module } from '@nestjs/common';
import { EntitySchema, MigrationInterface } from 'typeorm';
import { CitizensModule } from '../citizens/citizens.module';
import { CaseloadQueriesService } from './caseload-queries.service';
import { InterviewsDueController } from './interviews-due.controller';
import { StaffQueriesController } from './staff-queries.controller';
import { TasksOverviewController } from './tasks-overview.controller';
import { TimelineController } from './timeline.controller';

type EntityClass = (new () => object) | EntitySchema;

/**
 * The consultant's read side across modules: timeline, caseload overview, due interviews, tasks.
 * No tables of its own: it reads the other modules' tables under the tenant's row-level security.
 */
@Module({
  // CitizensModule for the CitizenAccessLog hook: every read and listing of citizens is an auditable access.
  imports: [CitizensModule],
  controllers: [TimelineController, StaffQueriesController, InterviewsDueController, TasksOverviewController],
  providers: [CaseloadQueriesService],
})
export class QueriesModule {}

export const queriesEntities: EntityClass[] = [];
export const queriesMigrations: Array<new () => MigrationInterface> = [];
