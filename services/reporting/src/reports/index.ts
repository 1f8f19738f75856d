import { Module } from '@nestjs/common';
import { OpenCounsellingStatisticsModule } from '../open-counselling';
import { ReadModelsModule } from '../read-models';
import { StatusesService } from '../statuses/statuses.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** The printable HTML report per tenant and period. */
@Module({
  imports: [ReadModelsModule, OpenCounsellingStatisticsModule],
  controllers: [ReportsController],
  providers: [StatusesService, ReportsService],
})
export class ReportsModule {}
