import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CitizenAccess, queryCriterion } from '../access-log/citizen-access.decorator';
import { ScopedToStaff } from '../data-scope';
import { CaseloadQueriesService } from './caseload-queries.service';
import { CaseloadOverviewQuery, CaseloadOverviewView, StaffTasksQuery, StaffTasksView } from './queries.dto';
import { Allow, Role } from '@fremskudt/service-kit';

const StaffId = () => Param('staffId', new ParseUUIDPipe({ version: '4' }));

/** A consultant's working lists: the caseload with what needs doing, and the tasks. */
@ApiTags('staff')
@Controller('staff')
export class StaffQueriesController {
  constructor(private readonly queries: CaseloadQueriesService) {}

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Get(':staffId/caseload-overview')
  @CitizenAccess({ action: 'search', criterion: (request) => ({ list: 'caseload-overview', consultantId: request.params.staffId, ...queryCriterion('date')(request) }) })
  @ScopedToStaff('staffId')
  @ApiOkResponse({
    type: CaseloadOverviewView,
    description: 'Borgerne konsulenten har sagsansvar for nu, med næste samtalefrist, overskridelser, åbne opgaver og jobplan på datoen',
  })
  @ApiBadRequestResponse({ description: 'Ugyldigt medarbejder-id eller ugyldige forespørgselsfelter; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt medarbejder (eller en anden kommunes)' })
  caseloadOverview(@StaffId() staffId: string, @Query() query: CaseloadOverviewQuery): Promise<CaseloadOverviewView> {
    return this.queries.caseloadOverview(staffId, query);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Get(':staffId/tasks')
  @CitizenAccess({ action: 'search', criterion: (request) => ({ list: 'consultant-tasks', consultantId: request.params.staffId, ...queryCriterion('status', 'date')(request) }) })
  @ScopedToStaff('staffId')
  @ApiOkResponse({ type: StaffTasksView, description: 'Opgaver om de borgere konsulenten har sagsansvar for nu, tidligste frist først' })
  @ApiBadRequestResponse({ description: 'Ugyldigt medarbejder-id eller ugyldige forespørgselsfelter; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt medarbejder (eller en anden kommunes)' })
  tasks(@StaffId() staffId: string, @Query() query: StaffTasksQuery): Promise<StaffTasksView> {
    return this.queries.staffTasks(staffId, query);
  }
}
