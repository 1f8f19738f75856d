import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CitizenAccess, queryCriterion } from '../access-log/citizen-access.decorator';
import { CaseloadQueriesService } from './caseload-queries.service';
import { InterviewsDueQuery, InterviewsDueView } from './queries.dto';
import { Allow, Role } from '@fremskudt/service-kit';

/**
 * The week's interview list: who must be seen this week, and who is already late. Not under
 * /interviews: GET /interviews/:interviewId is registered first and would take "due" for an id.
 */
@ApiTags('interviews')
@Controller('due-interviews')
export class InterviewsDueController {
  constructor(private readonly queries: CaseloadQueriesService) {}

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Get()
  @CitizenAccess({ action: 'search', criterion: (request) => ({ list: 'interviews-due', ...queryCriterion('date', 'consultantId', 'teamCode', 'areaCode')(request) }) })
  @ApiOkResponse({
    type: InterviewsDueView,
    description: 'Aktive borgere hvis næste samtale har frist i datoens ISO-uge (due) eller før ugens mandag (overdue)',
  })
  @ApiBadRequestResponse({ description: 'Ugyldige forespørgselsfelter; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt jobkonsulent i consultantId (eller en anden kommunes)' })
  due(@Query() query: InterviewsDueQuery): Promise<InterviewsDueView> {
    return this.queries.interviewsDue(query);
  }
}
