import { EntityManager, IsNull } from 'typeorm';
import { NotFoundProblem } from '@fremskudt/service-kit';
import { Desk, DeskSession } from './desk.entities';
import { DeskException, DeskOpeningHours } from './schedule.entities';
import { ScheduleException, sortWeekly, WeeklyOpening } from './schedule';
import { DeskView, ExceptionView } from './desks.dto';

/** Reading desks and their schedules inside a transaction; shared by the desk and session commands. */

/** 'HH:MM:SS' from PostgreSQL → 'HH:MM'. */
export const localTime = (value: string): string => value.slice(0, 5);

/**
 * Loads a desk for a command and locks its row until the transaction ends, so commands on one
 * desk (hours, exceptions, sessions) run one at a time. Unknown ids and other tenants' desks
 * (invisible under row-level security) are 404.
 */
export async function lockDesk(manager: EntityManager, deskId: string): Promise<Desk> {
  const desk = await manager.findOne(Desk, { where: { id: deskId }, lock: { mode: 'pessimistic_write' } });
  if (!desk) throw new NotFoundProblem(`Desk ${deskId} not found`);
  return desk;
}

export async function findDesk(manager: EntityManager, deskId: string): Promise<Desk> {
  const desk = await manager.findOneBy(Desk, { id: deskId });
  if (!desk) throw new NotFoundProblem(`Desk ${deskId} not found`);
  return desk;
}

export async function weeklyScheduleOf(manager: EntityManager, deskId: string): Promise<WeeklyOpening[]> {
  const rows = await manager.find(DeskOpeningHours, { where: { deskId, replacedAt: IsNull() } });
  return sortWeekly(rows.map((row) => ({ weekday: row.weekday, opens: localTime(row.opens), closes: localTime(row.closes) })));
}

export const toScheduleException = (row: DeskException): ScheduleException => ({
  id: row.id,
  date: row.date,
  kind: row.kind,
  opens: row.opens ? localTime(row.opens) : null,
  closes: row.closes ? localTime(row.closes) : null,
  reason: row.reason,
});

/** The desk's exceptions in force, from `from` to `to` (inclusive; all when not given), by date and time. */
export async function exceptionsOf(manager: EntityManager, deskId: string, from?: string, to?: string): Promise<ScheduleException[]> {
  const query = manager
    .createQueryBuilder(DeskException, 'e')
    .where('e.desk_id = :deskId AND e.removed_at IS NULL', { deskId })
    .orderBy('e.date', 'ASC')
    .addOrderBy('e.opens', 'ASC', 'NULLS FIRST')
    .addOrderBy('e.id', 'ASC');
  if (from) query.andWhere('e.date >= :from', { from });
  if (to) query.andWhere('e.date <= :to', { to });
  return (await query.getMany()).map(toScheduleException);
}

export const toExceptionView = (deskId: string, exception: ScheduleException): ExceptionView => ({
  id: exception.id,
  deskId,
  date: exception.date,
  kind: exception.kind,
  opens: exception.opens,
  closes: exception.closes,
  reason: exception.reason,
});

export async function openSessionIdOf(manager: EntityManager, deskId: string): Promise<string | null> {
  const session = await manager.findOne(DeskSession, { where: { deskId, closedAt: IsNull() }, select: { id: true } });
  return session?.id ?? null;
}

export const toDeskView = (desk: Desk, openSessionId: string | null): DeskView => ({
  id: desk.id,
  areaCode: desk.areaCode,
  name: desk.name,
  location: desk.location,
  active: desk.active,
  openSessionId,
});
