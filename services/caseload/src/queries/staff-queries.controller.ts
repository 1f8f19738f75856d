import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CitizenAccessLog, recordingAccess } from '../citizens/citizen-access-log';
import { CaseloadQueriesService } from './caseload-queries.service';
import { CaseloadOverviewQuery, CaseloadOverviewView, StaffTasksQuery, StaffTasksView } from './queries.dto';

const StaffId = () => Param('staffId', new ParseUUIDPipe({ version: '4' }));

/** A consultant's working lists: the caseload with what needs doing, and the tasks. */
@ApiTags('staff')
@Controller('staff')
export class StaffQueriesController {
  constructor(
    private readonly queries: CaseloadQueriesService,
    @Inject(CitizenAccessLog) private readonly accessLog: CitizenAccessLog,
  ) {}

  @Get(':staffId/caseload-overview')
  @ApiOkResponse({
    type: CaseloadOverviewView,
    description: 'Borgerne konsulenten har sagsansvar for nu, med næste samtalefrist, overskridelser, åbne opgaver og jobplan på datoen',
  })
  @ApiBadRequestResponse({ description: 'Ugyldigt medarbejder-id eller ugyldige forespørgselsfelter; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt medarbejder (eller en anden kommunes)' })
  caseloadOverview(@StaffId() staffId: string, @Query() query: CaseloadOverviewQuery): Promise<CaseloadOverviewView> {
    // A list of citizens with names: an auditable search.
    return recordingAccess(this.accessLog, { action: 'search', criterion: { list: 'caseload-overview', consultantId: staffId } }, () =>
      this.queries.caseloadOverview(staffId, query),
    );
  }

  @Get(':staffId/tasks')
  @ApiOkResponse({ type: StaffTasksView, description: 'Opgaver om de borgere konsulenten har sagsansvar for nu, tidligste frist først' })
  @ApiBadRequestResponse({ description: 'Ugyldigt medarbejder-id eller ugyldige forespørgselsfelter; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt medarbejder (eller en anden kommunes)' })
  tasks(@StaffId() staffId: string, @Query() query: StaffTasksQuery): Promise<StaffTasksView> {
    return recordingAccess(this.accessLog, { action: 'search', criterion: { list: 'consultant-tasks', consultantId: staffId } }, () =>
      this.queries.staffTasks(staffId, query),
    );
  }
}
