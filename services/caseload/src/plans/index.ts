import { Module } from '@nestjs/common';
import { EntitySchema, MigrationInterface } from 'typeorm';

type EntityClass = (new () => object) | EntitySchema;

/** Plans: placeholder, filled in by its own work package. Migrations use timestamps 1763900000300-1763900000399. */
@Module({})
export class PlansModule {}

export const plansEntities: EntityClass[] = [];
export const plansMigrations: Array<new () => MigrationInterface> = [];
