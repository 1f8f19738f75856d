import { Module } from '@nestjs/common';
import { EntitySchema, MigrationInterface } from 'typeorm';
import { DeskSchedules1763900000200 } from './1763900000200-desk-schedules';
import { PartnersController, SetupController, TopicsController } from './config.controller';
import { ConfigurationService } from './config.service';
import { DesksController } from './desks.controller';
import { DesksService } from './desks.service';
import { ReadModelsHandler } from './read-models.handler';
import { DeskException, DeskOpeningHours } from './schedule.entities';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

type EntityClass = (new () => object) | EntitySchema;

/**
 * Desks: the walk-in desks per area with their opening hours (weekly schedule and exceptions),
 * their sessions, the tenant's topics and local partners, the area templates, and the read
 * models of caseload's citizens and staff. The visits module asks through ./lookups.
 */
@Module({
  controllers: [DesksController, SessionsController, SetupController, TopicsController, PartnersController, ReadModelsHandler],
  providers: [DesksService, SessionsService, ConfigurationService],
})
export class DesksModule {}

export const desksEntities: EntityClass[] = [DeskOpeningHours, DeskException];
export const desksMigrations: Array<new () => MigrationInterface> = [DeskSchedules1763900000200];
/** Comes after the visits migration in timestamp order, so the app module lists it there. */
export { StaffLoginSubject1763900000600 } from './1763900000600-staff-login-subject';
