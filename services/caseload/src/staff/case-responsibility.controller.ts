import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, IdempotentCommand, Role } from '@fremskudt/service-kit';
import { CitizenAccess } from '../access-log/citizen-access.decorator';
import { CaseResponsibilityService } from './case-responsibility.service';
import { AssignConsultantDto, CaseAssignmentView } from './case-responsibility.dto';

const CitizenId = () => Param('id', new ParseUUIDPipe({ version: '4' }));

@ApiTags('citizens')
@Controller('citizens')
export class CaseResponsibilityController {
  constructor(private readonly responsibility: CaseResponsibilityService) {}

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Put(':id/consultant')
  @CitizenAccess({ action: 'change', citizenParam: 'id' })
  @IdempotentCommand()
  @ApiOkResponse({
    type: CaseAssignmentView,
    description: 'Jobkonsulenten har sagsansvaret fra den angivne dato; CitizenAssigned eller CitizenTransferred er udsendt',
  })
  @ApiBadRequestResponse({ description: 'Ugyldige data (fx force uden begrundelse i reason); hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  @ApiConflictResponse({
    description:
      'Afvist, intet er skrevet: already-assigned (samme konsulent), consultant-unknown (ingen sådan medarbejder i kommunen), ' +
      'not-a-consultant (ikke en aktiv jobkonsulent), caseload-full (sagsstammen er fuld; brug force med begrundelse), ' +
      'effective-before-current-assignment, citizen-exited',
  })
  assign(@CitizenId() citizenId: string, @Body() command: AssignConsultantDto): Promise<CaseAssignmentView> {
    return this.responsibility.assign(citizenId, command);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Get(':id/assignments')
  @CitizenAccess({ action: 'read', citizenParam: 'id' })
  @ApiOkResponse({ type: [CaseAssignmentView], description: 'Alle borgerens sagsansvarlige, ældste først' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  history(@CitizenId() citizenId: string): Promise<CaseAssignmentView[]> {
    return this.responsibility.history(citizenId);
  }
}
