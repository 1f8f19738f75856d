import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdempotentCommand } from '@fremskudt/service-kit';
import { CitizenChangesService } from './citizen-changes.service';
import { CasePeriodView, ExitCitizenDto, ReenterCitizenDto } from './citizen-exit.dto';
import { ChangeCitizenProfileDto, PROFILE_ATTRIBUTES } from './citizen-profile.dto';
import { CitizensService } from './citizens.service';
import { CitizenView, RegisterCitizenDto } from './register-citizen.dto';
import { requireAnyOf } from './require-any-of';
import { SEARCH_CRITERIA, SearchCitizensQuery } from './search-citizens.dto';

const CitizenId = () => Param('id', new ParseUUIDPipe({ version: '4' }));

@ApiTags('citizens')
@Controller('citizens')
export class CitizensController {
  constructor(
    private readonly citizens: CitizensService,
    private readonly changes: CitizenChangesService,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: CitizenView, description: 'Borgeren er registreret; CitizenRegistered er udsendt' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiConflictResponse({ description: 'CPR-nummeret er allerede registreret' })
  register(@Body() command: RegisterCitizenDto): Promise<CitizenView> {
    return this.citizens.register(command);
  }

  @Get()
  @ApiOkResponse({ type: [CitizenView], description: 'Borgere der passer på alle angivne kriterier, sorteret efter navn (aldrig CPR-nummeret)' })
  @ApiBadRequestResponse({ description: 'Ugyldige kriterier, eller hverken name, cpr eller areaCode' })
  search(@Query() query: SearchCitizensQuery): Promise<CitizenView[]> {
    requireAnyOf(query, SEARCH_CRITERIA);
    return this.citizens.search(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CitizenView })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  get(@CitizenId() id: string): Promise<CitizenView> {
    return this.citizens.get(id);
  }

  @Patch(':id')
  @IdempotentCommand()
  @ApiOkResponse({ type: CitizenView, description: 'Profilen er ændret; én hændelse pr. egenskab der faktisk ændrede sig (ingen for tolkebehov)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data, mangler effectiveDate, eller intet at ændre' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  @ApiConflictResponse({ description: 'citizen-exited: borgeren er afgået' })
  changeProfile(@CitizenId() id: string, @Body() command: ChangeCitizenProfileDto): Promise<CitizenView> {
    requireAnyOf(command, PROFILE_ATTRIBUTES);
    return this.changes.changeProfile(id, command);
  }

  @Post(':id/exit')
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({ type: CitizenView, description: 'Borgeren er afgået; forløbet og sagsansvaret er afsluttet; CitizenExited er udsendt' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  @ApiConflictResponse({ description: 'citizen-exited (allerede afgået), exit-before-period-start, exit-before-assignment' })
  exit(@CitizenId() id: string, @Body() command: ExitCitizenDto): Promise<CitizenView> {
    return this.changes.exit(id, command);
  }

  @Post(':id/reentry')
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({ type: CitizenView, description: 'Borgeren er genindskrevet i et nyt forløb; CitizenReentered er udsendt' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  @ApiConflictResponse({ description: 'citizen-active (borgeren er ikke afgået), reentry-before-exit' })
  reenter(@CitizenId() id: string, @Body() command: ReenterCitizenDto): Promise<CitizenView> {
    return this.changes.reenter(id, command);
  }

  @Get(':id/periods')
  @ApiOkResponse({ type: [CasePeriodView], description: 'Alle borgerens forløb, ældste først' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  periods(@CitizenId() id: string): Promise<CasePeriodView[]> {
    return this.changes.periods(id);
  }
}
