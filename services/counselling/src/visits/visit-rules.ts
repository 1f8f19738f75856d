import { CASE_ACTIONS, VisitAction, VisitorKind } from '@fremskudt/contracts';
import { copenhagenDateOf, type FieldProblem } from '@fremskudt/service-kit';
import type { VisitStatus } from './visit.entities';

/**
 * The rules of a visit, pure: every one takes the clock as a parameter and writes nothing, so a
 * refusal decided here can never have left anything behind.
 */

/** The desks are in Denmark: a visit's date is its Copenhagen calendar date. */
export const COUNSELLING_TIME_ZONE = 'Europe/Copenhagen';

/** A visit's date is its Copenhagen calendar date (the platform's one definition, in service-kit). */
export { copenhagenDateOf };

/** Whole seconds waited from check-in to `until` (the talk's start, or now while still waiting); never negative. */
export function waitedSeconds(checkedInAt: Date, until: Date): number {
  return Math.max(0, Math.floor((until.getTime() - checkedInAt.getTime()) / 1000));
}

/**
 * How far ahead of the server's clock a time may be and still count as "not in the future": the
 * desk's laptop clock may run a little fast, and refusing a visit over that helps nobody.
 */
export const CLOCK_SKEW_TOLERANCE_MS = 60_000;

export interface VisitRefusal {
  code: 'talk-already-started' | 'talk-not-started' | 'visit-already-completed' | 'visit-left' | 'case-action-without-case';
  detail: string;
}

/** Starting a talk: only a waiting visitor can be called. */
export function refuseTalkStart(status: VisitStatus): VisitRefusal | null {
  switch (status) {
    case 'waiting':
      return null;
    case 'in-talk':
    case 'done':
      return { code: 'talk-already-started', detail: 'The talk with this visitor has already started' };
    case 'left':
      return { code: 'visit-left', detail: 'The visitor left the queue without a talk' };
  }
}

/** Leaving without a talk: only from the queue. */
export function refuseLeave(status: VisitStatus): VisitRefusal | null {
  switch (status) {
    case 'waiting':
      return null;
    case 'in-talk':
    case 'done':
      return { code: 'talk-already-started', detail: 'The talk has started; complete the visit instead' };
    case 'left':
      return { code: 'visit-left', detail: 'The visitor has already left the queue' };
  }
}

/** Completing: only a talk in progress. */
export function refuseCompletion(status: VisitStatus): VisitRefusal | null {
  switch (status) {
    case 'in-talk':
      return null;
    case 'waiting':
      return { code: 'talk-not-started', detail: 'The visitor is still waiting; start the talk first' };
    case 'done':
      return { code: 'visit-already-completed', detail: 'The visit is already completed' };
    case 'left':
      return { code: 'visit-left', detail: 'The visitor left the queue without a talk' };
  }
}

/**
 * Citizens without a case with the outreach team (and anonymous visitors) get advice only: an
 * interview held or a job plan revised belongs to a case, which they don't have.
 */
export function refuseCaseActions(visitorKind: VisitorKind, actions: readonly string[]): VisitRefusal | null {
  if (visitorKind === 'citizen-with-case') return null;
  const caseActions = caseActionsIn(actions);
  if (caseActions.length === 0) return null;
  const who = visitorKind === 'anonymous' ? 'An anonymous visitor' : 'A citizen without a case with the outreach team';
  return {
    code: 'case-action-without-case',
    detail: `${who} gets advice only: ${caseActions.join(', ')} can only be recorded for a citizen with a case`,
  };
}

/** The actions among `actions` that belong to a case (interview held, job plan revised). */
export function caseActionsIn(actions: readonly string[]): string[] {
  return actions.filter((action) => (CASE_ACTIONS as readonly string[]).includes(action));
}

/** Topics must be codes of the tenant's active list: each unknown one is named by its index. */
export function topicProblems(topics: readonly string[], activeCodes: readonly string[], field = 'topics'): FieldProblem[] {
  const known = new Set(activeCodes);
  return topics.flatMap((topic, index) =>
    known.has(topic) ? [] : [{ field: `${field}.${index}`, code: 'unknownTopic', message: `is not an active topic of the municipality: ${topic}` }],
  );
}

/** The 'referral' action is recorded exactly when referrals are given. */
export function referralActionProblems(actions: readonly VisitAction[], referralCount: number): FieldProblem[] {
  const hasAction = actions.includes('referral');
  if (hasAction && referralCount === 0) return [{ field: 'referrals', code: 'referralsRequired', message: "must name the local actors when the action 'referral' is given" }];
  if (!hasAction && referralCount > 0) return [{ field: 'actions', code: 'referralAction', message: "must include 'referral' when referrals are given" }];
  return [];
}

/** A time something happened must not be in the future (beyond the clock-skew tolerance). */
export function futureProblem(field: string, at: Date, now: Date): FieldProblem[] {
  return at.getTime() > now.getTime() + CLOCK_SKEW_TOLERANCE_MS ? [{ field, code: 'notInFuture', message: 'must not be in the future' }] : [];
}

/** A later time must not be before an earlier one. */
export function orderProblem(field: string, later: Date, earlier: Date, earlierName: string): FieldProblem[] {
  return later.getTime() < earlier.getTime() ? [{ field, code: 'timeOrder', message: `must not be before ${earlierName}` }] : [];
}

/** A whole visit entered at once: checkedInAt ≤ talkStartedAt ≤ endedAt, none in the future. */
export function registrationTimeProblems(times: { checkedInAt: Date; talkStartedAt: Date; endedAt: Date }, now: Date): FieldProblem[] {
  return [
    ...futureProblem('checkedInAt', times.checkedInAt, now),
    ...futureProblem('talkStartedAt', times.talkStartedAt, now),
    ...futureProblem('endedAt', times.endedAt, now),
    ...orderProblem('talkStartedAt', times.talkStartedAt, times.checkedInAt, 'checkedInAt'),
    ...orderProblem('endedAt', times.endedAt, times.talkStartedAt, 'talkStartedAt'),
  ];
}
