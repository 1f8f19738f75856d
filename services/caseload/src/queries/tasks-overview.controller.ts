import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CaseloadQueriesService } from './caseload-queries.service';
import { TasksOverviewQuery, TasksOverviewView } from './queries.dto';
import { Allow, Role } from '@fremskudt/service-kit';

/**
 * A team lead's view of the open tasks: counts only, no citizens, so not an access to citizens'
 * data. Not under /tasks: GET /tasks/:taskId is registered first and would take "overview" for an id.
 */
@ApiTags('tasks')
@Controller('task-overview')
export class TasksOverviewController {
  constructor(private readonly queries: CaseloadQueriesService) {}

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Get()
  @ApiOkResponse({ type: TasksOverviewView, description: 'Åbne opgaver pr. jobkonsulent i teamet, efter slags og med antal overskredne' })
  @ApiBadRequestResponse({ description: 'Manglende eller ugyldigt team, ugyldig dato; hvert felt med fejl er navngivet' })
  overview(@Query() query: TasksOverviewQuery): Promise<TasksOverviewView> {
    return this.queries.tasksOverview(query);
  }
}
