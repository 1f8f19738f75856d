/** Calendar dates `YYYY-MM-DD` in Copenhagen: the job centre's days. */
export type IsoDate = string;

/** Copenhagen dates: the platform's one definition (service-kit). */
export { copenhagenDateOf, copenhagenToday } from '@fremskudt/service-kit';

/** Whether two date ranges share a day; `null` as an end means open-ended. Inclusive on both ends. */
export function periodsOverlap(a: { from: IsoDate; to: IsoDate | null }, b: { from: IsoDate; to: IsoDate | null }): boolean {
  const aEndsBeforeB = a.to !== null && a.to < b.from;
  const bEndsBeforeA = b.to !== null && b.to < a.from;
  return !aEndsBeforeB && !bEndsBeforeA;
}
