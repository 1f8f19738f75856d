/** Calendar dates `YYYY-MM-DD` in Copenhagen: the job centre's days. */
export type IsoDate = string;

const COPENHAGEN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Copenhagen calendar date of an instant. */
export const copenhagenDateOf = (instant: Date): IsoDate => COPENHAGEN_DATE.format(instant);

/** Today in Copenhagen: the one place the service reads the clock for a date. */
export const copenhagenToday = (): IsoDate => copenhagenDateOf(new Date());

/** Whether two date ranges share a day; `null` as an end means open-ended. Inclusive on both ends. */
export function periodsOverlap(a: { from: IsoDate; to: IsoDate | null }, b: { from: IsoDate; to: IsoDate | null }): boolean {
  const aEndsBeforeB = a.to !== null && a.to < b.from;
  const bEndsBeforeA = b.to !== null && b.to < a.from;
  return !aEndsBeforeB && !bEndsBeforeA;
}
