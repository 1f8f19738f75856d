import { Module } from '@nestjs/common';
import { CitizenAccessLog, LoggingCitizenAccessLog } from './citizen-access-log';
import { CitizenChangesService } from './citizen-changes.service';
import { CitizensController } from './citizens.controller';
import { CitizensService } from './citizens.service';

/**
 * Citizens: registration, profile changes, exit and re-entry, search. Exports CitizenAccessLog so
 * every module that reads or changes citizens records the access through the same hook.
 */
@Module({
  controllers: [CitizensController],
  providers: [CitizensService, CitizenChangesService, { provide: CitizenAccessLog, useClass: LoggingCitizenAccessLog }],
  exports: [CitizenAccessLog],
})
export class CitizensModule {}
