import { Module } from '@nestjs/common';
import { ProgressionController } from './progression.controller';
import { ProgressionService } from './progression.service';

/** Progression A-G: distribution on a date and transitions between two dates, per scope. */
@Module({
  controllers: [ProgressionController],
  providers: [ProgressionService],
})
export class ProgressionModule {}
