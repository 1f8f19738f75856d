import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CitizenAccess, IdempotentCommand, Role } from '@fremskudt/service-kit';
import { IdParam } from '../shared/ids';
import { JobWishView, RecordJobWishDto } from './job-wish.dto';
import { JobWishesService } from './job-wishes.service';

const UNKNOWN_CITIZEN = 'Ikke en borger i kommunens forløb (eller endnu ikke kendt her)';

@ApiTags('job wishes')
@Controller('citizens')
export class JobWishesController {
  constructor(@Inject(JobWishesService) private readonly wishes: JobWishesService) {}

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Post(':id/job-wishes')
  @CitizenAccess({ action: 'change', citizenParam: 'id' })
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: JobWishView, description: 'Jobønsket er registreret og erstatter det hidtidige (JobWishRecorded)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: UNKNOWN_CITIZEN })
  @ApiConflictResponse({ description: 'citizen-exited: borgeren er afsluttet' })
  record(@IdParam() citizenId: string, @Body() command: RecordJobWishDto): Promise<JobWishView> {
    return this.wishes.record(citizenId, command);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Get(':id/job-wish')
  @CitizenAccess({ action: 'read', citizenParam: 'id' })
  @ApiOkResponse({ type: JobWishView, description: 'Det gældende jobønske' })
  @ApiBadRequestResponse({ description: 'Ugyldigt id' })
  @ApiNotFoundResponse({ description: 'Borgeren har intet jobønske (eller er ukendt)' })
  current(@IdParam() citizenId: string): Promise<JobWishView> {
    return this.wishes.current(citizenId);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Get(':id/job-wishes')
  @CitizenAccess({ action: 'read', citizenParam: 'id' })
  @ApiOkResponse({ type: [JobWishView], description: 'Alle borgerens jobønsker, nyeste først' })
  @ApiBadRequestResponse({ description: 'Ugyldigt id' })
  @ApiNotFoundResponse({ description: UNKNOWN_CITIZEN })
  history(@IdParam() citizenId: string): Promise<JobWishView[]> {
    return this.wishes.history(citizenId);
  }
}
