import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Between, EntityManager, In } from 'typeorm';
import { DeskSessionClosed, DeskSessionOpened } from '@fremskudt/contracts';
import { OutboxWriter } from '@fremskudt/messaging';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { copenhagenDateOf, copenhagenToday, daysBetween } from './copenhagen-time';
import { Desk, DeskSession, StaffMember } from './desk.entities';
import { exceptionsOf, findDesk, lockDesk, openSessionIdOf, weeklyScheduleOf } from './desk-store';
import { MAX_CALENDAR_DAYS } from './desks.service';
import { EXTRA_SESSION_HOURS, fitOpening } from './schedule';
import { ChangeSessionStaffDto, CloseSessionDto, ClosedSessionView, OpenSessionDto, SessionsQuery, SessionView, VisitCountsView } from './sessions.dto';
import { badInput } from './validation';

export const toSessionView = (session: DeskSession, areaCode: string): SessionView => ({
  id: session.id,
  deskId: session.deskId,
  areaCode,
  date: session.date,
  openedAt: session.openedAt.toISOString(),
  plannedCloseAt: session.plannedCloseAt.toISOString(),
  closedAt: session.closedAt?.toISOString() ?? null,
  open: session.closedAt === null,
  extra: session.extra,
  staffIds: session.staffIds,
});

/** The columns of the visits package's table this package counts by (it may not be there yet). */
const VISIT_COLUMNS = ['session_id', 'visitor_kind', 'arrival'];

/**
 * A session's visits split as the brief reports them: summoned (with a case), walk-in with a
 * case, and without a case (citizens without one and anonymous visitors). Read with SQL from the
 * visits package's `visit` table; zero when that table is not there.
 */
export async function visitCountsOf(manager: EntityManager, sessionId: string): Promise<VisitCountsView> {
  const [{ columns }] = (await manager.query(
    `SELECT count(*)::int AS columns FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'visit' AND column_name = ANY($1)`,
    [VISIT_COLUMNS],
  )) as Array<{ columns: number }>;
  if (columns < VISIT_COLUMNS.length) return { visits: 0, summoned: 0, walkInWithCase: 0, withoutCase: 0 };
  const [counts] = (await manager.query(
    `SELECT count(*)::int AS visits,
            count(*) FILTER (WHERE visitor_kind = 'citizen-with-case' AND arrival = 'summoned')::int AS summoned,
            count(*) FILTER (WHERE visitor_kind = 'citizen-with-case' AND arrival = 'walk-in')::int AS "walkInWithCase",
            count(*) FILTER (WHERE visitor_kind IS DISTINCT FROM 'citizen-with-case')::int AS "withoutCase"
       FROM visit WHERE session_id = $1`,
    [sessionId],
  )) as VisitCountsView[];
  return counts;
}

/**
 * Staff on duty must be active members of the outreach team as caseload last told us. An unknown
 * or inactive id is a 409 (not a 400): the request is well-formed, but our read model disagrees,
 * and a retry after caseload's event has arrived can succeed.
 */
async function assertStaffActive(manager: EntityManager, staffIds: readonly string[]): Promise<void> {
  const found = await manager.find(StaffMember, { where: { id: In([...staffIds]), active: true }, select: { id: true } });
  const known = new Set(found.map((member) => member.id));
  const missing = staffIds.filter((id) => !known.has(id));
  if (missing.length) throw new ConflictProblem('staff-not-active', `Not active staff members of the outreach team: ${missing.join(', ')}`);
}

const MS_PER_HOUR = 3_600_000;

@Injectable()
export class SessionsService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Opens the desk for a session at `at` (default now). Inside a planned session of the
   * calendar (from 30 minutes before it) it is that session, planned to close when it ends;
   * outside only as an extra session (3 hours) and never on a closed day.
   */
  open(deskId: string, command: OpenSessionDto): Promise<SessionView> {
    return this.unitOfWork.command(async (manager) => {
      const at = command.at ? new Date(command.at) : new Date();
      const desk = await lockDesk(manager, deskId);
      if (!desk.active) throw new ConflictProblem('desk-inactive', `Desk ${deskId} is closed down; reactivate it first`);
      const openSessionId = await openSessionIdOf(manager, deskId);
      if (openSessionId) throw new ConflictProblem('session-already-open', `Desk ${deskId} already has an open session (${openSessionId})`);

      const date = copenhagenDateOf(at);
      const fit = fitOpening(await weeklyScheduleOf(manager, deskId), await exceptionsOf(manager, deskId, date, date), at);
      let plannedCloseAt: Date;
      let extra: boolean;
      if (fit.kind === 'planned') {
        plannedCloseAt = fit.session.endsAt;
        extra = fit.session.extra;
      } else if (fit.kind === 'closed-day') {
        throw new ConflictProblem('desk-closed-day', `Desk ${deskId} is closed on ${date}${fit.reason ? ` (${fit.reason})` : ''}`);
      } else if (command.extra !== true) {
        throw new ConflictProblem('outside-opening-hours', `Desk ${deskId} has no planned session at ${at.toISOString()}; open an extra session (extra: true)`);
      } else {
        plannedCloseAt = new Date(at.getTime() + EXTRA_SESSION_HOURS * MS_PER_HOUR);
        extra = true;
      }
      const [overlap] = (await manager.query(
        `SELECT id FROM desk_session WHERE desk_id = $1 AND opened_at <= $2 AND closed_at > $2 LIMIT 1`,
        [deskId, at],
      )) as Array<{ id: string }>;
      if (overlap) throw new ConflictProblem('session-overlaps', `Desk ${deskId} was already open at ${at.toISOString()} (session ${overlap.id})`);
      await assertStaffActive(manager, command.staffIds);

      const session = manager.create(DeskSession, {
        id: randomUUID(),
        tenantId: TenantContext.currentTenant(),
        deskId,
        date,
        openedAt: at,
        plannedCloseAt,
        closedAt: null,
        extra,
        staffIds: command.staffIds,
      });
      await manager.insert(DeskSession, session);
      await this.outbox.publish(manager, DeskSessionOpened, {
        deskId,
        sessionId: session.id,
        areaCode: desk.areaCode,
        date,
        openedAt: at.toISOString(),
        plannedCloseAt: plannedCloseAt.toISOString(),
        staffIds: session.staffIds,
        extra,
      });
      return toSessionView(session, desk.areaCode);
    });
  }

  /** Closes an open session at `at` (default now) and publishes its visit counts. */
  close(deskId: string, sessionId: string, command: CloseSessionDto): Promise<ClosedSessionView> {
    return this.unitOfWork.command(async (manager) => {
      const { session, desk } = await this.lockSession(manager, deskId, sessionId);
      if (session.closedAt) throw new ConflictProblem('session-already-closed', `Session ${sessionId} was closed at ${session.closedAt.toISOString()}`);
      const at = command.at ? new Date(command.at) : new Date();
      if (at < session.openedAt) {
        throw new ConflictProblem('session-close-before-open', `Session ${sessionId} opened at ${session.openedAt.toISOString()}; it can't close before`);
      }
      const [later] = (await manager.query(
        `SELECT id FROM desk_session WHERE desk_id = $1 AND id <> $2 AND opened_at > $3 AND opened_at < $4 LIMIT 1`,
        [deskId, sessionId, session.openedAt, at],
      )) as Array<{ id: string }>;
      if (later) throw new ConflictProblem('session-overlaps', `Desk ${deskId} has a later session (${later.id}) that opened before ${at.toISOString()}`);

      const counts = await visitCountsOf(manager, sessionId);
      session.closedAt = at;
      await manager.update(DeskSession, { id: sessionId }, { closedAt: at });
      await this.outbox.publish(manager, DeskSessionClosed, {
        deskId,
        sessionId,
        areaCode: desk.areaCode,
        date: session.date,
        closedAt: at.toISOString(),
        ...counts,
      });
      return { ...toSessionView(session, desk.areaCode), counts };
    });
  }

  /** Replaces the staff on duty of an open session (no event: the contracts have none; visits name their consultant). */
  changeStaff(deskId: string, sessionId: string, command: ChangeSessionStaffDto): Promise<SessionView> {
    return this.unitOfWork.command(async (manager) => {
      const { session, desk } = await this.lockSession(manager, deskId, sessionId);
      if (session.closedAt) throw new ConflictProblem('session-closed', `Session ${sessionId} is closed; its staff can't change`);
      await assertStaffActive(manager, command.staffIds);
      session.staffIds = command.staffIds;
      await manager.update(DeskSession, { id: sessionId }, { staffIds: command.staffIds });
      return toSessionView(session, desk.areaCode);
    });
  }

  get(deskId: string, sessionId: string): Promise<SessionView> {
    return this.unitOfWork.run(async (manager) => {
      const desk = await findDesk(manager, deskId);
      const session = await manager.findOneBy(DeskSession, { id: sessionId, deskId });
      if (!session) throw new NotFoundProblem(`Session ${sessionId} of desk ${deskId} not found`);
      return toSessionView(session, desk.areaCode);
    });
  }

  list(deskId: string, query: SessionsQuery): Promise<SessionView[]> {
    const from = query.from ?? copenhagenToday();
    const to = query.to ?? from;
    const span = daysBetween(from, to);
    if (span < 0) throw badInput({ field: 'to', code: 'dateOrder', message: 'must not be before from' });
    if (span >= MAX_CALENDAR_DAYS) throw badInput({ field: 'to', code: 'maxSpan', message: `must be at most ${MAX_CALENDAR_DAYS} days from from` });
    return this.unitOfWork.run(async (manager) => {
      const desk = await findDesk(manager, deskId);
      const sessions = await manager.find(DeskSession, { where: { deskId, date: Between(from, to) }, order: { openedAt: 'ASC', id: 'ASC' } });
      return sessions.map((session) => toSessionView(session, desk.areaCode));
    });
  }

  /** The session (of this desk), locked: check-ins hold it shared (lookups.openSessionOf), so closing waits for them. */
  private async lockSession(manager: EntityManager, deskId: string, sessionId: string): Promise<{ session: DeskSession; desk: Desk }> {
    const desk = await findDesk(manager, deskId);
    const session = await manager.findOne(DeskSession, { where: { id: sessionId, deskId }, lock: { mode: 'pessimistic_write' } });
    if (!session) throw new NotFoundProblem(`Session ${sessionId} of desk ${deskId} not found`);
    return { session, desk };
  }
}
