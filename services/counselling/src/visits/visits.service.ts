import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { FollowUpInterviewHeld, ReferralMade, TalkStarted, VisitAction, VisitCheckedIn, VisitCompleted } from '@fremskudt/contracts';
import { OutboxWriter } from '@fremskudt/messaging';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, FieldProblem, NotFoundProblem, ProblemException } from '@fremskudt/service-kit';
import { CaseCitizen, Desk, DeskSession, StaffMember } from '../desks/desk.entities';
import { activeStaffMember, activeTopicCodes, hasCase, openSessionOf, partnerOf } from '../desks/lookups';
import { sessionCovering } from './session-covering';
import { CheckInDto, CompleteVisitDto, RegisterVisitDto, VisitView } from './visit.dto';
import { Referral, Visit } from './visit.entities';
import {
  caseActionsIn,
  copenhagenDateOf,
  futureProblem,
  orderProblem,
  referralActionProblems,
  refuseCaseActions,
  refuseCompletion,
  refuseLeave,
  refuseTalkStart,
  registrationTimeProblems,
  topicProblems,
  VisitRefusal,
  waitedSeconds,
} from './visit-rules';
import { toVisitView } from './visit-views';

/** A 400 for rules that need more than one field or the database, naming each field like the validation pipe does. */
export const badInput = (errors: FieldProblem[]): ProblemException => new ProblemException(HttpStatus.BAD_REQUEST, 'validation-failed', undefined, errors);

const refused = (refusal: VisitRefusal) => new ConflictProblem(refusal.code, refusal.detail);

/** The desk (404 when unknown or another tenant's: row-level security hides it). */
export async function findDesk(manager: EntityManager, deskId: string): Promise<Desk> {
  const desk = await manager.findOneBy(Desk, { id: deskId });
  if (!desk) throw new NotFoundProblem(`Desk ${deskId} not found`);
  return desk;
}

interface Visitor {
  visitorKind: CheckInDto['visitorKind'];
  citizenId?: string | null;
  arrival: CheckInDto['arrival'];
  requestedStaffId?: string;
}

interface TalkOutcome {
  topics: string[];
  actions: VisitAction[];
  referrals: string[];
  endedAt: Date;
}

/**
 * The visit commands. Each runs in one transaction that locks what it changes (the visit row,
 * or the desk's session and the citizen's read-model row on check-in), so concurrent commands
 * serialise, and writes state and events together: a refusal throws before anything is written.
 */
@Injectable()
export class VisitsService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  /** A visitor joins the desk's queue; the desk must be open. Publishes VisitCheckedIn. */
  checkIn(deskId: string, command: CheckInDto): Promise<VisitView> {
    return this.unitOfWork.command(async (manager) => {
      const desk = await findDesk(manager, deskId);
      // Shared lock on the open session: closing the desk waits for check-ins in flight, and vice versa.
      const session = await openSessionOf(manager, deskId);
      if (!session) throw new ConflictProblem('desk-closed', `Desk ${deskId} has no open session; a visitor can only check in while the desk is open`);
      await this.assertVisitor(manager, command, { live: true });
      const visit = this.newVisit(desk, session, command, new Date());
      await manager.insert(Visit, visit);
      await this.publishCheckedIn(manager, visit);
      return toVisitView(visit, []);
    });
  }

  /**
   * The consultant calls the next visitor: the first waiting one (check-in order) who asked for
   * this consultant or for anyone. Rows other calls hold are skipped, so parallel calls at one
   * desk each get a different visitor and never wait on each other. Publishes TalkStarted.
   */
  callNext(deskId: string, staffId: string): Promise<VisitView> {
    return this.unitOfWork.command(async (manager) => {
      await findDesk(manager, deskId);
      await this.assertActiveStaff(manager, staffId, 'staffId');
      const [next]: Array<{ id: string }> = await manager.query(
        `SELECT id FROM visit
          WHERE desk_id = $1 AND status = 'waiting' AND (requested_staff_id IS NULL OR requested_staff_id = $2)
          ORDER BY queue_seq
          LIMIT 1
          FOR UPDATE SKIP LOCKED`,
        [deskId, staffId],
      );
      if (!next) {
        throw new ProblemException(HttpStatus.NOT_FOUND, 'queue-empty', `Nobody at desk ${deskId} is waiting for staff member ${staffId} or for anyone`);
      }
      const visit = (await manager.findOneBy(Visit, { id: next.id }))!;
      return this.startTalk(manager, visit, staffId);
    });
  }

  /** A consultant starts the talk with one particular waiting visitor. Publishes TalkStarted. */
  startTalkWith(visitId: string, staffId: string): Promise<VisitView> {
    return this.unitOfWork.command(async (manager) => {
      const visit = await this.lockVisit(manager, visitId);
      const refusal = refuseTalkStart(visit.status);
      if (refusal) throw refused(refusal);
      await this.assertActiveStaff(manager, staffId, 'staffId');
      return this.startTalk(manager, visit, staffId);
    });
  }

  /** The visitor left the queue without a talk. No event: the contract has none; the desk's session counts it from the table. */
  leave(visitId: string, leftAtText?: string): Promise<VisitView> {
    return this.unitOfWork.command(async (manager) => {
      const visit = await this.lockVisit(manager, visitId);
      const refusal = refuseLeave(visit.status);
      if (refusal) throw refused(refusal);
      const now = new Date();
      const leftAt = leftAtText ? new Date(leftAtText) : now;
      const problems = [...futureProblem('leftAt', leftAt, now), ...orderProblem('leftAt', leftAt, visit.checkedInAt, 'the check-in')];
      if (problems.length) throw badInput(problems);
      await manager.update(Visit, { id: visit.id }, { status: 'left', endedAt: leftAt });
      return toVisitView({ ...visit, status: 'left', endedAt: leftAt }, []);
    });
  }

  /**
   * Ends the talk with its topics and actions. Publishes VisitCompleted, then ReferralMade for
   * each referral, then FollowUpInterviewHeld when the interview was held here.
   */
  complete(visitId: string, command: CompleteVisitDto): Promise<VisitView> {
    const referrals = (command.referrals ?? []).map((referral) => referral.partnerCode);
    const actionProblems = referralActionProblems(command.actions, referrals.length);
    if (actionProblems.length) throw badInput(actionProblems);
    return this.unitOfWork.command(async (manager) => {
      const visit = await this.lockVisit(manager, visitId);
      const refusal = refuseCompletion(visit.status);
      if (refusal) throw refused(refusal);
      const now = new Date();
      const endedAt = command.endedAt ? new Date(command.endedAt) : now;
      const timeProblems = [...futureProblem('endedAt', endedAt, now), ...orderProblem('endedAt', endedAt, visit.talkStartedAt!, 'the start of the talk')];
      if (timeProblems.length) throw badInput(timeProblems);
      const outcome = { topics: command.topics, actions: command.actions, referrals, endedAt };
      await this.assertOutcome(manager, visit, outcome);
      return this.finish(manager, visit, outcome);
    });
  }

  /**
   * A whole visit in one request and one transaction, at the desk while the citizen waits or
   * to enter history: check-in, talk and outcome, with all their events in that order. The desk
   * must have been open at the check-in (its open session, or a closed one that covered it).
   */
  register(deskId: string, command: RegisterVisitDto): Promise<VisitView> {
    const referrals = (command.referrals ?? []).map((referral) => referral.partnerCode);
    const times = { checkedInAt: new Date(command.checkedInAt), talkStartedAt: new Date(command.talkStartedAt), endedAt: new Date(command.endedAt) };
    const problems = [...registrationTimeProblems(times, new Date()), ...referralActionProblems(command.actions, referrals.length)];
    if (problems.length) throw badInput(problems);
    return this.unitOfWork.command(async (manager) => {
      const desk = await findDesk(manager, deskId);
      const session = await sessionCovering(manager, deskId, times.checkedInAt);
      if (!session) throw new ConflictProblem('desk-closed', `Desk ${deskId} was not open at ${command.checkedInAt}; a visit belongs to a session of the desk`);
      await this.assertVisitor(manager, command, { live: false });
      await this.assertKnownStaff(manager, command.staffId, 'staffId');
      const visit = this.newVisit(desk, session, command, times.checkedInAt);
      const outcome = { topics: command.topics, actions: command.actions, referrals, endedAt: times.endedAt };
      await this.assertOutcome(manager, visit, outcome);
      await manager.insert(Visit, visit);
      await this.publishCheckedIn(manager, visit);
      await this.startTalk(manager, visit, command.staffId, times.talkStartedAt);
      return this.finish(manager, visit, outcome);
    });
  }

  // ---- steps shared by the commands ----

  private newVisit(desk: Desk, session: DeskSession, visitor: Visitor, checkedInAt: Date): Visit {
    return Object.assign(new Visit(), {
      id: randomUUID(),
      tenantId: TenantContext.currentTenant(),
      deskId: desk.id,
      sessionId: session.id,
      areaCode: desk.areaCode,
      visitorKind: visitor.visitorKind,
      citizenId: visitor.visitorKind === 'citizen-with-case' ? visitor.citizenId! : null,
      arrival: visitor.arrival,
      requestedStaffId: visitor.requestedStaffId ?? null,
      status: 'waiting',
      checkedInAt,
      talkStartedAt: null,
      staffId: null,
      endedAt: null,
      topics: [],
      actions: [],
    } satisfies Omit<Visit, 'queueSeq'>);
  }

  /**
   * A citizen with a case must have one (from caseload's events); on a live check-in they must
   * not already stand in a queue, and the requested consultant must be active (in history: known).
   */
  private async assertVisitor(manager: EntityManager, visitor: Visitor, { live }: { live: boolean }): Promise<void> {
    if (visitor.visitorKind === 'citizen-with-case') {
      const citizenId = visitor.citizenId!;
      // Lock the citizen's read-model row: two check-ins of one citizen run one after the other.
      await manager.findOne(CaseCitizen, { where: { citizenId }, lock: { mode: 'pessimistic_write' } });
      if (!(await hasCase(manager, citizenId))) {
        throw new ConflictProblem('citizen-has-no-case', `Citizen ${citizenId} has no active case with the outreach team; register the visit as a citizen without a case`);
      }
      if (live) {
        const queued = await manager
          .createQueryBuilder(Visit, 'visit')
          .where('visit.citizenId = :citizenId', { citizenId })
          .andWhere(`visit.status IN ('waiting', 'in-talk')`)
          .getOne();
        if (queued) throw new ConflictProblem('citizen-already-in-queue', `Citizen ${citizenId} is already ${queued.status} at desk ${queued.deskId} (visit ${queued.id})`);
      }
    }
    if (visitor.requestedStaffId) {
      if (live) await this.assertActiveStaff(manager, visitor.requestedStaffId, 'requestedStaffId');
      else await this.assertKnownStaff(manager, visitor.requestedStaffId, 'requestedStaffId');
    }
  }

  /** History may name a consultant who has since left: any staff member the team has had will do. */
  private async assertKnownStaff(manager: EntityManager, staffId: string, field: string): Promise<void> {
    if (!(await manager.existsBy(StaffMember, { id: staffId }))) {
      throw new ConflictProblem('staff-unknown', `${field}: no staff member ${staffId} in the outreach team of this municipality`);
    }
  }

  private async assertActiveStaff(manager: EntityManager, staffId: string, field: string): Promise<void> {
    if (!(await activeStaffMember(manager, staffId))) {
      throw new ConflictProblem('staff-not-active', `${field}: ${staffId} is not an active staff member of the outreach team`);
    }
  }

  /** Case actions only with a case (409); topics from the tenant's list and partners of the desk's area (400 naming each). */
  private async assertOutcome(manager: EntityManager, visit: Visit, outcome: TalkOutcome): Promise<void> {
    const caseRefusal = refuseCaseActions(visit.visitorKind, outcome.actions);
    if (caseRefusal) throw refused(caseRefusal);
    if (visit.citizenId && caseActionsIn(outcome.actions).length && !(await hasCase(manager, visit.citizenId))) {
      throw new ConflictProblem('case-action-without-case', `Citizen ${visit.citizenId} no longer has an active case: case actions can't be recorded`);
    }
    const problems = topicProblems(outcome.topics, await activeTopicCodes(manager));
    for (const [index, partnerCode] of outcome.referrals.entries()) {
      if (!(await partnerOf(manager, visit.areaCode, partnerCode))) {
        problems.push({ field: `referrals.${index}.partnerCode`, code: 'unknownPartner', message: `is not an active local partner in ${visit.areaCode}: ${partnerCode}` });
      }
    }
    if (problems.length) throw badInput(problems);
  }

  private async publishCheckedIn(manager: EntityManager, visit: Visit): Promise<void> {
    await this.outbox.publish(manager, VisitCheckedIn, {
      ...this.visitFacts(visit),
      checkedInAt: visit.checkedInAt.toISOString(),
      requestedStaffId: visit.requestedStaffId,
    });
  }

  /** Sets the visit in talk (the caller holds its row lock and checked it waits) and publishes TalkStarted. */
  private async startTalk(manager: EntityManager, visit: Visit, staffId: string, startedAt = new Date()): Promise<VisitView> {
    await manager.update(Visit, { id: visit.id }, { status: 'in-talk', staffId, talkStartedAt: startedAt });
    Object.assign(visit, { status: 'in-talk', staffId, talkStartedAt: startedAt });
    await this.outbox.publish(manager, TalkStarted, {
      visitId: visit.id,
      deskId: visit.deskId,
      areaCode: visit.areaCode,
      staffId,
      startedAt: startedAt.toISOString(),
      waitedSeconds: waitedSeconds(visit.checkedInAt, startedAt),
    });
    return toVisitView(visit, []);
  }

  /** Marks the visit done with its outcome and publishes VisitCompleted, the referrals and a held interview. */
  private async finish(manager: EntityManager, visit: Visit, outcome: TalkOutcome): Promise<VisitView> {
    const { topics, actions, endedAt } = outcome;
    await manager.update(Visit, { id: visit.id }, { status: 'done', endedAt, topics, actions });
    Object.assign(visit, { status: 'done', endedAt, topics, actions });
    const day = copenhagenDateOf(endedAt);
    const referrals = outcome.referrals.map(
      (partnerCode): Referral => ({
        id: randomUUID(),
        tenantId: visit.tenantId,
        visitId: visit.id,
        deskId: visit.deskId,
        areaCode: visit.areaCode,
        partnerCode,
        citizenId: visit.citizenId,
        referredOn: day,
      }),
    );
    if (referrals.length) await manager.insert(Referral, referrals);

    await this.outbox.publish(manager, VisitCompleted, {
      ...this.visitFacts(visit),
      staffId: visit.staffId!,
      checkedInAt: visit.checkedInAt.toISOString(),
      talkStartedAt: visit.talkStartedAt!.toISOString(),
      endedAt: endedAt.toISOString(),
      waitedSeconds: waitedSeconds(visit.checkedInAt, visit.talkStartedAt!),
      topics,
      actions,
    });
    for (const referral of referrals) {
      await this.outbox.publish(manager, ReferralMade, {
        visitId: visit.id,
        deskId: visit.deskId,
        areaCode: visit.areaCode,
        citizenId: visit.citizenId,
        partnerCode: referral.partnerCode,
        referredOn: day,
      });
    }
    if (actions.includes('follow-up-interview-held') && visit.citizenId) {
      await this.outbox.publish(manager, FollowUpInterviewHeld, {
        visitId: visit.id,
        citizenId: visit.citizenId,
        areaCode: visit.areaCode,
        deskId: visit.deskId,
        heldOn: day,
        heldAt: endedAt.toISOString(),
        staffId: visit.staffId!,
      });
    }
    return toVisitView(visit, referrals);
  }

  /** Where the visit happened and who came; no person id unless the citizen has a case. */
  private visitFacts(visit: Visit) {
    return {
      visitId: visit.id,
      deskId: visit.deskId,
      areaCode: visit.areaCode,
      visitorKind: visit.visitorKind,
      citizenId: visit.visitorKind === 'citizen-with-case' ? visit.citizenId : null,
      arrival: visit.arrival,
    };
  }

  /** The visit, locked until the transaction ends (404 unknown or another tenant's). */
  private async lockVisit(manager: EntityManager, visitId: string): Promise<Visit> {
    const visit = await manager.findOne(Visit, { where: { id: visitId }, lock: { mode: 'pessimistic_write' } });
    if (!visit) throw new NotFoundProblem(`Visit ${visitId} not found`);
    return visit;
  }
}
