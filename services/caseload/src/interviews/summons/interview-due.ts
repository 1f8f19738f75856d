import { compareIsoDates, IsoDate, nextInterviewDue } from '../../rules';

/**
 * How the interview clock runs in one case period. The rule (rules.nextInterviewDue) counts
 * from the last HELD interview. Before the first one in a period we count from the day the
 * period opened (registration or re-entry): the citizen is owed the first interview within one
 * interval of joining the outreach team. Interviews held in an earlier period never count, so a
 * re-entered citizen starts afresh.
 */
export interface InterviewClock {
  lastHeldOn: IsoDate | null;
  nextDueDate: IsoDate;
}

const latest = (dates: readonly IsoDate[]): IsoDate | null =>
  dates.reduce<IsoDate | null>((max, date) => (max === null || compareIsoDates(date, max) > 0 ? date : max), null);

/** The citizen's clock from the held dates of the current period. */
export function interviewClock(periodOpenedOn: IsoDate, heldDates: readonly IsoDate[], intervalMonths: number): InterviewClock {
  const lastHeldOn = latest(heldDates);
  return { lastHeldOn, nextDueDate: nextInterviewDue(lastHeldOn ?? periodOpenedOn, intervalMonths) };
}

/**
 * The deadline an interview held on `heldOn` is measured against: one interval after the last
 * interview held strictly before it in the period (or after the opening). Held dates recorded out
 * of order therefore do not make an earlier interview look late.
 */
export function dueDateForInterviewHeldOn(
  periodOpenedOn: IsoDate,
  otherHeldDates: readonly IsoDate[],
  heldOn: IsoDate,
  intervalMonths: number,
): IsoDate {
  const earlier = otherHeldDates.filter((date) => compareIsoDates(date, heldOn) < 0);
  return interviewClock(periodOpenedOn, earlier, intervalMonths).nextDueDate;
}
