import { decideOfferTransition, OfferState, OfferStatus, OfferTransition } from './offer-state';

const state = (status: OfferStatus, startedOn: string | null = null): OfferState => ({
  status,
  startedOn,
  completedOn: status === 'completed' ? '2025-03-01' : null,
  droppedOn: status === 'dropped' ? '2025-03-01' : null,
  dropReason: status === 'dropped' ? 'illness' : null,
});

const start: OfferTransition = { kind: 'start', startedOn: '2025-02-01' };
const complete: OfferTransition = { kind: 'complete', completedOn: '2025-02-10' };
const drop: OfferTransition = { kind: 'drop', droppedOn: '2025-02-10', reason: 'moved' };

describe('offer state machine', () => {
  // Independent statement of the brief: [from, transition, resulting status or refusal code].
  const table: Array<[OfferStatus, string | null, OfferTransition, OfferStatus | string]> = [
    ['planned', null, start, 'started'],
    ['planned', null, complete, 'offer-not-started'],
    ['planned', null, drop, 'dropped'],
    ['started', '2025-02-01', start, 'offer-already-started'],
    ['started', '2025-02-01', complete, 'completed'],
    ['started', '2025-02-01', drop, 'dropped'],
    ['completed', '2025-02-01', start, 'offer-completed'],
    ['completed', '2025-02-01', complete, 'offer-completed'],
    ['completed', '2025-02-01', drop, 'offer-completed'],
    ['dropped', null, start, 'offer-dropped'],
    ['dropped', '2025-02-01', complete, 'offer-dropped'],
    ['dropped', null, drop, 'offer-dropped'],
  ];

  it.each(table)('%s (started %s) + %j → %s', (from, startedOn, transition, expected) => {
    const decision = decideOfferTransition(state(from, startedOn), transition);
    if (decision.accepted) expect(decision.next.status).toBe(expected);
    else expect(decision.refusal.code).toBe(expected);
  });

  it('records the dates and reason of each accepted transition', () => {
    const started = decideOfferTransition(state('planned'), start);
    expect(started).toEqual({ accepted: true, next: { ...state('planned'), status: 'started', startedOn: '2025-02-01' } });
    const completed = decideOfferTransition(state('started', '2025-02-01'), complete);
    expect(completed.accepted && completed.next).toMatchObject({ status: 'completed', startedOn: '2025-02-01', completedOn: '2025-02-10' });
    const dropped = decideOfferTransition(state('started', '2025-02-01'), drop);
    expect(dropped.accepted && dropped.next).toMatchObject({ status: 'dropped', startedOn: '2025-02-01', droppedOn: '2025-02-10', dropReason: 'moved' });
  });

  it('refuses completing or dropping before the start date, and accepts the start date itself', () => {
    const started = state('started', '2025-02-01');
    expect(decideOfferTransition(started, { kind: 'complete', completedOn: '2025-01-31' })).toMatchObject({
      accepted: false,
      refusal: { code: 'offer-date-before-start' },
    });
    expect(decideOfferTransition(started, { kind: 'drop', droppedOn: '2025-01-31', reason: 'job' })).toMatchObject({
      accepted: false,
      refusal: { code: 'offer-date-before-start' },
    });
    expect(decideOfferTransition(started, { kind: 'complete', completedOn: '2025-02-01' }).accepted).toBe(true);
    expect(decideOfferTransition(started, { kind: 'drop', droppedOn: '2025-02-01', reason: 'job' }).accepted).toBe(true);
  });

  it('lets a planned offer be dropped on any date (it has no start to be before)', () => {
    expect(decideOfferTransition(state('planned'), { kind: 'drop', droppedOn: '2020-01-01', reason: 'provider-cancelled' }).accepted).toBe(true);
  });

  it('never changes the state it was given', () => {
    const before = state('planned');
    const copy = { ...before };
    decideOfferTransition(before, start);
    expect(before).toEqual(copy);
  });
});
