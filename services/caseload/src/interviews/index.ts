import { Module } from '@nestjs/common';
import { EntitySchema, MigrationInterface } from 'typeorm';

type EntityClass = (new () => object) | EntitySchema;

/** Interviews: placeholder, filled in by its own work package. Migrations use timestamps 1763900000400-1763900000499. */
@Module({})
export class InterviewsModule {}

export const interviewsEntities: EntityClass[] = [];
export const interviewsMigrations: Array<new () => MigrationInterface> = [];
