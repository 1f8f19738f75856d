import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, IdempotentCommand, Role } from '@fremskudt/service-kit';
import { IdParam } from '../shared/ids';
import { CloseOpeningDto, FillOpeningDto, OpeningsQuery, OpeningView, PublishOpeningDto } from './opening.dto';
import { OpeningsService } from './openings.service';

const UNKNOWN_OPENING = 'Ukendt jobåbning (eller en anden kommunes)';

@ApiTags('openings')
@Controller()
export class OpeningsController {
  constructor(@Inject(OpeningsService) private readonly openings: OpeningsService) {}

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Post('companies/:id/openings')
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: OpeningView, description: 'Jobåbningen er offentliggjort (OpeningPublished)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt virksomhed (eller en anden kommunes)' })
  @ApiConflictResponse({ description: 'company-inactive: virksomheden er inaktiv' })
  publish(@IdParam() companyId: string, @Body() command: PublishOpeningDto): Promise<OpeningView> {
    return this.openings.publish(companyId, command);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Get('openings')
  @ApiOkResponse({ type: [OpeningView], description: 'Kommunens jobåbninger, nyeste først' })
  @ApiBadRequestResponse({ description: 'Ugyldigt filter' })
  list(@Query() query: OpeningsQuery): Promise<OpeningView[]> {
    return this.openings.list(query);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Get('openings/:id')
  @ApiOkResponse({ type: OpeningView })
  @ApiBadRequestResponse({ description: 'Ugyldigt id' })
  @ApiNotFoundResponse({ description: UNKNOWN_OPENING })
  get(@IdParam() id: string): Promise<OpeningView> {
    return this.openings.get(id);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Post('openings/:id/fill')
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({ type: OpeningView, description: 'Alle pladser er besat (OpeningFilled)' })
  @ApiBadRequestResponse({ description: 'Ugyldig dato' })
  @ApiNotFoundResponse({ description: UNKNOWN_OPENING })
  @ApiConflictResponse({ description: 'opening-not-open: jobåbningen er allerede besat eller lukket' })
  fill(@IdParam() id: string, @Body() command: FillOpeningDto): Promise<OpeningView> {
    return this.openings.fill(id, command);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Post('openings/:id/close')
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({ type: OpeningView, description: 'Jobåbningen er lukket uden at være besat (OpeningClosed)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data' })
  @ApiNotFoundResponse({ description: UNKNOWN_OPENING })
  @ApiConflictResponse({ description: 'opening-not-open: jobåbningen er allerede besat eller lukket' })
  close(@IdParam() id: string, @Body() command: CloseOpeningDto): Promise<OpeningView> {
    return this.openings.close(id, command);
  }
}
