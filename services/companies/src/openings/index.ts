import { Module } from '@nestjs/common';
import { Openings1763900000400 } from './1763900000400-openings';
import { Opening } from './opening.entity';
import { OpeningsController } from './openings.controller';
import { OpeningsService } from './openings.service';

/** Job openings of the companies: published, filled or closed. */
@Module({ controllers: [OpeningsController], providers: [OpeningsService] })
export class OpeningsModule {}

export const openingsEntities = [Opening];
export const openingsMigrations = [Openings1763900000400];
export { Opening };
export { assertOpen, assertOpeningsKnown, lockOpening } from './openings.service';
