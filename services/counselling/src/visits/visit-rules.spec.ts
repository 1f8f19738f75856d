import {
  caseActionsIn,
  CLOCK_SKEW_TOLERANCE_MS,
  copenhagenDateOf,
  referralActionProblems,
  refuseCaseActions,
  refuseCompletion,
  refuseLeave,
  refuseTalkStart,
  registrationTimeProblems,
  topicProblems,
  waitedSeconds,
} from './visit-rules';
import { VisitStatus } from './visit.entities';

const at = (iso: string) => new Date(iso);

describe('waiting time', () => {
  it('counts whole seconds from check-in, rounding down', () => {
    expect(waitedSeconds(at('2015-03-03T10:00:00Z'), at('2015-03-03T10:12:30.999Z'))).toBe(750);
    expect(waitedSeconds(at('2015-03-03T10:00:00Z'), at('2015-03-03T10:00:00Z'))).toBe(0);
  });

  it('is never negative (a clock a little behind)', () => {
    expect(waitedSeconds(at('2015-03-03T10:00:05Z'), at('2015-03-03T10:00:00Z'))).toBe(0);
  });

  it('is measured across midnight and a daylight-saving change by the instants, not the wall clock', () => {
    // 29 March 2015: Copenhagen went from 02:00 CET to 03:00 CEST; 01:50 CET → 03:10 CEST is 20 minutes.
    expect(waitedSeconds(at('2015-03-29T01:50:00+01:00'), at('2015-03-29T03:10:00+02:00'))).toBe(20 * 60);
  });
});

describe('Copenhagen date of an instant', () => {
  it.each([
    ['2015-03-03T10:00:00Z', '2015-03-03'],
    ['2015-06-30T22:30:00Z', '2015-07-01'], // CEST, UTC+2
    ['2015-12-31T23:30:00Z', '2016-01-01'], // CET, UTC+1
    ['2015-12-31T22:59:59Z', '2015-12-31'],
  ])('%s is %s', (instant, date) => expect(copenhagenDateOf(at(instant))).toBe(date));

  it('refuses an invalid instant', () => expect(() => copenhagenDateOf(new Date('nope'))).toThrow(RangeError));
});

describe('visit transitions', () => {
  // Independent statement of the rules: [status, start talk, leave, complete] → null (allowed) or the 409 code.
  const table: Array<[VisitStatus, string | null, string | null, string | null]> = [
    ['waiting', null, null, 'talk-not-started'],
    ['in-talk', 'talk-already-started', 'talk-already-started', null],
    ['done', 'talk-already-started', 'talk-already-started', 'visit-already-completed'],
    ['left', 'visit-left', 'visit-left', 'visit-left'],
  ];
  it.each(table)('%s: talk → %s, leave → %s, complete → %s', (status, talk, leave, complete) => {
    expect(refuseTalkStart(status)?.code ?? null).toBe(talk);
    expect(refuseLeave(status)?.code ?? null).toBe(leave);
    expect(refuseCompletion(status)?.code ?? null).toBe(complete);
  });
});

describe('case actions', () => {
  it('finds the case actions among the actions', () => {
    expect(caseActionsIn(['advice', 'job-plan-revised', 'referral', 'follow-up-interview-held'])).toEqual(['job-plan-revised', 'follow-up-interview-held']);
    expect(caseActionsIn(['advice', 'company-contact'])).toEqual([]);
  });

  it('allows every action for a citizen with a case', () => {
    expect(refuseCaseActions('citizen-with-case', ['follow-up-interview-held', 'job-plan-revised', 'advice'])).toBeNull();
  });

  it.each(['citizen-without-case', 'anonymous'] as const)('refuses case actions for %s with a reason naming them', (kind) => {
    const refusal = refuseCaseActions(kind, ['advice', 'job-plan-revised']);
    expect(refusal).toMatchObject({ code: 'case-action-without-case' });
    expect(refusal?.detail).toContain('job-plan-revised');
    expect(refusal?.detail).toContain('advice only');
    expect(refuseCaseActions(kind, ['advice', 'referral', 'company-contact'])).toBeNull();
  });
});

describe('topics and referrals', () => {
  it('names each unknown topic by its index', () => {
    expect(topicProblems(['housing', 'weather', 'debt', 'sports'], ['housing', 'debt'])).toEqual([
      expect.objectContaining({ field: 'topics.1', code: 'unknownTopic' }),
      expect.objectContaining({ field: 'topics.3', code: 'unknownTopic' }),
    ]);
    expect(topicProblems(['housing'], ['housing', 'debt'])).toEqual([]);
  });

  it("wants the 'referral' action exactly when referrals are given", () => {
    expect(referralActionProblems(['advice', 'referral'], 1)).toEqual([]);
    expect(referralActionProblems(['advice'], 0)).toEqual([]);
    expect(referralActionProblems(['referral'], 0)).toEqual([expect.objectContaining({ field: 'referrals' })]);
    expect(referralActionProblems(['advice'], 2)).toEqual([expect.objectContaining({ field: 'actions' })]);
  });
});

describe('times of a registered visit', () => {
  const now = at('2015-03-03T12:00:00Z');
  const fields = (times: { checkedInAt: string; talkStartedAt: string; endedAt: string }) =>
    registrationTimeProblems({ checkedInAt: at(times.checkedInAt), talkStartedAt: at(times.talkStartedAt), endedAt: at(times.endedAt) }, now).map(
      (problem) => problem.field,
    );

  it('accepts check-in ≤ start ≤ end, equal times included', () => {
    expect(fields({ checkedInAt: '2015-03-03T10:00:00Z', talkStartedAt: '2015-03-03T10:10:00Z', endedAt: '2015-03-03T10:30:00Z' })).toEqual([]);
    expect(fields({ checkedInAt: '2015-03-03T10:00:00Z', talkStartedAt: '2015-03-03T10:00:00Z', endedAt: '2015-03-03T10:00:00Z' })).toEqual([]);
  });

  it('names the field that comes before its predecessor', () => {
    expect(fields({ checkedInAt: '2015-03-03T10:00:00Z', talkStartedAt: '2015-03-03T09:59:00Z', endedAt: '2015-03-03T10:30:00Z' })).toEqual(['talkStartedAt']);
    expect(fields({ checkedInAt: '2015-03-03T10:00:00Z', talkStartedAt: '2015-03-03T10:10:00Z', endedAt: '2015-03-03T10:05:00Z' })).toEqual(['endedAt']);
  });

  it('refuses the future, beyond a minute of clock skew', () => {
    const later = new Date(now.getTime() + CLOCK_SKEW_TOLERANCE_MS).toISOString();
    expect(fields({ checkedInAt: '2015-03-03T11:50:00Z', talkStartedAt: '2015-03-03T11:55:00Z', endedAt: later })).toEqual([]);
    expect(fields({ checkedInAt: '2015-03-03T11:50:00Z', talkStartedAt: '2015-03-03T11:55:00Z', endedAt: '2015-03-03T12:05:00Z' })).toEqual(['endedAt']);
    expect(fields({ checkedInAt: '2015-03-03T13:00:00Z', talkStartedAt: '2015-03-03T13:10:00Z', endedAt: '2015-03-03T13:20:00Z' })).toEqual([
      'checkedInAt',
      'talkStartedAt',
      'endedAt',
    ]);
  });
});
