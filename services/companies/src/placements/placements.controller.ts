import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CitizenAccess, IdempotentCommand, listCriterion, Role } from '@fremskudt/service-kit';
import { IdParam } from '../shared/ids';
import { EndPlacementDto, PlacementsQuery, PlacementView, PlanPlacementDto, StartPlacementDto } from './placement.dto';
import { PlacementsService } from './placements.service';

const placed = (placement: PlacementView) => placement.citizenId;

const UNKNOWN_PLACEMENT = 'Ukendt placering (eller en anden kommunes)';

@ApiTags('placements')
@Controller('placements')
export class PlacementsController {
  constructor(@Inject(PlacementsService) private readonly placements: PlacementsService) {}

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Post()
  @CitizenAccess({ action: 'change', citizenBody: 'citizenId' })
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: PlacementView, description: 'Placeringen er aftalt (PlacementPlanned)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiConflictResponse({
    description:
      'Afvist, intet skrevet: citizen-unknown (ikke en borger i kommunens forløb), citizen-exited, company-unknown, company-inactive, ' +
      'opening-unknown, opening-of-other-company, opening-not-open, full-time-overlap (borgeren har allerede en fuldtidsplacering i perioden)',
  })
  plan(@Body() command: PlanPlacementDto): Promise<PlacementView> {
    return this.placements.plan(command);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Get()
  @CitizenAccess({ action: 'search', citizenQuery: 'citizenId', criterion: listCriterion('placements', [], ['companyId', 'status']) })
  @ApiOkResponse({ type: [PlacementView], description: 'Kommunens placeringer, efter planlagt start' })
  @ApiBadRequestResponse({ description: 'Ugyldigt filter' })
  list(@Query() query: PlacementsQuery): Promise<PlacementView[]> {
    return this.placements.list(query);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Get(':id')
  @CitizenAccess({ action: 'read', citizenOf: placed })
  @ApiOkResponse({ type: PlacementView })
  @ApiBadRequestResponse({ description: 'Ugyldigt id' })
  @ApiNotFoundResponse({ description: UNKNOWN_PLACEMENT })
  get(@IdParam() id: string): Promise<PlacementView> {
    return this.placements.get(id);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Post(':id/start')
  @CitizenAccess({ action: 'change', citizenOf: placed })
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({ type: PlacementView, description: 'Borgeren er startet (PlacementStarted: tæller som startet virksomhedsplacering)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data' })
  @ApiNotFoundResponse({ description: UNKNOWN_PLACEMENT })
  @ApiConflictResponse({ description: 'placement-not-planned: allerede startet eller afsluttet; citizen-exited; full-time-overlap' })
  start(@IdParam() id: string, @Body() command: StartPlacementDto): Promise<PlacementView> {
    return this.placements.start(id, command);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Post(':id/end')
  @CitizenAccess({ action: 'change', citizenOf: placed })
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({ type: PlacementView, description: 'Placeringen er afsluttet med årsagen (PlacementEnded)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data, fx slut før start' })
  @ApiNotFoundResponse({ description: UNKNOWN_PLACEMENT })
  @ApiConflictResponse({ description: 'placement-ended: allerede afsluttet; placement-not-started: en placering der aldrig startede, kan kun aflyses eller opgives' })
  end(@IdParam() id: string, @Body() command: EndPlacementDto): Promise<PlacementView> {
    return this.placements.end(id, command);
  }
}
