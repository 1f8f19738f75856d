import { Module } from '@nestjs/common';
import { EntitySchema, MigrationInterface } from 'typeorm';
import { TimelineController } from './timeline.controller';

type EntityClass = (new () => object) | EntitySchema;

/** The consultant's read side across modules: timeline, caseload overview, due interviews. */
@Module({ controllers: [TimelineController] })
export class QueriesModule {}

export const queriesEntities: EntityClass[] = [];
export const queriesMigrations: Array<new () => MigrationInterface> = [];
