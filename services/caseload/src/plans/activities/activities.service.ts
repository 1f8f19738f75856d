import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { HomeVisitHeld, RoundTableMeetingHeld } from '@fremskudt/contracts';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { NotFoundProblem } from '@fremskudt/service-kit';
import { CaseEvents } from '../../case/case-events';
import { lockCitizen } from '../../case/citizen-lock';
import { Citizen } from '../../citizens/citizen.entity';
import { badInput } from '../../case/validation';
import { ActivityView, CitizenActivitiesView, HomeVisitDto, LocalActorDto, RoundTableMeetingDto } from './activity.dto';
import { Activity, ActivityKind, ActivityLocalActor } from './activity.entities';

@Injectable()
export class ActivitiesService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(CaseEvents) private readonly events: CaseEvents,
  ) {}

  /** Records a home visit; publishes HomeVisitHeld (without the note). */
  recordHomeVisit(citizenId: string, command: HomeVisitDto): Promise<ActivityView> {
    return this.unitOfWork.command(async (manager) => {
      const activity = await this.insert(manager, citizenId, 'home-visit', command, []);
      await this.events.publish(
        manager,
        HomeVisitHeld,
        { citizenId, activityId: activity.id, heldOn: activity.heldOn, staffId: activity.staffId },
        activity.heldOn,
      );
      return activity;
    });
  }

  /** Records a round-table meeting; publishes RoundTableMeetingHeld with the actors' codes (names stay here). */
  recordRoundTableMeeting(citizenId: string, command: RoundTableMeetingDto): Promise<ActivityView> {
    const seen = new Set<string>();
    const duplicates = command.localActors.flatMap((actor, index) => (seen.has(actor.code) ? [index] : (seen.add(actor.code), [])));
    if (duplicates.length > 0) {
      throw badInput(...duplicates.map((index) => ({ field: `localActors.${index}.code`, code: 'duplicateActor', message: 'is given more than once' })));
    }
    return this.unitOfWork.command(async (manager) => {
      const activity = await this.insert(manager, citizenId, 'round-table-meeting', command, command.localActors);
      await this.events.publish(
        manager,
        RoundTableMeetingHeld,
        {
          citizenId,
          activityId: activity.id,
          heldOn: activity.heldOn,
          staffId: activity.staffId,
          localActorCodes: command.localActors.map((actor) => actor.code),
        },
        activity.heldOn,
      );
      return activity;
    });
  }

  async ofCitizen(citizenId: string): Promise<CitizenActivitiesView> {
    return this.unitOfWork.run(async (manager) => {
      if (!(await manager.existsBy(Citizen, { id: citizenId }))) throw new NotFoundProblem(`Citizen ${citizenId} not found`);
      const activities = await manager.find(Activity, { where: { citizenId }, order: { heldOn: 'ASC', recordedAt: 'ASC' } });
      const actors = activities.length
        ? await manager.find(ActivityLocalActor, { where: { activityId: In(activities.map((a) => a.id)) }, order: { position: 'ASC' } })
        : [];
      return {
        citizenId,
        activities: activities.map((activity) =>
          toActivityView(
            activity,
            actors.filter((actor) => actor.activityId === activity.id),
          ),
        ),
      };
    });
  }

  private async insert(
    manager: EntityManager,
    citizenId: string,
    kind: ActivityKind,
    command: HomeVisitDto,
    localActors: LocalActorDto[],
  ): Promise<ActivityView> {
    const citizen = await lockCitizen(manager, citizenId);
    const activity = manager.create(Activity, {
      id: randomUUID(),
      tenantId: TenantContext.currentTenant(),
      citizenId,
      periodId: citizen.currentPeriodId,
      kind,
      heldOn: command.heldOn,
      staffId: command.staffId,
      note: command.note ?? null,
      recordedAt: new Date(),
    });
    await manager.insert(Activity, activity);
    const actors = localActors.map((actor, position) => ({ tenantId: activity.tenantId, activityId: activity.id, code: actor.code, name: actor.name, position }));
    if (actors.length > 0) await manager.insert(ActivityLocalActor, actors);
    return toActivityView(activity, actors);
  }
}

const toActivityView = (activity: Activity, actors: Array<Pick<ActivityLocalActor, 'code' | 'name'>>): ActivityView => ({
  id: activity.id,
  citizenId: activity.citizenId,
  periodId: activity.periodId,
  kind: activity.kind,
  heldOn: activity.heldOn,
  staffId: activity.staffId,
  note: activity.note,
  localActors: actors.map(({ code, name }) => ({ code, name })),
  recordedAt: activity.recordedAt.toISOString(),
});
