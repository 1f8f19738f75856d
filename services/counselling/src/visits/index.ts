import { Module } from '@nestjs/common';
import { EntitySchema, MigrationInterface } from 'typeorm';

type EntityClass = (new () => object) | EntitySchema;

/** Visits: placeholder, filled in by its own work package. Migrations use timestamps 1763900000300-1763900000399. */
@Module({})
export class VisitsModule {}

export const visitsEntities: EntityClass[] = [];
export const visitsMigrations: Array<new () => MigrationInterface> = [];
