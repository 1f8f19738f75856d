import { Module } from '@nestjs/common';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';

/** Matching citizens and openings: queries over the other modules' tables; the ranking itself is pure (./ranking). */
@Module({ controllers: [MatchingController], providers: [MatchingService] })
export class MatchingModule {}
