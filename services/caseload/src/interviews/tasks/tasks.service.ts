import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, FindOptionsWhere, LessThan } from 'typeorm';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { copenhagenToday } from '../../case/calendar';
import { IsoDate } from '../../rules';
import { assertNotAfterToday } from '../validation';
import { ConsultantTask, TaskKind } from './consultant-task.entity';
import { CompleteTaskDto, ListTasksQuery, TaskView, toTaskView } from './task.dto';

export type NewTask =
  | { kind: 'no-show-follow-up'; citizenId: string; dueDate: IsoDate; interviewId: string }
  | { kind: Exclude<TaskKind, 'no-show-follow-up'>; citizenId: string; dueDate: IsoDate; noticeId: string };

@Injectable()
export class TasksService {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

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
      const where: FindOptionsWhere<ConsultantTask> = {};
      if (query.status) where.status = query.status;
      if (query.citizenId) where.citizenId = query.citizenId;
      if (query.dueBefore) where.dueDate = LessThan(query.dueBefore);
      const tasks = await manager.find(ConsultantTask, { where, order: { dueDate: 'ASC', createdOn: 'ASC', id: 'ASC' }, take: query.limit ?? 200 });
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
