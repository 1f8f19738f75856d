import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, IdempotentCommand, Role } from '@fremskudt/service-kit';
import { DeskId } from './desks.controller';
import { ChangeSessionStaffDto, CloseSessionDto, ClosedSessionView, OpenSessionDto, SessionsQuery, SessionView } from './sessions.dto';
import { SessionsService } from './sessions.service';
import { AtDesk } from './desk-scope';

const SessionId = () => Param('sessionId', new ParseUUIDPipe({ version: '4' }));
const UNKNOWN_SESSION = 'Ukendt skranke eller session (eller en anden kommunes)';

@ApiTags('desk sessions')
@AtDesk({ deskParam: 'id' })
@Controller('desks/:id/sessions')
export class SessionsController {
  constructor(@Inject(SessionsService) private readonly sessions: SessionsService) {}

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: SessionView, description: 'Skranken er åben; DeskSessionOpened er udsendt' })
  @ApiBadRequestResponse({ description: 'Ugyldige data (fx et tidspunkt i fremtiden); hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt skranke (eller en anden kommunes)' })
  @ApiConflictResponse({
    description:
      'desk-inactive: skranken er nedlagt; session-already-open: skranken er allerede åben; desk-closed-day: skranken holder lukket den dag; ' +
      'outside-opening-hours: ingen planlagt åbning på tidspunktet (brug extra: true); session-overlaps: skranken var allerede åben på tidspunktet; ' +
      'staff-not-active: en medarbejder er ukendt eller ikke aktiv',
  })
  open(@DeskId() deskId: string, @Body() command: OpenSessionDto): Promise<SessionView> {
    return this.sessions.open(deskId, command);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Get()
  @ApiOkResponse({ type: [SessionView], description: 'Skrankens sessioner med åbningsdag i perioden, efter åbningstid' })
  @ApiBadRequestResponse({ description: 'Ugyldige datoer, til før fra, eller mere end 366 dage' })
  @ApiNotFoundResponse({ description: 'Ukendt skranke (eller en anden kommunes)' })
  list(@DeskId() deskId: string, @Query() query: SessionsQuery): Promise<SessionView[]> {
    return this.sessions.list(deskId, query);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Get(':sessionId')
  @ApiOkResponse({ type: SessionView })
  @ApiNotFoundResponse({ description: UNKNOWN_SESSION })
  get(@DeskId() deskId: string, @SessionId() sessionId: string): Promise<SessionView> {
    return this.sessions.get(deskId, sessionId);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Post(':sessionId/close')
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({ type: ClosedSessionView, description: 'Skranken er lukket; DeskSessionClosed er udsendt med antal besøg' })
  @ApiBadRequestResponse({ description: 'Ugyldige data (fx et tidspunkt i fremtiden)' })
  @ApiNotFoundResponse({ description: UNKNOWN_SESSION })
  @ApiConflictResponse({
    description:
      'session-already-closed: sessionen er lukket; session-close-before-open: lukketid før åbningen; session-overlaps: en senere session åbnede før lukketiden',
  })
  close(@DeskId() deskId: string, @SessionId() sessionId: string, @Body() command: CloseSessionDto): Promise<ClosedSessionView> {
    return this.sessions.close(deskId, sessionId, command);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Put(':sessionId/staff')
  @IdempotentCommand()
  @ApiOkResponse({ type: SessionView, description: 'Medarbejderne på vagt er udskiftet' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: UNKNOWN_SESSION })
  @ApiConflictResponse({ description: 'session-closed: sessionen er lukket; staff-not-active: en medarbejder er ukendt eller ikke aktiv' })
  changeStaff(@DeskId() deskId: string, @SessionId() sessionId: string, @Body() command: ChangeSessionStaffDto): Promise<SessionView> {
    return this.sessions.changeStaff(deskId, sessionId, command);
  }
}
