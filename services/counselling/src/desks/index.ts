import { Module } from '@nestjs/common';
import { EntitySchema, MigrationInterface } from 'typeorm';

type EntityClass = (new () => object) | EntitySchema;

/** Desks: placeholder, filled in by its own work package. Migrations use timestamps 1763900000200-1763900000299. */
@Module({})
export class DesksModule {}

export const desksEntities: EntityClass[] = [];
export const desksMigrations: Array<new () => MigrationInterface> = [];
