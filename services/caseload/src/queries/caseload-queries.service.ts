import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '@fremskudt/persistence';
import { NotFoundProblem } from '@fremskudt/service-kit';
import { copenhagenToday } from '../case/calendar';
import { citizenScopeCondition, DataScopeService, positional } from '../data-scope';
import { TaskKind } from '../interviews/tasks/consultant-task.entity';
import { isOverdue } from '../rules';
import { StaffMember } from '../staff/staff-member.entity';
import { dueStanding, queryWeekOf, weekBucket } from './due-standing';
import {
  CaseloadOverviewQuery,
  CaseloadOverviewView,
  ConsultantTaskCountsView,
  ConsultantTaskItemView,
  DueInterviewView,
  InterviewsDueQuery,
  InterviewsDueView,
  StaffTasksQuery,
  StaffTasksView,
  TaskCountsView,
  TasksOverviewQuery,
  TasksOverviewView,
} from './queries.dto';

const isoInstant = (value: Date | null): string | null => (value ? value.toISOString() : null);

const noTasks = (): TaskCountsView => ({
  openTasks: 0,
  overdue: 0,
  byKind: { 'no-show-follow-up': 0, 'hours-rule-warning': 0, 'hours-rule-hearing': 0 } satisfies Record<TaskKind, number>,
});

/**
 * The consultant's read side: caseload with what needs doing, due interviews of a week, tasks.
 * Reads other modules' tables directly (the unit of work's manager, so tenant isolation applies):
 * the current assignment (to_date IS NULL), citizen_interview_due (every active citizen's next due
 * interview), consultant_task and job_plan. Who is responsible is always as of now; `date` is the
 * day deadlines are measured against.
 */
@Injectable()
export class CaseloadQueriesService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(DataScopeService) private readonly dataScope: DataScopeService,
  ) {}

  caseloadOverview(staffId: string, query: CaseloadOverviewQuery): Promise<CaseloadOverviewView> {
    const date = query.date ?? copenhagenToday();
    return this.unitOfWork.run(async (manager) => {
      const member = await this.staffMember(manager, staffId);
      const rows = (await manager.query(
        `SELECT c.id, c.name, c.area_code AS "areaCode", a.from_date::text AS since,
                d.last_held_on::text AS "lastHeldOn", d.next_due_date::text AS "nextDueDate", d.next_scheduled_at AS "nextScheduledAt",
                (SELECT count(*)::int FROM consultant_task t WHERE t.citizen_id = c.id AND t.status = 'open') AS "openTasks",
                EXISTS (SELECT 1 FROM job_plan p
                         WHERE p.citizen_id = c.id AND p.period_id = c.current_period_id AND p.created_on <= $2::date) AS "hasCurrentJobPlan"
           FROM case_assignment a
           JOIN citizen c ON c.id = a.citizen_id
           JOIN citizen_interview_due d ON d.citizen_id = c.id
          WHERE a.consultant_id = $1 AND a.to_date IS NULL AND c.status = 'active'
          -- Overdue first (their due dates are the earliest anyway), then by due date.
          ORDER BY (d.next_due_date < $2::date) DESC, d.next_due_date, c.name COLLATE "da-DK-x-icu", c.id`,
        [staffId, date],
      )) as Array<Omit<CaseloadOverviewView['citizens'][number], 'overdue' | 'dueThisWeek' | 'nextScheduledAt'> & { nextScheduledAt: Date | null }>;
      const citizens = rows.map((row) => ({
        id: row.id,
        name: row.name,
        areaCode: row.areaCode,
        since: row.since,
        lastHeldOn: row.lastHeldOn,
        nextDueDate: row.nextDueDate,
        nextScheduledAt: isoInstant(row.nextScheduledAt),
        ...dueStanding(row.nextDueDate, date),
        openTasks: row.openTasks,
        hasCurrentJobPlan: row.hasCurrentJobPlan,
      }));
      return {
        staffId: member.id,
        date,
        count: citizens.length,
        capacity: member.caseloadCapacity,
        overdueCount: citizens.filter((citizen) => citizen.overdue).length,
        citizens,
      };
    });
  }

  interviewsDue(query: InterviewsDueQuery): Promise<InterviewsDueView> {
    const week = queryWeekOf(query.date ?? copenhagenToday());
    const parameters: unknown[] = [week.to, query.consultantId ?? null, query.teamCode ?? null, query.areaCode ?? null];
    const inScope = citizenScopeCondition(this.dataScope.current(), 'c', positional(parameters));
    return this.unitOfWork.run(async (manager) => {
      if (query.consultantId !== undefined) await this.staffMember(manager, query.consultantId);
      const rows = (await manager.query(
        `SELECT d.citizen_id AS "citizenId", c.name, c.area_code AS "areaCode", a.consultant_id AS "consultantId", s.team_code AS "teamCode",
                d.next_due_date::text AS "nextDueDate", d.next_scheduled_at AS "nextScheduledAt", d.last_held_on::text AS "lastHeldOn"
           FROM citizen_interview_due d
           JOIN citizen c ON c.id = d.citizen_id
           LEFT JOIN case_assignment a ON a.citizen_id = c.id AND a.to_date IS NULL
           LEFT JOIN staff_member s ON s.id = a.consultant_id
          WHERE d.next_due_date <= $1::date
            AND ($2::uuid IS NULL OR a.consultant_id = $2::uuid)
            AND ($3::text IS NULL OR s.team_code = $3)
            AND ($4::text IS NULL OR c.area_code = $4)
            AND ${inScope}
          ORDER BY d.next_due_date, c.name COLLATE "da-DK-x-icu", c.id`,
        parameters,
      )) as Array<Omit<DueInterviewView, 'nextScheduledAt'> & { nextScheduledAt: Date | null }>;
      const answer: InterviewsDueView = { week: week.label, from: week.from, to: week.to, due: [], overdue: [] };
      for (const row of rows) {
        const bucket = weekBucket(row.nextDueDate, week);
        if (bucket) answer[bucket].push({ ...row, nextScheduledAt: isoInstant(row.nextScheduledAt) });
      }
      return answer;
    });
  }

  staffTasks(staffId: string, query: StaffTasksQuery): Promise<StaffTasksView> {
    const date = query.date ?? copenhagenToday();
    const status = query.status ?? 'open';
    return this.unitOfWork.run(async (manager) => {
      await this.staffMember(manager, staffId);
      const rows = (await manager.query(
        `SELECT t.id, t.citizen_id AS "citizenId", c.name AS "citizenName", c.area_code AS "areaCode", t.kind,
                t.due_date::text AS "dueDate", t.status, t.created_on::text AS "createdOn", t.completed_on::text AS "completedOn",
                t.outcome, t.interview_id AS "interviewId", t.notice_id AS "noticeId"
           FROM case_assignment a
           JOIN citizen c ON c.id = a.citizen_id
           JOIN consultant_task t ON t.citizen_id = c.id
          WHERE a.consultant_id = $1 AND a.to_date IS NULL AND c.status = 'active'
            AND ($2::text IS NULL OR t.status = $2)
          ORDER BY t.due_date, t.created_on, t.id`,
        [staffId, status === 'all' ? null : status],
      )) as Array<Omit<ConsultantTaskItemView, 'overdue'>>;
      const tasks = rows.map((row) => ({ ...row, overdue: row.status === 'open' && isOverdue(row.dueDate, date) }));
      return { staffId, status, date, count: tasks.length, overdueCount: tasks.filter((task) => task.overdue).length, tasks };
    });
  }

  tasksOverview(query: TasksOverviewQuery): Promise<TasksOverviewView> {
    const date = query.date ?? copenhagenToday();
    return this.unitOfWork.run(async (manager) => {
      // The team's active job consultants, and anyone else in the team who holds cases now.
      const members = (await manager.query(
        `SELECT s.id, s.name
           FROM staff_member s
          WHERE s.team_code = $1
            AND ((s.role = 'job-consultant' AND s.active)
                 OR EXISTS (SELECT 1 FROM case_assignment a WHERE a.consultant_id = s.id AND a.to_date IS NULL))
          ORDER BY s.name COLLATE "da-DK-x-icu", s.id`,
        [query.teamCode],
      )) as Array<{ id: string; name: string }>;
      const counts = (await manager.query(
        `SELECT a.consultant_id AS "consultantId", t.kind, count(*)::int AS open, count(*) FILTER (WHERE t.due_date < $2::date)::int AS overdue
           FROM staff_member s
           JOIN case_assignment a ON a.consultant_id = s.id AND a.to_date IS NULL
           JOIN citizen c ON c.id = a.citizen_id AND c.status = 'active'
           JOIN consultant_task t ON t.citizen_id = c.id AND t.status = 'open'
          WHERE s.team_code = $1
          GROUP BY a.consultant_id, t.kind`,
        [query.teamCode, date],
      )) as Array<{ consultantId: string; kind: TaskKind; open: number; overdue: number }>;

      const total = noTasks();
      const consultants: ConsultantTaskCountsView[] = members.map((member) => ({ consultantId: member.id, name: member.name, ...noTasks() }));
      const byId = new Map(consultants.map((consultant) => [consultant.consultantId, consultant]));
      for (const row of counts) {
        for (const tally of [byId.get(row.consultantId), total]) {
          if (!tally) continue;
          tally.openTasks += row.open;
          tally.overdue += row.overdue;
          tally.byKind[row.kind] += row.open;
        }
      }
      return { teamCode: query.teamCode, date, consultants, total };
    });
  }

  private async staffMember(manager: EntityManager, staffId: string): Promise<StaffMember> {
    const member = await manager.findOneBy(StaffMember, { id: staffId });
    if (!member) throw new NotFoundProblem(`Staff member ${staffId} not found`);
    return member;
  }
}
