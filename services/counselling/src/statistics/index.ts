import { Module } from '@nestjs/common';
import { EntitySchema, MigrationInterface } from 'typeorm';

type EntityClass = (new () => object) | EntitySchema;

/** Statistics: placeholder, filled in by its own work package. Migrations use timestamps 1763900000400-1763900000499. */
@Module({})
export class StatisticsModule {}

export const statisticsEntities: EntityClass[] = [];
export const statisticsMigrations: Array<new () => MigrationInterface> = [];
