import { Module } from '@nestjs/common';
import { PlacementStatisticsController } from './placement-statistics.controller';

/**
 * Started placements counted per type, area and month: the facts behind the indicators "started
 * company placements / internships / wage subsidies", read from the goal engine's placement facts
 * (read-models/placements.projection.ts), so both always agree.
 */
@Module({ controllers: [PlacementStatisticsController] })
export class PlacementsModule {}
