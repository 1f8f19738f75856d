import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, IdempotentCommand, Role, RoleGroups } from '@fremskudt/service-kit';
import {
  CalendarQuery,
  CalendarView,
  ChangeDeskDto,
  CreateDeskDto,
  CreateExceptionDto,
  DESK_CHANGE_ATTRIBUTES,
  DesksQuery,
  DeskView,
  ExceptionView,
  OpeningHoursView,
  ReplaceOpeningHoursDto,
} from './desks.dto';
import { DesksService } from './desks.service';
import { requireAnyOf } from './validation';
import { AtDesk } from './desk-scope';

export const DeskId = () => Param('id', new ParseUUIDPipe({ version: '4' }));
const UNKNOWN_DESK = 'Ukendt skranke (eller en anden kommunes)';

@ApiTags('desks')
@Controller('desks')
export class DesksController {
  constructor(@Inject(DesksService) private readonly desks: DesksService) {}

  @Allow(Role.TenantAdmin, Role.TeamLead, Role.UnitLead)
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: DeskView, description: 'Skranken er oprettet (aktiv, uden åbningstider)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiConflictResponse({ description: 'desk-exists: området har allerede en skranke med det navn' })
  create(@Body() command: CreateDeskDto): Promise<DeskView> {
    return this.desks.create(command);
  }

  @Allow(...RoleGroups.staff)
  @Get()
  @ApiOkResponse({ type: [DeskView], description: 'Kommunens skranker, efter område og navn' })
  @ApiBadRequestResponse({ description: 'Ugyldigt filter' })
  list(@Query() query: DesksQuery): Promise<DeskView[]> {
    return this.desks.list(query);
  }

  @Allow(...RoleGroups.staff)
  @Get(':id')
  @ApiOkResponse({ type: DeskView })
  @ApiNotFoundResponse({ description: UNKNOWN_DESK })
  get(@DeskId() id: string): Promise<DeskView> {
    return this.desks.get(id);
  }

  @Allow(Role.TenantAdmin, Role.TeamLead, Role.UnitLead)
  @Patch(':id')
  @AtDesk({ deskParam: 'id' })
  @IdempotentCommand()
  @ApiOkResponse({ type: DeskView, description: 'Ændret' })
  @ApiBadRequestResponse({ description: 'Ugyldige data, eller intet at ændre' })
  @ApiNotFoundResponse({ description: UNKNOWN_DESK })
  @ApiConflictResponse({ description: 'desk-exists: navnet er taget i området; desk-session-open: skranken kan ikke lukkes med en åben session' })
  change(@DeskId() id: string, @Body() command: ChangeDeskDto): Promise<DeskView> {
    requireAnyOf(command, DESK_CHANGE_ATTRIBUTES);
    return this.desks.change(id, command);
  }

  @Allow(...RoleGroups.staff)
  @Get(':id/opening-hours')
  @ApiOkResponse({ type: OpeningHoursView, description: 'Ugeskemaet og undtagelserne' })
  @ApiNotFoundResponse({ description: UNKNOWN_DESK })
  openingHours(@DeskId() id: string): Promise<OpeningHoursView> {
    return this.desks.openingHours(id);
  }

  @Allow(Role.TenantAdmin, Role.TeamLead, Role.UnitLead)
  @Put(':id/opening-hours')
  @AtDesk({ deskParam: 'id' })
  @IdempotentCommand()
  @ApiOkResponse({ type: OpeningHoursView, description: 'Ugeskemaet er erstattet (gælder alle datoer, også tilbage i tid)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data: ugedag 1-7, tider TT:MM, lukker efter åbner, ingen overlap samme ugedag' })
  @ApiNotFoundResponse({ description: UNKNOWN_DESK })
  replaceOpeningHours(@DeskId() id: string, @Body() command: ReplaceOpeningHoursDto): Promise<OpeningHoursView> {
    return this.desks.replaceOpeningHours(id, command);
  }

  @Allow(Role.TenantAdmin, Role.TeamLead, Role.UnitLead)
  @Post(':id/exceptions')
  @AtDesk({ deskParam: 'id' })
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: ExceptionView, description: 'Lukkedagen eller den ekstra åbning er registreret' })
  @ApiBadRequestResponse({ description: 'Ugyldige data: en lukkedag har ingen tider; en ekstra åbning har åbner og lukker' })
  @ApiNotFoundResponse({ description: UNKNOWN_DESK })
  @ApiConflictResponse({
    description:
      'closed-day-exists: dagen er allerede lukket; sessions-on-day: skranken har været åben den dag; exception-overlaps: den ekstra åbning overlapper en anden åbning',
  })
  addException(@DeskId() id: string, @Body() command: CreateExceptionDto): Promise<ExceptionView> {
    return this.desks.addException(id, command);
  }

  @Allow(Role.TenantAdmin, Role.TeamLead, Role.UnitLead)
  @Delete(':id/exceptions/:exceptionId')
  @AtDesk({ deskParam: 'id' })
  @HttpCode(HttpStatus.NO_CONTENT)
  @IdempotentCommand()
  @ApiNoContentResponse({ description: 'Undtagelsen er fjernet fra kalenderen' })
  @ApiBadRequestResponse({ description: 'Ugyldigt id (skranke eller undtagelse); feltet er navngivet i errors[].field' })
  @ApiNotFoundResponse({ description: 'Ukendt skranke eller undtagelse (eller allerede fjernet)' })
  async removeException(@DeskId() id: string, @Param('exceptionId', new ParseUUIDPipe({ version: '4' })) exceptionId: string): Promise<void> {
    await this.desks.removeException(id, exceptionId);
  }

  @Allow(...RoleGroups.staff)
  @Get(':id/calendar')
  @ApiOkResponse({ type: CalendarView, description: 'De planlagte åbninger dag for dag: ugeskemaet minus lukkedage plus ekstra åbninger, i dansk tid' })
  @ApiBadRequestResponse({ description: 'Ugyldige datoer, til før fra, eller mere end 366 dage' })
  @ApiNotFoundResponse({ description: UNKNOWN_DESK })
  calendar(@DeskId() id: string, @Query() query: CalendarQuery): Promise<CalendarView> {
    return this.desks.calendar(id, query);
  }
}
