import { Module } from '@nestjs/common';
import { EntitySchema, MigrationInterface } from 'typeorm';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

type EntityClass = (new () => object) | EntitySchema;

/**
 * Statistics of the desks' visits (read-only, over the desks' and visits' tables; no tables of
 * its own). The reporting service gets the same split per session from DeskSessionClosed.
 * Migrations would use timestamps 1763900000400-1763900000499.
 */
@Module({
  controllers: [StatisticsController],
  providers: [StatisticsService],
})
export class StatisticsModule {}

export const statisticsEntities: EntityClass[] = [];
export const statisticsMigrations: Array<new () => MigrationInterface> = [];
