import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CitizenAccess, IdempotentCommand, listCriterion, Role } from '@fremskudt/service-kit';
import { CheckInDto, CompleteVisitDto, DeskVisitsQuery, DeskVisitsView, LeaveVisitDto, QueueView, RegisterVisitDto, StaffCommandDto, VisitView } from './visit.dto';
import { VisitQueriesService } from './visit-queries.service';
import { VisitsService } from './visits.service';
import { AtDesk } from '../desks/desk-scope';

/** A visit names a citizen only when they have a case: anonymous visitors and those without a case are no one's personal data. */
const visitor = (visit: VisitView) => visit.citizenId;

const uuid = () => new ParseUUIDPipe();
const BAD_INPUT = 'Ugyldige data; hvert felt med fejl er navngivet i errors[].field';
const UNKNOWN_DESK = 'Ukendt skranke (eller en anden kommunes)';
const UNKNOWN_VISIT = 'Ukendt besøg (eller en anden kommunes)';
const VISITOR_CONFLICTS =
  'citizen-has-no-case (borgeren har ingen aktiv sag i det fremskudte team), staff-not-active (ønsket konsulent er ikke aktiv medarbejder)';
const OUTCOME_CONFLICTS =
  'case-action-without-case (samtale afholdt / jobplan revideret kan kun registreres for en borger med sag)';

@ApiTags('visits')
@AtDesk({ deskParam: 'deskId' })
@Controller('desks')
export class DeskVisitsController {
  constructor(
    private readonly visits: VisitsService,
    private readonly queries: VisitQueriesService,
  ) {}

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Post(':deskId/visits')
  @CitizenAccess({ action: 'change', citizenBody: 'citizenId', citizenOf: visitor, onlyWithCitizen: true })
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiOperation({ summary: 'Fremmøde: en besøgende stiller sig i skrankens kø' })
  @ApiCreatedResponse({ type: VisitView, description: 'Besøget venter i køen; VisitCheckedIn er udsendt' })
  @ApiBadRequestResponse({ description: BAD_INPUT })
  @ApiNotFoundResponse({ description: UNKNOWN_DESK })
  @ApiConflictResponse({
    description: `desk-closed (skranken har ingen åben åbning), ${VISITOR_CONFLICTS}, citizen-already-in-queue (borgeren står allerede i en kø); intet er skrevet`,
  })
  checkIn(@Param('deskId', uuid()) deskId: string, @Body() command: CheckInDto): Promise<VisitView> {
    return this.visits.checkIn(deskId, command);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Post(':deskId/visits/registrations')
  @CitizenAccess({ action: 'change', citizenBody: 'citizenId', citizenOf: visitor, onlyWithCitizen: true })
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiOperation({
    summary: 'Registrér et helt besøg i én forespørgsel',
    description:
      'Fremmøde, samtale og udfald i én transaktion, ved skranken mens borgeren venter eller for at indtaste historik. ' +
      'checkedInAt ≤ talkStartedAt ≤ endedAt, intet i fremtiden; skranken skal have været åben ved fremmødet. ' +
      'Udsender VisitCheckedIn, TalkStarted, VisitCompleted, ReferralMade pr. henvisning og FollowUpInterviewHeld, i den rækkefølge. ' +
      'Konsulenterne skal være kendte medarbejdere (også tidligere).',
  })
  @ApiCreatedResponse({ type: VisitView, description: 'Besøget er registreret som afsluttet; hændelserne er udsendt' })
  @ApiBadRequestResponse({ description: `${BAD_INPUT}; ukendte emner navngives topics.N, ukendte lokale aktører referrals.N.partnerCode` })
  @ApiNotFoundResponse({ description: UNKNOWN_DESK })
  @ApiConflictResponse({
    description: `desk-closed (ingen åbning af skranken dækker fremmødet), citizen-has-no-case, staff-unknown, ${OUTCOME_CONFLICTS}; intet er skrevet`,
  })
  register(@Param('deskId', uuid()) deskId: string, @Body() command: RegisterVisitDto): Promise<VisitView> {
    return this.visits.register(deskId, command);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Get(':deskId/visits')
  @CitizenAccess({ action: 'search', criterion: listCriterion('desk-visits', ['deskId'], ['from', 'to']) })
  @ApiOperation({ summary: 'Skrankens besøg i en periode (fremmødedatoer i København, begge med)' })
  @ApiOkResponse({ type: DeskVisitsView })
  @ApiBadRequestResponse({ description: `${BAD_INPUT}; to før from eller en periode over 366 dage navngiver to` })
  @ApiNotFoundResponse({ description: UNKNOWN_DESK })
  list(@Param('deskId', uuid()) deskId: string, @Query() query: DeskVisitsQuery): Promise<DeskVisitsView> {
    return this.queries.deskVisits(deskId, query.from, query.to);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Get(':deskId/queue')
  @CitizenAccess({ action: 'search', criterion: listCriterion('desk-queue', ['deskId']) })
  @ApiOperation({ summary: 'Skrankens kø lige nu: venter (med ventetid), i samtale, afsluttet i dag' })
  @ApiOkResponse({ type: QueueView })
  @ApiBadRequestResponse({ description: 'Ugyldigt id' })
  @ApiNotFoundResponse({ description: UNKNOWN_DESK })
  queue(@Param('deskId', uuid()) deskId: string): Promise<QueueView> {
    return this.queries.queue(deskId);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Post(':deskId/queue/next')
  @CitizenAccess({ action: 'change', citizenOf: visitor, onlyWithCitizen: true })
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOperation({
    summary: 'Kald næste borger',
    description:
      'Den første ventende (i fremmøderækkefølge) der har bedt om denne konsulent eller om hvem som helst, kaldes ind og samtalen starter. ' +
      'Sikker ved samtidige kald: to konsulenter får aldrig samme borger. Ingen venter: 404 med code queue-empty.',
  })
  @ApiOkResponse({ type: VisitView, description: 'Samtalen er startet; TalkStarted (med ventetid) er udsendt' })
  @ApiBadRequestResponse({ description: BAD_INPUT })
  @ApiNotFoundResponse({ description: `${UNKNOWN_DESK} (code not-found), eller ingen venter på konsulenten eller hvem som helst (code queue-empty)` })
  @ApiConflictResponse({ description: 'staff-not-active (konsulenten er ikke aktiv medarbejder); intet er skrevet' })
  next(@Param('deskId', uuid()) deskId: string, @Body() command: StaffCommandDto): Promise<VisitView> {
    return this.visits.callNext(deskId, command.staffId);
  }
}

@ApiTags('visits')
@AtDesk({ visitParam: 'visitId' })
@Controller('visits')
export class VisitsController {
  constructor(
    private readonly visits: VisitsService,
    private readonly queries: VisitQueriesService,
  ) {}

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Get(':visitId')
  @CitizenAccess({ action: 'read', citizenOf: visitor, onlyWithCitizen: true })
  @ApiOkResponse({ type: VisitView })
  @ApiBadRequestResponse({ description: 'Ugyldigt id' })
  @ApiNotFoundResponse({ description: UNKNOWN_VISIT })
  get(@Param('visitId', uuid()) visitId: string): Promise<VisitView> {
    return this.queries.get(visitId);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Post(':visitId/talk')
  @CitizenAccess({ action: 'change', citizenOf: visitor, onlyWithCitizen: true })
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOperation({ summary: 'Start samtalen med netop denne ventende borger (også hvis borgeren bad om en anden konsulent)' })
  @ApiOkResponse({ type: VisitView, description: 'Samtalen er startet; TalkStarted er udsendt' })
  @ApiBadRequestResponse({ description: BAD_INPUT })
  @ApiNotFoundResponse({ description: UNKNOWN_VISIT })
  @ApiConflictResponse({ description: 'talk-already-started, visit-left (borgeren er gået), staff-not-active; intet er skrevet' })
  talk(@Param('visitId', uuid()) visitId: string, @Body() command: StaffCommandDto): Promise<VisitView> {
    return this.visits.startTalkWith(visitId, command.staffId);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Post(':visitId/leave')
  @CitizenAccess({ action: 'change', citizenOf: visitor, onlyWithCitizen: true })
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOperation({ summary: 'Borgeren gik uden en samtale (ingen hændelse; tælles med i åbningens besøg)' })
  @ApiOkResponse({ type: VisitView, description: 'Besøget er afsluttet som gået' })
  @ApiBadRequestResponse({ description: `${BAD_INPUT}; leftAt før fremmødet eller i fremtiden` })
  @ApiNotFoundResponse({ description: UNKNOWN_VISIT })
  @ApiConflictResponse({ description: 'talk-already-started (afslut besøget i stedet), visit-left; intet er skrevet' })
  leave(@Param('visitId', uuid()) visitId: string, @Body() command: LeaveVisitDto): Promise<VisitView> {
    return this.visits.leave(visitId, command.leftAt);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Post(':visitId/complete')
  @CitizenAccess({ action: 'change', citizenOf: visitor, onlyWithCitizen: true })
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOperation({
    summary: 'Afslut samtalen med emner og handlinger',
    description:
      'Udsender VisitCompleted, ReferralMade pr. henvisning og FollowUpInterviewHeld når handlingen follow-up-interview-held er med ' +
      '(heldOn = datoen i København for endedAt).',
  })
  @ApiOkResponse({ type: VisitView, description: 'Besøget er afsluttet; hændelserne er udsendt' })
  @ApiBadRequestResponse({ description: `${BAD_INPUT}; ukendte emner navngives topics.N, ukendte lokale aktører referrals.N.partnerCode` })
  @ApiNotFoundResponse({ description: UNKNOWN_VISIT })
  @ApiConflictResponse({
    description: `talk-not-started, visit-already-completed, visit-left, ${OUTCOME_CONFLICTS}; intet er skrevet`,
  })
  complete(@Param('visitId', uuid()) visitId: string, @Body() command: CompleteVisitDto): Promise<VisitView> {
    return this.visits.complete(visitId, command);
  }
}
