import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models';
import { StatusesController } from '../statuses/statuses.controller';
import { StatusesService } from '../statuses/statuses.service';
import { GoalsController, ReportingSettingsController } from './goals.controller';
import { GoalsService } from './goals.service';

/** Goals as versioned data per tenant, their statuses with evidence, and the indicator table. */
@Module({
  imports: [ReadModelsModule],
  controllers: [GoalsController, ReportingSettingsController, StatusesController],
  providers: [GoalsService, StatusesService],
})
export class GoalsModule {}

