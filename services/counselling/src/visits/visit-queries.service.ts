import { Inject, Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { UnitOfWork } from '@fremskudt/persistence';
import { NotFoundProblem } from '@fremskudt/service-kit';
import { DeskSession } from '../desks/desk.entities';
import { DeskVisitsView, EndedEntryView, InTalkEntryView, QueueEntryView, QueueView, VisitView, WaitingEntryView } from './visit.dto';
import { Referral, Visit } from './visit.entities';
import { copenhagenDateOf, COUNSELLING_TIME_ZONE, waitedSeconds } from './visit-rules';
import { toVisitView } from './visit-views';
import { badInput, findDesk } from './visits.service';

/** The longest period one listing answers, so a desk's history comes in pieces a client can handle. */
export const MAX_LISTING_DAYS = 366;

const entry = (visit: Visit): QueueEntryView => ({
  visitId: visit.id,
  visitorKind: visit.visitorKind,
  citizenId: visit.citizenId,
  arrival: visit.arrival,
  requestedStaffId: visit.requestedStaffId,
  checkedInAt: visit.checkedInAt.toISOString(),
});

@Injectable()
export class VisitQueriesService {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  get(visitId: string): Promise<VisitView> {
    return this.unitOfWork.run(async (manager) => {
      const visit = await manager.findOneBy(Visit, { id: visitId });
      if (!visit) throw new NotFoundProblem(`Visit ${visitId} not found`);
      const referrals = await manager.find(Referral, { where: { visitId }, order: { partnerCode: 'ASC' } });
      return toVisitView(visit, referrals);
    });
  }

  /** The desk's visits checked in on Copenhagen dates `from` to `to` (inclusive), in check-in order. */
  deskVisits(deskId: string, from?: string, to?: string): Promise<DeskVisitsView> {
    const first = from ?? to ?? copenhagenDateOf(new Date());
    const last = to ?? first;
    if (last < first) throw badInput([{ field: 'to', code: 'dateOrder', message: 'must not be before from' }]);
    const days = (Date.parse(last) - Date.parse(first)) / 86_400_000 + 1;
    if (days > MAX_LISTING_DAYS) throw badInput([{ field: 'to', code: 'periodTooLong', message: `the period must not be longer than ${MAX_LISTING_DAYS} days` }]);
    return this.unitOfWork.run(async (manager) => {
      await findDesk(manager, deskId);
      // Bounds as Copenhagen midnights, so the index on (desk_id, checked_in_at) answers it.
      const visits = await manager
        .createQueryBuilder(Visit, 'visit')
        .where('visit.deskId = :deskId', { deskId })
        .andWhere(`visit.checkedInAt >= (CAST(:first AS date)::timestamp AT TIME ZONE :zone)`, { first, zone: COUNSELLING_TIME_ZONE })
        .andWhere(`visit.checkedInAt < ((CAST(:last AS date) + 1)::timestamp AT TIME ZONE :zone)`, { last })
        .orderBy('visit.checkedInAt', 'ASC')
        .addOrderBy('visit.queueSeq', 'ASC')
        .getMany();
      const referrals = visits.length ? await manager.find(Referral, { where: { visitId: In(visits.map((visit) => visit.id)) }, order: { partnerCode: 'ASC' } }) : [];
      return {
        deskId,
        from: first,
        to: last,
        visits: visits.map((visit) => toVisitView(visit, referrals.filter((referral) => referral.visitId === visit.id))),
      };
    });
  }

  /** The live queue: who waits (check-in order, with the wait so far), who is in talk, and who finished today. */
  queue(deskId: string): Promise<QueueView> {
    return this.unitOfWork.run(async (manager) => {
      await findDesk(manager, deskId);
      const asOf = new Date();
      const openSession = await manager.findOneBy(DeskSession, { deskId, closedAt: IsNull() });
      const inQueue = await manager.find(Visit, { where: { deskId, status: In(['waiting', 'in-talk']) }, order: { queueSeq: 'ASC' } });
      const endedToday = await manager
        .createQueryBuilder(Visit, 'visit')
        .where('visit.deskId = :deskId', { deskId })
        .andWhere(`visit.status IN ('done', 'left')`)
        .andWhere(`visit.endedAt >= (CAST(:today AS date)::timestamp AT TIME ZONE :zone)`, { today: copenhagenDateOf(asOf), zone: COUNSELLING_TIME_ZONE })
        .orderBy('visit.endedAt', 'ASC')
        .getMany();

      const waiting = inQueue
        .filter((visit) => visit.status === 'waiting')
        .map((visit, index): WaitingEntryView => ({ ...entry(visit), position: index + 1, waitingSeconds: waitedSeconds(visit.checkedInAt, asOf) }));
      const inTalk = inQueue
        .filter((visit) => visit.status === 'in-talk')
        .sort((a, b) => a.talkStartedAt!.getTime() - b.talkStartedAt!.getTime())
        .map(
          (visit): InTalkEntryView => ({
            ...entry(visit),
            staffId: visit.staffId!,
            talkStartedAt: visit.talkStartedAt!.toISOString(),
            waitedSeconds: waitedSeconds(visit.checkedInAt, visit.talkStartedAt!),
          }),
        );
      const ended = endedToday.map(
        (visit): EndedEntryView => ({
          ...entry(visit),
          status: visit.status,
          staffId: visit.staffId,
          waitedSeconds: visit.talkStartedAt ? waitedSeconds(visit.checkedInAt, visit.talkStartedAt) : null,
          endedAt: visit.endedAt!.toISOString(),
        }),
      );
      return { deskId, openSessionId: openSession?.id ?? null, asOf: asOf.toISOString(), waiting, inTalk, endedToday: ended };
    });
  }
}
