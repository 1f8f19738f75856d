import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, IdempotentCommand, Role } from '@fremskudt/service-kit';
import { CitizenAccess } from '../../access-log/citizen-access.decorator';
import { AssessProgressionDto, ProgressionAssessmentView } from './progression.dto';
import { ProgressionService } from './progression.service';

@ApiTags('progression')
@Controller('citizens/:id/progression-assessments')
export class ProgressionController {
  constructor(private readonly progression: ProgressionService) {}

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Post()
  @CitizenAccess({ action: 'change', citizenParam: 'id' })
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: ProgressionAssessmentView, description: 'Vurderingen er gemt med gruppe A-G; ProgressionAssessed er udsendt' })
  @ApiBadRequestResponse({ description: 'Ugyldige data (fx en score uden for 1-5); hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  @ApiConflictResponse({ description: 'Borgeren er afgået (citizen-exited)' })
  assess(@Param('id', new ParseUUIDPipe({ version: '4' })) citizenId: string, @Body() command: AssessProgressionDto): Promise<ProgressionAssessmentView> {
    return this.progression.assess(citizenId, command);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Get()
  @CitizenAccess({ action: 'read', citizenParam: 'id' })
  @ApiOkResponse({ type: [ProgressionAssessmentView], description: 'Borgerens vurderinger i datoorden, med gruppe' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  list(@Param('id', new ParseUUIDPipe({ version: '4' })) citizenId: string): Promise<ProgressionAssessmentView[]> {
    return this.progression.list(citizenId);
  }
}
