import { Module } from '@nestjs/common';
import { EntitySchema, MigrationInterface } from 'typeorm';

type EntityClass = (new () => object) | EntitySchema;

/** Queries: placeholder, filled in by its own work package. Migrations use timestamps 1763900000500-1763900000599. */
@Module({})
export class QueriesModule {}

export const queriesEntities: EntityClass[] = [];
export const queriesMigrations: Array<new () => MigrationInterface> = [];
