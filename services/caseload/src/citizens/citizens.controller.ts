import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow, IdempotentCommand, Role, SensitiveLookup } from '@fremskudt/service-kit';
import { bodyCriterion, CitizenAccess, queryCriterion } from '../access-log/citizen-access.decorator';
import { CitizenChangesService } from './citizen-changes.service';
import { CasePeriodView, ExitCitizenDto, ReenterCitizenDto } from './citizen-exit.dto';
import { ChangeCitizenProfileDto, PROFILE_ATTRIBUTES } from './citizen-profile.dto';
import { CitizensService } from './citizens.service';
import { CitizenView, RegisterCitizenDto } from './register-citizen.dto';
import { requireAnyOf } from './require-any-of';
import { SEARCH_CRITERIA, SearchCitizensBody, SearchCitizensQuery, URL_SEARCH_CRITERIA } from './search-citizens.dto';

const CitizenId = () => Param('id', new ParseUUIDPipe({ version: '4' }));

/** A search by CPR number finds one citizen at most: the log names them, so their access request shows it. */
const foundByCpr = (found: CitizenView[], request: Request) =>
  (request.body as { cpr?: unknown } | undefined)?.cpr !== undefined && found.length === 1 ? found[0].id : undefined;

@ApiTags('citizens')
@Controller('citizens')
export class CitizensController {
  constructor(
    private readonly citizens: CitizensService,
    private readonly changes: CitizenChangesService,
  ) {}

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @CitizenAccess({ action: 'register', citizenOf: (view: CitizenView) => view.id })
  @ApiCreatedResponse({ type: CitizenView, description: 'Borgeren er registreret; CitizenRegistered er udsendt' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiConflictResponse({ description: 'CPR-nummeret er allerede registreret' })
  register(@Body() command: RegisterCitizenDto): Promise<CitizenView> {
    return this.citizens.register(command);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Get()
  @CitizenAccess({ action: 'search', criterion: queryCriterion('name', 'areaCode', 'status') })
  @ApiOkResponse({ type: [CitizenView], description: 'Borgere der passer på alle angivne kriterier, sorteret efter navn (aldrig CPR-nummeret)' })
  @ApiBadRequestResponse({ description: 'Ugyldige kriterier, hverken name eller areaCode, eller et CPR-nummer i URL’en (brug POST /citizens/search)' })
  search(@Query() query: SearchCitizensQuery): Promise<CitizenView[]> {
    requireAnyOf(query, URL_SEARCH_CRITERIA);
    return this.citizens.search(query);
  }

  /** A search with the criteria in the body: the only way to search by CPR number, which must never stand in a URL. */
  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Post('search')
  @SensitiveLookup() // a CPR lookup: throttled harder per user, so nobody walks the CPR space
  @HttpCode(HttpStatus.OK)
  @CitizenAccess({ action: 'search', criterion: bodyCriterion('name', 'cpr', 'areaCode', 'status'), citizenOf: foundByCpr })
  @ApiOkResponse({ type: [CitizenView], description: 'Borgere der passer på alle angivne kriterier, sorteret efter navn (aldrig CPR-nummeret)' })
  @ApiBadRequestResponse({ description: 'Ugyldige kriterier, eller hverken name, cpr eller areaCode' })
  searchByBody(@Body() criteria: SearchCitizensBody): Promise<CitizenView[]> {
    requireAnyOf(criteria, SEARCH_CRITERIA);
    return this.citizens.search(criteria);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Get(':id')
  @CitizenAccess({ action: 'read', citizenParam: 'id' })
  @ApiOkResponse({ type: CitizenView })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  get(@CitizenId() id: string): Promise<CitizenView> {
    return this.citizens.get(id);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Patch(':id')
  @IdempotentCommand()
  @CitizenAccess({ action: 'change', citizenParam: 'id' })
  @ApiOkResponse({ type: CitizenView, description: 'Profilen er ændret; én hændelse pr. egenskab der faktisk ændrede sig (ingen for tolkebehov)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data, mangler effectiveDate, eller intet at ændre' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  @ApiConflictResponse({ description: 'citizen-exited: borgeren er afgået' })
  changeProfile(@CitizenId() id: string, @Body() command: ChangeCitizenProfileDto): Promise<CitizenView> {
    requireAnyOf(command, PROFILE_ATTRIBUTES);
    return this.changes.changeProfile(id, command);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Post(':id/exit')
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @CitizenAccess({ action: 'change', citizenParam: 'id' })
  @ApiOkResponse({ type: CitizenView, description: 'Borgeren er afgået; forløbet og sagsansvaret er afsluttet; CitizenExited er udsendt' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  @ApiConflictResponse({ description: 'citizen-exited (allerede afgået), exit-before-period-start, exit-before-assignment' })
  exit(@CitizenId() id: string, @Body() command: ExitCitizenDto): Promise<CitizenView> {
    return this.changes.exit(id, command);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Post(':id/reentry')
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @CitizenAccess({ action: 'change', citizenParam: 'id' })
  @ApiOkResponse({ type: CitizenView, description: 'Borgeren er genindskrevet i et nyt forløb; CitizenReentered er udsendt' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  @ApiConflictResponse({ description: 'citizen-active (borgeren er ikke afgået), reentry-before-exit' })
  reenter(@CitizenId() id: string, @Body() command: ReenterCitizenDto): Promise<CitizenView> {
    return this.changes.reenter(id, command);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Get(':id/periods')
  @CitizenAccess({ action: 'read', citizenParam: 'id' })
  @ApiOkResponse({ type: [CasePeriodView], description: 'Alle borgerens forløb, ældste først' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  periods(@CitizenId() id: string): Promise<CasePeriodView[]> {
    return this.changes.periods(id);
  }
}
