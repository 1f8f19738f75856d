import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, IdempotentCommand, Role } from '@fremskudt/service-kit';
import { CitizenAccess } from '../../access-log/citizen-access.decorator';
import { ActivitiesService } from './activities.service';
import { ActivityView, CitizenActivitiesView, HomeVisitDto, RoundTableMeetingDto } from './activity.dto';

const uuid = () => new ParseUUIDPipe({ version: '4' });

@ApiTags('activities')
@Controller('citizens')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Post(':id/home-visits')
  @CitizenAccess({ action: 'change', citizenParam: 'id' })
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: ActivityView, description: 'Hjemmebesøget er registreret; HomeVisitHeld er udsendt (uden notat)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data (også en dato i fremtiden); hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  @ApiConflictResponse({ description: 'Borgeren er afgået (citizen-exited)' })
  homeVisit(@Param('id', uuid()) citizenId: string, @Body() command: HomeVisitDto): Promise<ActivityView> {
    return this.activities.recordHomeVisit(citizenId, command);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Post(':id/round-table-meetings')
  @CitizenAccess({ action: 'change', citizenParam: 'id' })
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: ActivityView, description: 'Rundbordssamtalen er registreret; RoundTableMeetingHeld er udsendt med aktørernes koder' })
  @ApiBadRequestResponse({ description: 'Ugyldige data (også en dato i fremtiden eller en aktør to gange); hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  @ApiConflictResponse({ description: 'Borgeren er afgået (citizen-exited)' })
  roundTableMeeting(@Param('id', uuid()) citizenId: string, @Body() command: RoundTableMeetingDto): Promise<ActivityView> {
    return this.activities.recordRoundTableMeeting(citizenId, command);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Get(':id/activities')
  @CitizenAccess({ action: 'read', citizenParam: 'id' })
  @ApiOkResponse({ type: CitizenActivitiesView })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  ofCitizen(@Param('id', uuid()) citizenId: string): Promise<CitizenActivitiesView> {
    return this.activities.ofCitizen(citizenId);
  }
}
