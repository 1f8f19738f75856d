import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, IdempotentCommand, Role } from '@fremskudt/service-kit';
import { CitizenAccess, queryCriterion } from '../../access-log/citizen-access.decorator';
import { OwnedByCitizen } from '../../data-scope';
import { CompleteTaskDto, ListTasksQuery, TaskView } from './task.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Get()
  @CitizenAccess({ action: 'search', citizenQuery: 'citizenId', criterion: (request) => ({ list: 'tasks', ...queryCriterion('status', 'dueBefore')(request) }) })
  @ApiOkResponse({ type: [TaskView], description: 'Konsulentens opgaver, tidligste frist først' })
  @ApiBadRequestResponse({ description: 'Ugyldige filtre; hvert felt med fejl er navngivet' })
  list(@Query() query: ListTasksQuery): Promise<TaskView[]> {
    return this.tasks.list(query);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Get(':taskId')
  @CitizenAccess({ action: 'read', citizenOf: (task: TaskView) => task.citizenId })
  @OwnedByCitizen('consultant_task', 'taskId')
  @ApiOkResponse({ type: TaskView })
  @ApiNotFoundResponse({ description: 'Ukendt opgave (eller en anden kommunes)' })
  get(@Param('taskId', new ParseUUIDPipe({ version: '4' })) taskId: string): Promise<TaskView> {
    return this.tasks.get(taskId);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Post(':taskId/complete')
  @CitizenAccess({ action: 'change', citizenOf: (task: TaskView) => task.citizenId })
  @OwnedByCitizen('consultant_task', 'taskId')
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({ type: TaskView, description: 'Opgaven er udført' })
  @ApiBadRequestResponse({ description: 'Ugyldige data (fx en dato i fremtiden); hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt opgave (eller en anden kommunes)' })
  @ApiConflictResponse({ description: 'Opgaven er allerede udført (task-already-done), eller datoen ligger før opgaven blev oprettet' })
  complete(@Param('taskId', new ParseUUIDPipe({ version: '4' })) taskId: string, @Body() command: CompleteTaskDto): Promise<TaskView> {
    return this.tasks.complete(taskId, command);
  }
}
