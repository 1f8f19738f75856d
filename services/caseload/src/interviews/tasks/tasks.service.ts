import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { copenhagenToday } from '../../case/calendar';
import { citizenScopeCondition, DataScopeService, named } from '../../data-scope';
import { IsoDate } from '../../rules';
import { assertNotAfterToday } from '../validation';
import { ConsultantTask, TaskKind } from './consultant-task.entity';
import { CompleteTaskDto, ListTasksQuery, TaskView, toTaskView } from './task.dto';

export type NewTask =
  | { kind: 'no-show-follow-up'; citizenId: string; dueDate: IsoDate; interviewId: string }
  | { kind: Exclude<TaskKind, 'no-show-follow-up'>; citizenId: string; dueDate: IsoDate; noticeId: string };

@Injectable()
export class TasksService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(DataScopeService) private readonly dataScope: DataScopeService,
  ) {}

  /** Creates a task in the caller's transaction, with the fact that gave rise to it. */
  async create(manager: EntityManager, task: NewTask, today: IsoDate): Promise<ConsultantTask> {
    const row = manager.create(ConsultantTask, {
      id: randomUUID(),
      tenantId: TenantContext.currentTenant(),
      citizenId: task.citizenId,
      kind: task.kind,
      dueDate: task.dueDate,
      status: 'open',
      interviewId: task.kind === 'no-show-follow-up' ? task.interviewId : null,
      noticeId: task.kind === 'no-show-follow-up' ? null : task.noticeId,
      createdOn: today,
      completedOn: null,
      outcome: null,
    });
    await manager.insert(ConsultantTask, row);
    return row;
  }

  list(query: ListTasksQuery): Promise<TaskView[]> {
    return this.unitOfWork.run(async (manager) => {
      const builder = manager.createQueryBuilder(ConsultantTask, 't');
      if (query.status) builder.andWhere('t.status = :status', { status: query.status });
      if (query.citizenId) builder.andWhere('t.citizen_id = :citizenId', { citizenId: query.citizenId });
      if (query.dueBefore) builder.andWhere('t.due_date < :dueBefore', { dueBefore: query.dueBefore });
      const scopeParameters: Record<string, unknown> = {};
      const inScope = citizenScopeCondition(this.dataScope.current(), 'c', named(scopeParameters));
      builder.andWhere(`t.citizen_id IN (SELECT c.id FROM citizen c WHERE ${inScope})`, scopeParameters);
      const tasks = await builder.orderBy('t.due_date', 'ASC').addOrderBy('t.created_on', 'ASC').addOrderBy('t.id', 'ASC').take(query.limit ?? 200).getMany();
      return tasks.map(toTaskView);
    });
  }

  get(taskId: string): Promise<TaskView> {
    return this.unitOfWork.run(async (manager) => {
      const task = await manager.findOneBy(ConsultantTask, { id: taskId });
      if (!task) throw new NotFoundProblem(`Task ${taskId} not found`);
      return toTaskView(task);
    });
  }

  /** Marks an open task done; a task is done once (409 on a second completion, nothing written). */
  complete(taskId: string, command: CompleteTaskDto): Promise<TaskView> {
    return this.unitOfWork.command(async (manager) => {
      const task = await manager.findOne(ConsultantTask, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
      if (!task) throw new NotFoundProblem(`Task ${taskId} not found`);
      if (task.status === 'done') throw new ConflictProblem('task-already-done', `Task ${taskId} was completed on ${task.completedOn}`);
      const today = copenhagenToday();
      const completedOn = command.completedOn ?? today;
      assertNotAfterToday('completedOn', completedOn, today);
      if (completedOn < task.createdOn) {
        throw new ConflictProblem('task-completed-before-created', `Task ${taskId} was created on ${task.createdOn}, after ${completedOn}`);
      }
      task.status = 'done';
      task.completedOn = completedOn;
      task.outcome = command.outcome ?? null;
      await manager.update(ConsultantTask, { id: task.id }, { status: task.status, completedOn: task.completedOn, outcome: task.outcome });
      return toTaskView(task);
    });
  }
}
