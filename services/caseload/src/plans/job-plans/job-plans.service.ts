import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { JobPlanCreated, JobPlanRevised } from '@fremskudt/contracts';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { copenhagenToday } from '../../case/calendar';
import { CaseEvents } from '../../case/case-events';
import { lockCitizen } from '../../case/citizen-lock';
import { citizenScopeCondition, DataScopeService, positional } from '../../data-scope';
import { Citizen } from '../../citizens/citizen.entity';
import { addCalendarMonths, ageOn, compareIsoDates, isInJobPlanAgeRange } from '../../rules';
import { assertNotBefore, badInput } from '../../case/validation';
import { assignGoalIds } from './goal-ids';
import {
  CitizenJobPlansView,
  CreateJobPlanDto,
  JobPlanGoalDto,
  JobPlanGoalView,
  JobPlanView,
  MissingJobPlansQuery,
  MissingJobPlansView,
  ReviseJobPlanDto,
} from './job-plan.dto';
import { JobPlan, JobPlanGoal, JobPlanRevision } from './job-plan.entities';

/** A job plan is revised at the latest three months after it was made or last revised (unless a date is given). */
export const JOB_PLAN_REVISION_INTERVAL_MONTHS = 3;

@Injectable()
export class JobPlansService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(CaseEvents) private readonly events: CaseEvents,
    @Inject(DataScopeService) private readonly dataScope: DataScopeService,
  ) {}

  /** Makes the citizen's job plan for the current case period (revision 1); publishes JobPlanCreated. */
  create(citizenId: string, command: CreateJobPlanDto): Promise<JobPlanView> {
    const createdOn = command.createdOn ?? copenhagenToday();
    const nextRevisionDue = command.nextRevisionDue ?? addCalendarMonths(createdOn, JOB_PLAN_REVISION_INTERVAL_MONTHS);
    assertNotBefore(nextRevisionDue, createdOn, 'nextRevisionDue', 'the date the plan was made');

    return this.unitOfWork.command(async (manager) => {
      const citizen = await lockCitizen(manager, citizenId);
      const existing = await manager.findOneBy(JobPlan, { citizenId, periodId: citizen.currentPeriodId });
      if (existing) {
        throw new ConflictProblem('job-plan-exists', `Citizen ${citizenId} already has job plan ${existing.id} in the current case period; revise it instead`);
      }
      const plan = manager.create(JobPlan, {
        id: randomUUID(),
        tenantId: TenantContext.currentTenant(),
        citizenId,
        periodId: citizen.currentPeriodId,
        createdOn,
        currentRevision: 1,
        lastRevisedOn: createdOn,
        nextRevisionDue,
      });
      await manager.insert(JobPlan, plan);
      // A new plan's goals are all new (the create DTO has no goalId).
      const goals = command.goals.map((goal) => ({ ...goal, goalId: randomUUID() }));
      await this.insertRevision(manager, plan, goals);
      await this.events.publish(
        manager,
        JobPlanCreated,
        { citizenId, jobPlanId: plan.id, createdOn, nextRevisionDue, goals: goals.map(({ goalId, kind, targetDate }) => ({ goalId, kind, targetDate })) },
        createdOn,
      );
      return (await this.views(manager, [plan], citizen.currentPeriodId))[0];
    });
  }

  /** Replaces the plan's goals in a new revision (2, 3, ...); publishes JobPlanRevised. */
  revise(jobPlanId: string, command: ReviseJobPlanDto): Promise<JobPlanView> {
    const revisedOn = command.revisedOn ?? copenhagenToday();
    const nextRevisionDue = command.nextRevisionDue ?? addCalendarMonths(revisedOn, JOB_PLAN_REVISION_INTERVAL_MONTHS);
    assertNotBefore(nextRevisionDue, revisedOn, 'nextRevisionDue', 'the date of the revision');

    return this.unitOfWork.command(async (manager) => {
      const found = await manager.findOneBy(JobPlan, { id: jobPlanId });
      if (!found) throw new NotFoundProblem(`Job plan ${jobPlanId} not found`);
      const citizen = await lockCitizen(manager, found.citizenId);
      // Read again under the citizen's lock: a concurrent revision may have committed meanwhile.
      const plan = (await manager.findOneBy(JobPlan, { id: jobPlanId }))!;
      if (plan.periodId !== citizen.currentPeriodId) {
        throw new ConflictProblem('job-plan-not-current', `Job plan ${jobPlanId} belongs to an earlier case period; make a new plan instead`);
      }
      if (compareIsoDates(revisedOn, plan.lastRevisedOn) < 0) {
        throw new ConflictProblem('job-plan-revision-before-last', `A revision on ${revisedOn} would be before the last one on ${plan.lastRevisedOn}`);
      }
      const known = await manager.query(`SELECT DISTINCT goal_id FROM job_plan_goal WHERE job_plan_id = $1`, [jobPlanId]);
      const { goals, problems } = assignGoalIds(command.goals, new Set(known.map((row: { goal_id: string }) => row.goal_id)), randomUUID);
      if (problems.length > 0) {
        throw badInput(
          ...problems.map(({ index, problem }) => ({
            field: `goals.${index}.goalId`,
            code: problem === 'unknown' ? 'unknownGoal' : 'duplicateGoal',
            message: problem === 'unknown' ? 'is not a goal of this job plan' : 'is given more than once',
          })),
        );
      }
      plan.currentRevision += 1;
      plan.lastRevisedOn = revisedOn;
      plan.nextRevisionDue = nextRevisionDue;
      await manager.update(JobPlan, { id: plan.id }, { currentRevision: plan.currentRevision, lastRevisedOn: revisedOn, nextRevisionDue });
      await this.insertRevision(manager, plan, goals);
      await this.events.publish(
        manager,
        JobPlanRevised,
        {
          citizenId: plan.citizenId,
          jobPlanId: plan.id,
          revision: plan.currentRevision,
          revisedOn,
          nextRevisionDue,
          goals: goals.map(({ goalId, kind, targetDate }) => ({ goalId, kind, targetDate })),
        },
        revisedOn,
      );
      return (await this.views(manager, [plan], citizen.currentPeriodId))[0];
    });
  }

  async get(jobPlanId: string): Promise<JobPlanView> {
    return this.unitOfWork.run(async (manager) => {
      const plan = await manager.findOneBy(JobPlan, { id: jobPlanId });
      if (!plan) throw new NotFoundProblem(`Job plan ${jobPlanId} not found`);
      const citizen = await manager.findOneByOrFail(Citizen, { id: plan.citizenId });
      return (await this.views(manager, [plan], citizen.currentPeriodId))[0];
    });
  }

  async ofCitizen(citizenId: string): Promise<CitizenJobPlansView> {
    return this.unitOfWork.run(async (manager) => {
      const citizen = await manager.findOneBy(Citizen, { id: citizenId });
      if (!citizen) throw new NotFoundProblem(`Citizen ${citizenId} not found`);
      const plans = await manager.find(JobPlan, { where: { citizenId }, order: { createdOn: 'DESC' } });
      return { citizenId, jobPlans: await this.views(manager, plans, citizen.currentPeriodId) };
    });
  }

  /**
   * Active citizens aged 18-60 on `date` without a job plan made on or before it in their current
   * case period. Status and period are today's: the question is "whom must we make a plan with".
   */
  async missing(query: MissingJobPlansQuery): Promise<MissingJobPlansView> {
    const date = query.date ?? copenhagenToday();
    const parameters: unknown[] = [date, query.areaCode ?? null];
    const inScope = citizenScopeCondition(this.dataScope.current(), 'c', positional(parameters));
    const rows: Array<{ id: string; name: string; area_code: string; birth_date: string }> = await this.unitOfWork.run((manager) =>
      manager.query(
        `SELECT c.id, c.name, c.area_code, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date
           FROM citizen c
          WHERE c.status = 'active'
            AND ($2::text IS NULL OR c.area_code = $2)
            AND ${inScope}
            -- a coarse bound the exact age rule below narrows down
            AND c.birth_date BETWEEN $1::date - interval '62 years' AND $1::date - interval '17 years'
            AND NOT EXISTS (SELECT 1 FROM job_plan p
                             WHERE p.citizen_id = c.id AND p.period_id = c.current_period_id AND p.created_on <= $1::date)
          ORDER BY c.area_code, c.name, c.id`,
        parameters,
      ),
    );
    const citizens = rows
      .filter((row) => isInJobPlanAgeRange(row.birth_date, date))
      .map((row) => ({ id: row.id, name: row.name, areaCode: row.area_code, age: ageOn(row.birth_date, date) }));
    return { date, count: citizens.length, citizens };
  }

  private async insertRevision(manager: EntityManager, plan: JobPlan, goals: Array<JobPlanGoalDto & { goalId: string }>): Promise<void> {
    await manager.insert(JobPlanRevision, {
      tenantId: plan.tenantId,
      jobPlanId: plan.id,
      revision: plan.currentRevision,
      revisedOn: plan.lastRevisedOn,
      nextRevisionDue: plan.nextRevisionDue,
    });
    await manager.insert(
      JobPlanGoal,
      goals.map((goal, position) => ({
        tenantId: plan.tenantId,
        jobPlanId: plan.id,
        revision: plan.currentRevision,
        goalId: goal.goalId,
        position,
        kind: goal.kind,
        description: goal.description,
        targetDate: goal.targetDate,
      })),
    );
  }

  private async views(manager: EntityManager, plans: JobPlan[], currentPeriodId: string): Promise<JobPlanView[]> {
    if (plans.length === 0) return [];
    const ids = plans.map((plan) => plan.id);
    const revisions = await manager.find(JobPlanRevision, { where: { jobPlanId: In(ids) }, order: { revision: 'ASC' } });
    const goals = await manager.find(JobPlanGoal, { where: { jobPlanId: In(ids) }, order: { revision: 'ASC', position: 'ASC' } });
    const goalsOf = (jobPlanId: string, revision: number): JobPlanGoalView[] =>
      goals
        .filter((goal) => goal.jobPlanId === jobPlanId && goal.revision === revision)
        .map((goal) => ({ goalId: goal.goalId, kind: goal.kind, description: goal.description, targetDate: goal.targetDate }));
    return plans.map((plan) => ({
      id: plan.id,
      citizenId: plan.citizenId,
      periodId: plan.periodId,
      createdOn: plan.createdOn,
      currentRevision: plan.currentRevision,
      lastRevisedOn: plan.lastRevisedOn,
      nextRevisionDue: plan.nextRevisionDue,
      current: plan.periodId === currentPeriodId,
      goals: goalsOf(plan.id, plan.currentRevision),
      revisions: revisions
        .filter((revision) => revision.jobPlanId === plan.id)
        .map((revision) => ({
          revision: revision.revision,
          revisedOn: revision.revisedOn,
          nextRevisionDue: revision.nextRevisionDue,
          goals: goalsOf(plan.id, revision.revision),
        })),
    }));
  }
}

