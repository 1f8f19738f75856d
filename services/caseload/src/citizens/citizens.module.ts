import { Module } from '@nestjs/common';
import { CitizenChangesService } from './citizen-changes.service';
import { CitizensController } from './citizens.controller';
import { CitizensService } from './citizens.service';

/**
 * Citizens: registration, profile changes, exit and re-entry, search. Their CPR numbers are kept
 * encrypted (PrivacyModule); every access is recorded by the access log (AccessLogModule).
 */
@Module({
  controllers: [CitizensController],
  providers: [CitizensService, CitizenChangesService],
})
export class CitizensModule {}
