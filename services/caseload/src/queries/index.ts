import { Module } from '@nestjs/common';
import { EntitySchema, MigrationInterface } from 'typeorm';
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
  controllers: [TimelineController, StaffQueriesController, InterviewsDueController, TasksOverviewController],
  providers: [CaseloadQueriesService],
})
export class QueriesModule {}

export const queriesEntities: EntityClass[] = [];
export const queriesMigrations: Array<new () => MigrationInterface> = [];
