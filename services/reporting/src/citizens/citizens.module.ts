import { Module } from '@nestjs/common';
import { CitizenStatisticsController } from './citizen-statistics.controller';
import { RegisteredCitizensHandler } from './registered-citizens.handler';

@Module({ controllers: [CitizenStatisticsController, RegisteredCitizensHandler] })
export class CitizensModule {}
