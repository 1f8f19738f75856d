import { Module } from '@nestjs/common';
import { Placements1763900000500 } from './1763900000500-placements';
import { Placement } from './placement.entity';
import { PlacementsController } from './placements.controller';
import { PlacementsService } from './placements.service';

/** Company placements of citizens: planned, started, ended; one full-time placement at a time. */
@Module({ controllers: [PlacementsController], providers: [PlacementsService] })
export class PlacementsModule {}

export const placementsEntities = [Placement];
export const placementsMigrations = [Placements1763900000500];
export { Placement };
