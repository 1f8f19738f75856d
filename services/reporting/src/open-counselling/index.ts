import { Module } from '@nestjs/common';
import { OpenCounsellingStatisticsController } from './open-counselling.controller';
import { OpenCounsellingStatisticsService } from './open-counselling.service';

/** Open counselling statistics per desk, from counselling's desk and visit events. */
@Module({
  controllers: [OpenCounsellingStatisticsController],
  providers: [OpenCounsellingStatisticsService],
  exports: [OpenCounsellingStatisticsService],
})
export class OpenCounsellingStatisticsModule {}
