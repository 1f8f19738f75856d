/** The platform's field rules (service-kit), as the companies service's DTOs use them. */
export { assertNotBefore, badInput, IsCalendarDate, IsCode, IsNotInFuture, IsOptionalNotNull, requireAnyOf } from '@fremskudt/service-kit';

/** Distinct values in first-seen order. */
export const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** JSON with object keys sorted at every level: jsonb reorders keys, so values read back compare by this. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
