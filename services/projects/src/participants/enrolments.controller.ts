import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, CitizenAccess, IdempotentCommand, queryCriterion, Role } from '@fremskudt/service-kit';
import { CITIZEN_REFERENCE_DESCRIPTION, CitizenReferencePipe } from '../partner-access';
import { ProjectId, UNKNOWN_PROJECT } from '../projects/projects.controller';
import {
  CompletePhaseDto,
  EligibilityQuery,
  EligibilityCheckView,
  EnrolDto,
  EnrolmentsQuery,
  EnrolmentView,
  LeaveDto,
  RecordMilestoneDto,
  ReplaceParticipantDto,
  StartPhaseDto,
} from './enrolments.dto';
import { EnrolmentsService } from './enrolments.service';
import { ProgressService } from './progress.service';

/** The participant of an enrolment: the citizen id for staff, the partner's own pseudonym for a partner (the access log resolves it). */
const participant = (enrolment: EnrolmentView) => enrolment.citizenId;

export const UNKNOWN_ENROLMENT = 'Ukendt tilmelding (eller en anden kommunes)';
export const EnrolmentId = () => Param('id', new ParseUUIDPipe());
/** A participant of a project as the user names them: staff by citizen id, a partner user by its own pseudonym. */
const ParticipantId = () => Param('participantId', new CitizenReferencePipe('participantId'));
const UNKNOWN_PARTICIPANT = `${UNKNOWN_PROJECT}, eller projektet har ingen sådan deltager`;
const MILESTONE_REFUSED =
  'milestone-unknown; participant-left; milestone-already-reached (en ikke bestået eksamen kan tages igen); date-before-enrolment';

const REFUSED =
  'already-enrolled: borgeren er allerede deltager; enrolment-refused: borgeren opfylder ikke kriterierne, projektet er fuldt eller ' +
  'uden for sin periode — errors nævner hver grund (fx eligibility.minAge/tooYoung, capacity/capacityReached); intet er skrevet';

@ApiTags('enrolments')
@Controller()
export class EnrolmentsController {
  constructor(
    @Inject(EnrolmentsService) private readonly enrolments: EnrolmentsService,
    @Inject(ProgressService) private readonly progress: ProgressService,
  ) {}

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead, Role.Partner)
  @Post('projects/:id/enrolments')
  @CitizenAccess({ action: 'change', citizenBody: 'citizenId', citizenOf: participant })
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: EnrolmentView, description: 'Borgeren er tilmeldt (ParticipantEnrolled, og PhaseStarted med phaseCode)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: `${UNKNOWN_PROJECT}, eller projektet har ikke fasen` })
  @ApiConflictResponse({ description: REFUSED })
  enrol(@ProjectId() projectId: string, @Body() command: EnrolDto): Promise<EnrolmentView> {
    return this.enrolments.enrol(projectId, command);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead, Role.Partner)
  @Get('projects/:id/enrolments')
  @CitizenAccess({ action: 'search', criterion: (request) => ({ list: 'enrolments', projectId: request.params.id, ...queryCriterion('status')(request) }) })
  @ApiOkResponse({ type: [EnrolmentView], description: 'Projektets deltagere efter tilmeldingsdato' })
  @ApiBadRequestResponse({ description: 'Ugyldigt filter' })
  @ApiNotFoundResponse({ description: UNKNOWN_PROJECT })
  list(@ProjectId() projectId: string, @Query() query: EnrolmentsQuery): Promise<EnrolmentView[]> {
    return this.enrolments.list(projectId, query);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead, Role.Partner)
  @Get('projects/:id/eligibility/:citizenId')
  @CitizenAccess({ action: 'read', citizenParam: 'citizenId' })
  @ApiOkResponse({ type: EligibilityCheckView, description: 'Om borgeren kan tilmeldes på datoen, og ellers hvorfor ikke (uden at tilmelde)' })
  @ApiParam({ name: 'citizenId', description: CITIZEN_REFERENCE_DESCRIPTION })
  @ApiBadRequestResponse({ description: 'Ugyldig dato eller id' })
  @ApiNotFoundResponse({ description: UNKNOWN_PROJECT })
  eligibility(@ProjectId() projectId: string, @Param('citizenId', new CitizenReferencePipe()) citizenId: string, @Query() query: EligibilityQuery): Promise<EligibilityCheckView> {
    return this.enrolments.checkEligibility(projectId, citizenId, query.on);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead, Role.Partner)
  @Get('enrolments/:id')
  @CitizenAccess({ action: 'read', citizenOf: participant })
  @ApiOkResponse({ type: EnrolmentView })
  @ApiNotFoundResponse({ description: UNKNOWN_ENROLMENT })
  get(@EnrolmentId() id: string): Promise<EnrolmentView> {
    return this.enrolments.get(id);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead, Role.Partner)
  @Post('enrolments/:id/phases/:phaseCode/start')
  @CitizenAccess({ action: 'change', citizenOf: participant })
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({ type: EnrolmentView, description: 'Deltageren er startet i fasen (PhaseStarted)' })
  @ApiBadRequestResponse({ description: 'Ugyldig dato' })
  @ApiNotFoundResponse({ description: `${UNKNOWN_ENROLMENT}, eller projektet har ikke fasen` })
  @ApiConflictResponse({
    description:
      'participant-left; phase-already-started; phase-in-progress: afslut den aktuelle fase først; phase-order: en senere fase er allerede i gang/afsluttet; ' +
      'date-before-enrolment; date-before-previous-phase',
  })
  startPhase(@EnrolmentId() id: string, @Param('phaseCode') phaseCode: string, @Body() command: StartPhaseDto): Promise<EnrolmentView> {
    return this.progress.startPhase(id, phaseCode, command.startedOn);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead, Role.Partner)
  @Post('enrolments/:id/phases/:phaseCode/complete')
  @CitizenAccess({ action: 'change', citizenOf: participant })
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({ type: EnrolmentView, description: 'Deltageren har afsluttet fasen (PhaseCompleted)' })
  @ApiBadRequestResponse({ description: 'Ugyldig dato' })
  @ApiNotFoundResponse({ description: `${UNKNOWN_ENROLMENT}, eller projektet har ikke fasen` })
  @ApiConflictResponse({ description: 'participant-left; phase-not-started; phase-already-completed; date-before-phase-start' })
  completePhase(@EnrolmentId() id: string, @Param('phaseCode') phaseCode: string, @Body() command: CompletePhaseDto): Promise<EnrolmentView> {
    return this.progress.completePhase(id, phaseCode, command.completedOn);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead, Role.Partner)
  @Post('enrolments/:id/milestones')
  @CitizenAccess({ action: 'change', citizenOf: participant })
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({
    type: EnrolmentView,
    description: 'Milepælen er registreret (MilestoneReached; og PhaseCompleted når milepælen afslutter fasen deltageren er i)',
  })
  @ApiBadRequestResponse({ description: 'Ugyldige data; en eksamen skal have result, andre milepæle ikke; placementId kun for ansættelse og placering' })
  @ApiNotFoundResponse({ description: UNKNOWN_ENROLMENT })
  @ApiConflictResponse({ description: MILESTONE_REFUSED })
  recordMilestone(@EnrolmentId() id: string, @Body() command: RecordMilestoneDto): Promise<EnrolmentView> {
    return this.progress.recordMilestone(id, command);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead, Role.Partner)
  @Get('projects/:id/participants/:participantId')
  @CitizenAccess({ action: 'read', citizenParam: 'participantId' })
  @ApiOkResponse({ type: EnrolmentView, description: 'Deltagerens tilmelding i projektet: den aktive, ellers den seneste' })
  @ApiParam({ name: 'participantId', description: CITIZEN_REFERENCE_DESCRIPTION })
  @ApiBadRequestResponse({ description: 'Ugyldigt id eller pseudonym' })
  @ApiNotFoundResponse({ description: UNKNOWN_PARTICIPANT })
  participant(@ProjectId() projectId: string, @ParticipantId() participantId: string): Promise<EnrolmentView> {
    return this.enrolments.participant(projectId, participantId);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead, Role.Partner)
  @Post('projects/:id/participants/:participantId/milestones')
  @CitizenAccess({ action: 'change', citizenParam: 'participantId' })
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({
    type: EnrolmentView,
    description: 'Som POST /enrolments/{id}/milestones, for deltageren som en samarbejdspartner kender dem: ved sit pseudonym (den aktive tilmelding, ellers den seneste)',
  })
  @ApiParam({ name: 'participantId', description: CITIZEN_REFERENCE_DESCRIPTION })
  @ApiBadRequestResponse({ description: 'Ugyldige data, id eller pseudonym' })
  @ApiNotFoundResponse({ description: UNKNOWN_PARTICIPANT })
  @ApiConflictResponse({ description: MILESTONE_REFUSED })
  recordParticipantMilestone(@ProjectId() projectId: string, @ParticipantId() participantId: string, @Body() command: RecordMilestoneDto): Promise<EnrolmentView> {
    return this.progress.recordParticipantMilestone(projectId, participantId, command);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead, Role.Partner)
  @Post('enrolments/:id/leave')
  @CitizenAccess({ action: 'change', citizenOf: participant })
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({ type: EnrolmentView, description: 'Deltageren er udtrådt (ParticipantLeft); fasen i gang slutter ufuldført' })
  @ApiBadRequestResponse({ description: 'Ugyldige data' })
  @ApiNotFoundResponse({ description: UNKNOWN_ENROLMENT })
  @ApiConflictResponse({ description: 'participant-left: allerede udtrådt; date-before-enrolment; date-before-phase-start' })
  leave(@EnrolmentId() id: string, @Body() command: LeaveDto): Promise<EnrolmentView> {
    return this.enrolments.leave(id, command);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead, Role.Partner)
  @Post('enrolments/:id/replacement')
  @CitizenAccess({ action: 'change', citizenBody: 'citizenId', citizenOf: participant })
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({
    type: EnrolmentView,
    description: 'Den nye deltager er tilmeldt i den udtrådtes sted (ParticipantEnrolled, ParticipantReplaced, PhaseStarted)',
  })
  @ApiBadRequestResponse({ description: 'Ugyldige data' })
  @ApiNotFoundResponse({ description: `${UNKNOWN_ENROLMENT}, eller projektet har ikke fasen` })
  @ApiConflictResponse({ description: `participant-not-left; already-replaced; date-before-leaving; ${REFUSED}` })
  replace(@EnrolmentId() id: string, @Body() command: ReplaceParticipantDto): Promise<EnrolmentView> {
    return this.enrolments.replace(id, command);
  }
}
