import { Module } from '@nestjs/common';
import { EntitySchema, MigrationInterface } from 'typeorm';
import { Visits1763900000300 } from './1763900000300-visits';
import { Referral, Visit } from './visit.entities';
import { VisitQueriesService } from './visit-queries.service';
import { DeskVisitsController, VisitsController } from './visits.controller';
import { VisitsService } from './visits.service';

type EntityClass = (new () => object) | EntitySchema;

/**
 * Visits at the desks: check-in, the live queue per desk, talks with their topics, actions and
 * referrals, and whole visits registered in one request. Migrations use timestamps 1763900000300-1763900000399.
 */
@Module({
  controllers: [DeskVisitsController, VisitsController],
  providers: [VisitsService, VisitQueriesService],
})
export class VisitsModule {}

export const visitsEntities: EntityClass[] = [Visit, Referral];
export const visitsMigrations: Array<new () => MigrationInterface> = [Visits1763900000300];
