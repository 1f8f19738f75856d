import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, IdempotentCommand, Role } from '@fremskudt/service-kit';
import { CitizenAccess } from '../../access-log/citizen-access.decorator';
import { OwnedByCitizen } from '../../data-scope';
import { CitizenInterviewsView, InterviewView, RecordOutcomeDto, SummonCitizenDto } from './interview.dto';
import { InterviewsService } from './interviews.service';

const uuid = () => new ParseUUIDPipe({ version: '4' });

@ApiTags('interviews')
@Controller()
export class InterviewsController {
  constructor(private readonly interviews: InterviewsService) {}

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Post('citizens/:id/summons')
  @CitizenAccess({ action: 'change', citizenParam: 'id' })
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: InterviewView, description: 'Borgeren er indkaldt med frist; InterviewSummoned er udsendt' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  @ApiConflictResponse({ description: 'Borgeren er afgået (citizen-exited)' })
  summon(@Param('id', uuid()) citizenId: string, @Body() command: SummonCitizenDto): Promise<InterviewView> {
    return this.interviews.summon(citizenId, command);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Get('citizens/:id/interviews')
  @CitizenAccess({ action: 'read', citizenParam: 'id' })
  @ApiOkResponse({ type: CitizenInterviewsView, description: 'Indkaldelser, udfald, næste frist og om fristen er overskredet' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  listForCitizen(@Param('id', uuid()) citizenId: string): Promise<CitizenInterviewsView> {
    return this.interviews.listForCitizen(citizenId);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Post('interviews/:interviewId/outcome')
  @CitizenAccess({ action: 'change', citizenOf: (interview: InterviewView) => interview.citizenId })
  @OwnedByCitizen('interview', 'interviewId')
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({
    type: InterviewView,
    description: 'Udfaldet er registreret; InterviewHeld, InterviewNoShow (med opfølgningsopgave) eller InterviewCancelled er udsendt',
  })
  @ApiBadRequestResponse({ description: 'Ugyldige data (fx afholdt uden dato eller en dato i fremtiden); hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt samtale (eller en anden kommunes)' })
  @ApiConflictResponse({
    description:
      'Udfaldet er allerede registreret (outcome-already-recorded), borgeren er afgået (citizen-exited), ' +
      'eller udeblivelse før samtaletidspunktet (interview-not-yet-scheduled)',
  })
  recordOutcome(@Param('interviewId', uuid()) interviewId: string, @Body() command: RecordOutcomeDto): Promise<InterviewView> {
    return this.interviews.recordOutcome(interviewId, command);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Get('interviews/:interviewId')
  @CitizenAccess({ action: 'read', citizenOf: (interview: InterviewView) => interview.citizenId })
  @OwnedByCitizen('interview', 'interviewId')
  @ApiOkResponse({ type: InterviewView })
  @ApiNotFoundResponse({ description: 'Ukendt samtale (eller en anden kommunes)' })
  get(@Param('interviewId', uuid()) interviewId: string): Promise<InterviewView> {
    return this.interviews.get(interviewId);
  }
}
