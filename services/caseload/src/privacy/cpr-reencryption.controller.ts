import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, Role } from '@fremskudt/service-kit';
import { CitizenAccess } from '../access-log/citizen-access.decorator';
import { CprReencryptionView, RunCprReencryptionDto } from './cpr-reencryption.dto';
import { CprReencryption } from './cpr-reencryption.service';

/** The job opens every citizen's CPR number (nobody sees one): the log records that it ran, and who ran it. */
const jobCriterion = () => ({ job: 'cpr-reencrypt' });

/** Key rotation of the CPR numbers at rest (README, "Rotating the CPR keys"), for the caller's municipality. */
@ApiTags('jobs')
@Controller('jobs/cpr-reencrypt')
export class CprReencryptionController {
  constructor(private readonly job: CprReencryption) {}

  @Allow(Role.TenantAdmin)
  @Get()
  @CitizenAccess({ action: 'read', criterion: jobCriterion })
  @ApiOkResponse({ type: CprReencryptionView, description: 'Hvad kørslen ville ændre nu; intet ændres' })
  status(): Promise<CprReencryptionView> {
    return this.job.run(false);
  }

  /**
   * Moves every CPR number of the municipality to the current keys. Not an idempotent command
   * with a stored answer: the job itself is idempotent, and a repeat answers what it did the second time.
   */
  @Allow(Role.TenantAdmin)
  @Post()
  @HttpCode(HttpStatus.OK)
  @CitizenAccess({ action: 'change', criterion: jobCriterion })
  @ApiOkResponse({ type: CprReencryptionView, description: 'CPR-numrene er krypteret og hashet med de aktuelle nøgler' })
  @ApiBadRequestResponse({ description: 'Ugyldig batchSize' })
  @ApiConflictResponse({ description: 'cpr-key-missing: et CPR-nummer er krypteret med en nøgle tjenesten ikke har; intet er ændret' })
  run(@Body() command: RunCprReencryptionDto): Promise<CprReencryptionView> {
    return this.job.run(true, command.batchSize);
  }
}
