import { Module } from '@nestjs/common';
import { EntitySchema, MigrationInterface } from 'typeorm';

type EntityClass = (new () => object) | EntitySchema;

/** Staff: placeholder, filled in by its own work package. Migrations use timestamps 1763900000200-1763900000299. */
@Module({})
export class StaffModule {}

export const staffEntities: EntityClass[] = [];
export const staffMigrations: Array<new () => MigrationInterface> = [];
