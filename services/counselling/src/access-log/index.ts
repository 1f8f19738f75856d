import { DynamicModule } from '@nestjs/common';
import { MigrationInterface } from 'typeorm';
import { CitizenAccessLogModule } from '@fremskudt/service-kit';
import { AccessLog1763900000900 } from './1763900000900-access-log';

/** The access log of the visits of citizens with a case (service-kit's, over counselling's own table); the export is for the citizens known here. */
export const accessLogModule = (): DynamicModule => CitizenAccessLogModule.forService({ citizens: { table: 'case_citizen', idColumn: 'citizen_id' } });

export const accessLogMigrations: Array<new () => MigrationInterface> = [AccessLog1763900000900];
