import { EntityManager } from 'typeorm';
import { DeskSession } from '../desks/desk.entities';

/**
 * The desk's session that covers an instant: one opened at or before it that is still open, or
 * one that closed at or after it. A visit entered afterwards belongs to that session. Locked
 * for share, like openSessionOf, so the session can't be changed under the registration.
 */
export function sessionCovering(manager: EntityManager, deskId: string, at: Date): Promise<DeskSession | null> {
  return manager
    .createQueryBuilder(DeskSession, 'session')
    .where('session.deskId = :deskId', { deskId })
    .andWhere('session.openedAt <= :at', { at })
    .andWhere('(session.closedAt IS NULL OR session.closedAt >= :at)', { at })
    .orderBy('session.openedAt', 'DESC')
    .setLock('pessimistic_read')
    .getOne();
}
