import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, FindOptionsWhere, IsNull, Not } from 'typeorm';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { COPENHAGEN_TIME_ZONE, copenhagenToday, daysBetween, addDays, formatCopenhagen } from './copenhagen-time';
import { Desk, DeskSession } from './desk.entities';
import {
  exceptionsOf,
  findDesk,
  lockDesk,
  openSessionIdOf,
  toDeskView,
  toExceptionView,
  toScheduleException,
  weeklyScheduleOf,
} from './desk-store';
import {
  CalendarQuery,
  CalendarView,
  ChangeDeskDto,
  CreateDeskDto,
  CreateExceptionDto,
  DesksQuery,
  DeskView,
  ExceptionView,
  OpeningHoursView,
  ReplaceOpeningHoursDto,
} from './desks.dto';
import { calendar, CalendarDay, overlapsCalendar, sortWeekly, WeeklyOpening, weeklyScheduleProblems } from './schedule';
import { DeskException, DeskOpeningHours } from './schedule.entities';
import { badInput } from './validation';

/** The longest calendar one request may ask for. */
export const MAX_CALENDAR_DAYS = 366;

export const toCalendarDayView = (day: CalendarDay) => ({
  date: day.date,
  weekday: day.weekday,
  closed: day.closed,
  closedReason: day.closedReason,
  sessions: day.sessions.map((session) => ({
    opens: session.opens,
    closes: session.closes,
    startsAt: formatCopenhagen(session.startsAt),
    endsAt: formatCopenhagen(session.endsAt),
    extra: session.extra,
    exceptionId: session.exceptionId,
  })),
});

/** Inserts a desk's weekly schedule, replacing (not deleting) the rows in force. */
export async function writeWeeklySchedule(manager: EntityManager, deskId: string, weekly: readonly WeeklyOpening[], now: Date): Promise<void> {
  await manager.update(DeskOpeningHours, { deskId, replacedAt: IsNull() }, { replacedAt: now });
  const tenantId = TenantContext.currentTenant();
  const rows = sortWeekly(weekly).map((opening) => ({ id: randomUUID(), tenantId, deskId, ...opening, replacedAt: null }));
  if (rows.length) await manager.insert(DeskOpeningHours, rows);
}

/** 409 desk-exists when the area already has a desk of that name (other than `exceptId`). */
export async function assertNameFree(manager: EntityManager, areaCode: string, name: string, exceptId?: string): Promise<void> {
  const where: FindOptionsWhere<Desk> = { areaCode, name };
  if (exceptId) where.id = Not(exceptId);
  if (await manager.existsBy(Desk, where)) throw new ConflictProblem('desk-exists', `Area ${areaCode} already has a desk named ${JSON.stringify(name)}`);
}

@Injectable()
export class DesksService {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  create(command: CreateDeskDto): Promise<DeskView> {
    return this.unitOfWork.command(async (manager) => {
      // Serialises creating desks of one area, so the name check holds.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('counselling.desk-area:' || current_setting('app.tenant_id') || ':' || $1))`, [command.areaCode]);
      await assertNameFree(manager, command.areaCode, command.name);
      const desk = manager.create(Desk, {
        id: randomUUID(),
        tenantId: TenantContext.currentTenant(),
        areaCode: command.areaCode,
        name: command.name,
        location: command.location,
        active: true,
      });
      await manager.insert(Desk, desk);
      return toDeskView(desk, null);
    });
  }

  list(query: DesksQuery): Promise<DeskView[]> {
    return this.unitOfWork.run(async (manager) => {
      const where: FindOptionsWhere<Desk> = {};
      if (query.areaCode !== undefined) where.areaCode = query.areaCode;
      if (query.active !== undefined) where.active = query.active;
      const desks = await manager.find(Desk, { where, order: { areaCode: 'ASC', name: 'ASC', id: 'ASC' } });
      const open = await manager.find(DeskSession, { where: { closedAt: IsNull() }, select: { id: true, deskId: true } });
      const openByDesk = new Map(open.map((session) => [session.deskId, session.id]));
      return desks.map((desk) => toDeskView(desk, openByDesk.get(desk.id) ?? null));
    });
  }

  get(id: string): Promise<DeskView> {
    return this.unitOfWork.run(async (manager) => toDeskView(await findDesk(manager, id), await openSessionIdOf(manager, id)));
  }

  change(id: string, command: ChangeDeskDto): Promise<DeskView> {
    return this.unitOfWork.command(async (manager) => {
      const desk = await lockDesk(manager, id);
      const openSessionId = await openSessionIdOf(manager, id);
      if (command.active === false && openSessionId) {
        throw new ConflictProblem('desk-session-open', `Desk ${id} has an open session; close it before closing the desk`);
      }
      if (command.name !== undefined && command.name !== desk.name) {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext('counselling.desk-area:' || current_setting('app.tenant_id') || ':' || $1))`, [desk.areaCode]);
        await assertNameFree(manager, desk.areaCode, command.name, id);
      }
      const next = { name: command.name ?? desk.name, location: command.location ?? desk.location, active: command.active ?? desk.active };
      await manager.update(Desk, { id }, next);
      return toDeskView(Object.assign(desk, next), openSessionId);
    });
  }

  openingHours(id: string): Promise<OpeningHoursView> {
    return this.unitOfWork.run(async (manager) => {
      await findDesk(manager, id);
      return this.openingHoursView(manager, id);
    });
  }

  replaceOpeningHours(id: string, command: ReplaceOpeningHoursDto): Promise<OpeningHoursView> {
    const problems = weeklyScheduleProblems(command.weekly);
    if (problems.length) throw badInput(...problems);
    return this.unitOfWork.command(async (manager) => {
      await lockDesk(manager, id);
      await writeWeeklySchedule(manager, id, command.weekly, new Date());
      return this.openingHoursView(manager, id);
    });
  }

  addException(id: string, command: CreateExceptionDto): Promise<ExceptionView> {
    assertExceptionShape(command);
    return this.unitOfWork.command(async (manager) => {
      await lockDesk(manager, id);
      const weekly = await weeklyScheduleOf(manager, id);
      const ofDay = await exceptionsOf(manager, id, command.date, command.date);
      if (command.kind === 'closed') {
        if (ofDay.some((exception) => exception.kind === 'closed')) {
          throw new ConflictProblem('closed-day-exists', `Desk ${id} is already closed on ${command.date}`);
        }
        if (await manager.existsBy(DeskSession, { deskId: id, date: command.date })) {
          throw new ConflictProblem('sessions-on-day', `Desk ${id} has sessions on ${command.date}; a day it opened can't be closed`);
        }
      } else {
        const clash = overlapsCalendar(weekly, ofDay, command.date, command.opens!, command.closes!);
        if (clash) {
          throw new ConflictProblem('exception-overlaps', `The extra session overlaps the session ${clash.opens}-${clash.closes} on ${command.date}`);
        }
      }
      const row = manager.create(DeskException, {
        id: randomUUID(),
        tenantId: TenantContext.currentTenant(),
        deskId: id,
        date: command.date,
        kind: command.kind,
        opens: command.kind === 'extra' ? command.opens! : null,
        closes: command.kind === 'extra' ? command.closes! : null,
        reason: command.reason ?? null,
        removedAt: null,
      });
      await manager.insert(DeskException, row);
      return toExceptionView(id, toScheduleException(row));
    });
  }

  removeException(id: string, exceptionId: string): Promise<null> {
    return this.unitOfWork.command(async (manager) => {
      await lockDesk(manager, id);
      const exception = await manager.findOneBy(DeskException, { id: exceptionId, deskId: id, removedAt: IsNull() });
      if (!exception) throw new NotFoundProblem(`Exception ${exceptionId} of desk ${id} not found`);
      await manager.update(DeskException, { id: exceptionId }, { removedAt: new Date() });
      return null;
    });
  }

  calendar(id: string, query: CalendarQuery): Promise<CalendarView> {
    const from = query.from ?? copenhagenToday();
    const to = query.to ?? addDays(from, 6);
    const span = daysBetween(from, to);
    if (span < 0) throw badInput({ field: 'to', code: 'dateOrder', message: 'must not be before from' });
    if (span >= MAX_CALENDAR_DAYS) throw badInput({ field: 'to', code: 'maxSpan', message: `must be at most ${MAX_CALENDAR_DAYS} days from from` });
    return this.unitOfWork.run(async (manager) => {
      const desk = await findDesk(manager, id);
      const weekly = await weeklyScheduleOf(manager, id);
      const exceptions = await exceptionsOf(manager, id, from, to);
      return {
        deskId: id,
        areaCode: desk.areaCode,
        from,
        to,
        timeZone: COPENHAGEN_TIME_ZONE,
        days: calendar(weekly, exceptions, from, to).map(toCalendarDayView),
      };
    });
  }

  private async openingHoursView(manager: EntityManager, id: string): Promise<OpeningHoursView> {
    return {
      deskId: id,
      timeZone: COPENHAGEN_TIME_ZONE,
      weekly: await weeklyScheduleOf(manager, id),
      exceptions: (await exceptionsOf(manager, id)).map((exception) => toExceptionView(id, exception)),
    };
  }
}

/** A closed day has no times; an extra session needs both, closing after opening. 400 naming the fields. */
function assertExceptionShape(command: CreateExceptionDto): void {
  if (command.kind === 'closed') {
    const given = (['opens', 'closes'] as const).filter((field) => command[field] !== undefined);
    if (given.length) throw badInput(...given.map((field) => ({ field, code: 'notForClosedDay', message: 'must be left out for a closed day' })));
    return;
  }
  const missing = (['opens', 'closes'] as const).filter((field) => command[field] === undefined);
  if (missing.length) throw badInput(...missing.map((field) => ({ field, code: 'requiredForExtra', message: 'is required for an extra session' })));
  if (command.closes! <= command.opens!) throw badInput({ field: 'closes', code: 'closesAfterOpens', message: 'must be after opens' });
}
