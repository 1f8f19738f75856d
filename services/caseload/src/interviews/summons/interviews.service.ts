import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull } from 'typeorm';
import { InterviewCancelled, InterviewHeld, InterviewNoShow, InterviewPlace, InterviewSummoned } from '@fremskudt/contracts';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { copenhagenToday } from '../../case/calendar';
import { CaseEvents } from '../../case/case-events';
import { CasePeriod } from '../../case/case-period.entity';
import { lockCitizen } from '../../case/citizen-lock';
import { Citizen } from '../../citizens/citizen.entity';
import { addWorkingDays, compareIsoDates, copenhagenDateOf, isOverdue, IsoDate, isTimely } from '../../rules';
import { TenantSettingsService } from '../../settings/tenant-settings';
import { ConsultantTask } from '../tasks/consultant-task.entity';
import { TasksService } from '../tasks/tasks.service';
import { assertNotAfterToday } from '../validation';
import { CitizenInterviewStatus } from './citizen-interview-status.entity';
import { Interview } from './interview.entity';
import { dueDateForInterviewHeldOn, InterviewClock, interviewClock } from './interview-due';
import { CitizenInterviewsView, InterviewView, RecordOutcomeDto, SummonCitizenDto } from './interview.dto';

const toInterviewView = (interview: Interview, followUpTaskId: string | null): InterviewView => ({
  id: interview.id,
  citizenId: interview.citizenId,
  periodId: interview.periodId,
  source: interview.source,
  place: interview.place,
  areaCode: interview.areaCode,
  scheduledAt: interview.scheduledAt?.toISOString() ?? null,
  summonedAt: interview.summonedAt?.toISOString() ?? null,
  dueDate: interview.dueDate,
  outcome: interview.outcome,
  heldOn: interview.heldOn,
  heldPlace: interview.heldPlace,
  heldAreaCode: interview.heldAreaCode,
  onTime: interview.onTime,
  nextDueDate: interview.nextDueDate,
  cancelledBy: interview.cancelledBy,
  followUpDue: interview.followUpDue,
  followUpTaskId,
  outcomeRecordedAt: interview.outcomeRecordedAt?.toISOString() ?? null,
});

/** Where and when an interview was held, from a recorded outcome or from open counselling. */
export interface HeldInterview {
  heldOn: IsoDate;
  place: InterviewPlace;
  areaCode: string | null;
}

/**
 * Summonses, their outcomes and the citizen's interview clock. Every change runs under the
 * citizen's row lock and refreshes citizen_interview_status in the same transaction.
 */
@Injectable()
export class InterviewsService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(CaseEvents) private readonly events: CaseEvents,
    @Inject(TenantSettingsService) private readonly settings: TenantSettingsService,
    @Inject(TasksService) private readonly tasks: TasksService,
  ) {}

  summon(citizenId: string, command: SummonCitizenDto): Promise<InterviewView> {
    return this.unitOfWork.command(async (manager) => {
      const citizen = await lockCitizen(manager, citizenId);
      const clock = await this.clockOf(manager, citizen);
      const summonedAt = new Date();
      const interview = manager.create(Interview, {
        id: randomUUID(),
        tenantId: TenantContext.currentTenant(),
        citizenId: citizen.id,
        periodId: citizen.currentPeriodId,
        source: 'summons',
        place: command.place,
        areaCode: command.areaCode ?? null,
        scheduledAt: new Date(command.scheduledAt),
        summonedAt,
        dueDate: clock.nextDueDate,
        outcome: null,
        outcomeRecordedAt: null,
        heldOn: null,
        heldPlace: null,
        heldAreaCode: null,
        onTime: null,
        nextDueDate: null,
        cancelledBy: null,
        followUpDue: null,
        counsellingVisitId: null,
      });
      await manager.insert(Interview, interview);
      await this.events.publish(
        manager,
        InterviewSummoned,
        {
          citizenId: citizen.id,
          interviewId: interview.id,
          place: interview.place,
          areaCode: interview.areaCode,
          dueDate: interview.dueDate,
          scheduledAt: interview.scheduledAt!.toISOString(),
        },
        copenhagenDateOf(summonedAt),
      );
      await this.refreshStatus(manager, citizen);
      return toInterviewView(interview, null);
    });
  }

  recordOutcome(interviewId: string, command: RecordOutcomeDto): Promise<InterviewView> {
    return this.unitOfWork.command(async (manager) => {
      const found = await manager.findOne(Interview, { where: { id: interviewId }, select: { id: true, citizenId: true } });
      if (!found) throw new NotFoundProblem(`Interview ${interviewId} not found`);
      // The citizen's lock first (as every command on the citizen), then the interview as it is now.
      const citizen = await lockCitizen(manager, found.citizenId);
      const interview = await manager.findOneByOrFail(Interview, { id: interviewId });
      if (interview.outcome !== null) {
        throw new ConflictProblem('outcome-already-recorded', `Interview ${interviewId} already has the outcome ${interview.outcome}`);
      }
      const today = copenhagenToday();
      if (command.outcome === 'held') {
        assertNotAfterToday('heldOn', command.heldOn!, today);
        await this.markHeld(manager, citizen, interview, { heldOn: command.heldOn!, place: interview.place, areaCode: interview.areaCode });
        return toInterviewView(interview, null);
      }

      const scheduledOn = copenhagenDateOf(interview.scheduledAt!);
      const clock = await this.clockOf(manager, citizen);
      interview.dueDate = clock.nextDueDate;
      interview.outcome = command.outcome;
      interview.outcomeRecordedAt = new Date();
      const common = {
        citizenId: citizen.id,
        interviewId: interview.id,
        place: interview.place,
        areaCode: interview.areaCode,
        dueDate: interview.dueDate,
        scheduledAt: interview.scheduledAt!.toISOString(),
      };
      if (command.outcome === 'cancelled') {
        interview.cancelledBy = command.cancelledBy!;
        await this.save(manager, interview);
        await this.events.publish(manager, InterviewCancelled, { ...common, cancelledBy: interview.cancelledBy }, today);
        await this.refreshStatus(manager, citizen);
        return toInterviewView(interview, null);
      }

      // A no-show can only be seen once the time has come.
      if (compareIsoDates(scheduledOn, today) > 0) {
        throw new ConflictProblem('interview-not-yet-scheduled', `Interview ${interviewId} is scheduled for ${scheduledOn}; a no-show can be recorded from that day`);
      }
      const { noShowFollowUpWorkingDays } = await this.settings.current(manager);
      interview.followUpDue = addWorkingDays(scheduledOn, noShowFollowUpWorkingDays);
      await this.save(manager, interview);
      await this.events.publish(manager, InterviewNoShow, { ...common, followUpDue: interview.followUpDue }, scheduledOn);
      const task = await this.tasks.create(
        manager,
        { kind: 'no-show-follow-up', citizenId: citizen.id, dueDate: interview.followUpDue, interviewId: interview.id },
        today,
      );
      await this.refreshStatus(manager, citizen);
      return toInterviewView(interview, task.id);
    });
  }

  /**
   * Records an interview as held (a summons' outcome, or an interview from open counselling) and
   * publishes InterviewHeld: measured against the deadline that applied on the held date, and
   * restarting the clock from it. The caller holds the citizen's lock.
   */
  async markHeld(manager: EntityManager, citizen: Citizen, interview: Interview, held: HeldInterview): Promise<void> {
    const { interviewIntervalMonths } = await this.settings.current(manager);
    const openedOn = await this.periodOpenedOn(manager, citizen);
    const otherHeld = (await this.heldDatesInPeriod(manager, citizen)).filter((row) => row.id !== interview.id).map((row) => row.heldOn);
    const dueDate = dueDateForInterviewHeldOn(openedOn, otherHeld, held.heldOn, interviewIntervalMonths);
    const nextDueDate = interviewClock(openedOn, [...otherHeld, held.heldOn], interviewIntervalMonths).nextDueDate;

    interview.dueDate = dueDate;
    interview.outcome = 'held';
    interview.outcomeRecordedAt = new Date();
    interview.heldOn = held.heldOn;
    interview.heldPlace = held.place;
    interview.heldAreaCode = held.areaCode;
    interview.onTime = isTimely(held.heldOn, dueDate);
    interview.nextDueDate = nextDueDate;
    await this.save(manager, interview);
    await this.events.publish(
      manager,
      InterviewHeld,
      {
        citizenId: citizen.id,
        interviewId: interview.id,
        place: held.place,
        areaCode: held.areaCode,
        dueDate,
        heldOn: held.heldOn,
        onTime: interview.onTime,
        nextDueDate,
      },
      held.heldOn,
    );
    await this.refreshStatus(manager, citizen);
  }

  /** The earliest open summons of the citizen's current period (the one an early interview answers). */
  openSummons(manager: EntityManager, citizen: Citizen): Promise<Interview | null> {
    return manager.findOne(Interview, {
      where: { citizenId: citizen.id, periodId: citizen.currentPeriodId, outcome: IsNull() },
      order: { scheduledAt: 'ASC', id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  listForCitizen(citizenId: string): Promise<CitizenInterviewsView> {
    return this.unitOfWork.run(async (manager) => {
      const citizen = await manager.findOneBy(Citizen, { id: citizenId });
      if (!citizen) throw new NotFoundProblem(`Citizen ${citizenId} not found`);
      const clock = await this.clockOf(manager, citizen);
      const interviews = await manager.find(Interview, { where: { citizenId } });
      const followUps = await this.followUpTaskIds(manager, interviews);
      const when = (interview: Interview) => interview.scheduledAt?.toISOString() ?? `${interview.heldOn}T12:00:00.000Z`;
      interviews.sort((a, b) => when(a).localeCompare(when(b)) || a.id.localeCompare(b.id));
      return {
        citizenId,
        periodId: citizen.currentPeriodId,
        lastHeldOn: clock.lastHeldOn,
        nextDueDate: clock.nextDueDate,
        overdue: isOverdue(clock.nextDueDate, copenhagenToday()),
        interviews: interviews.map((interview) => toInterviewView(interview, followUps.get(interview.id) ?? null)),
      };
    });
  }

  get(interviewId: string): Promise<InterviewView> {
    return this.unitOfWork.run(async (manager) => {
      const interview = await manager.findOneBy(Interview, { id: interviewId });
      if (!interview) throw new NotFoundProblem(`Interview ${interviewId} not found`);
      const followUps = await this.followUpTaskIds(manager, [interview]);
      return toInterviewView(interview, followUps.get(interview.id) ?? null);
    });
  }

  /** The citizen's clock in the current period, from the interviews themselves. */
  async clockOf(manager: EntityManager, citizen: Citizen): Promise<InterviewClock> {
    const { interviewIntervalMonths } = await this.settings.current(manager);
    const held = await this.heldDatesInPeriod(manager, citizen);
    return interviewClock(await this.periodOpenedOn(manager, citizen), held.map((row) => row.heldOn), interviewIntervalMonths);
  }

  /** Rewrites the citizen's row in citizen_interview_status from the interviews of the current period. */
  async refreshStatus(manager: EntityManager, citizen: Citizen): Promise<void> {
    const clock = await this.clockOf(manager, citizen);
    const [open] = (await manager.query(
      `SELECT count(*)::int AS open_summonses, min(scheduled_at) AS next_scheduled_at
         FROM interview WHERE citizen_id = $1 AND period_id = $2 AND outcome IS NULL`,
      [citizen.id, citizen.currentPeriodId],
    )) as Array<{ open_summonses: number; next_scheduled_at: Date | null }>;
    await manager.upsert(
      CitizenInterviewStatus,
      {
        citizenId: citizen.id,
        tenantId: citizen.tenantId,
        periodId: citizen.currentPeriodId,
        lastHeldOn: clock.lastHeldOn,
        nextDueDate: clock.nextDueDate,
        nextScheduledAt: open.next_scheduled_at,
        openSummonses: open.open_summonses,
        updatedAt: new Date(),
      },
      ['citizenId'],
    );
  }

  private async save(manager: EntityManager, interview: Interview): Promise<void> {
    const { id, ...changes } = interview;
    await manager.update(Interview, { id }, changes);
  }

  private async periodOpenedOn(manager: EntityManager, citizen: Citizen): Promise<IsoDate> {
    const period = await manager.findOneByOrFail(CasePeriod, { id: citizen.currentPeriodId });
    return period.openedOn;
  }

  private async heldDatesInPeriod(manager: EntityManager, citizen: Citizen): Promise<Array<{ id: string; heldOn: IsoDate }>> {
    const rows = await manager.find(Interview, {
      where: { citizenId: citizen.id, periodId: citizen.currentPeriodId, outcome: 'held' },
      select: { id: true, heldOn: true },
    });
    return rows.map((row) => ({ id: row.id, heldOn: row.heldOn! }));
  }

  private async followUpTaskIds(manager: EntityManager, interviews: Interview[]): Promise<Map<string, string>> {
    const noShows = interviews.filter((interview) => interview.outcome === 'no-show').map((interview) => interview.id);
    if (noShows.length === 0) return new Map();
    const tasks = await manager.find(ConsultantTask, { where: { interviewId: In(noShows) } });
    return new Map(tasks.map((task) => [task.interviewId!, task.id]));
  }
}
