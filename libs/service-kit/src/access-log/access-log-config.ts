import { ACCESS_LOG_PURGE_FLOOR_DAYS } from './access-log-table';

/** Six months, as the security issue sets it. */
export const DEFAULT_ACCESS_LOG_RETENTION_DAYS = 183;
/** The purge function's own floor: a shorter setting would only be ignored there. */
export const MIN_ACCESS_LOG_RETENTION_DAYS = ACCESS_LOG_PURGE_FLOOR_DAYS;
export const MAX_ACCESS_LOG_RETENTION_DAYS = 3650;
export const ACCESS_LOG_RETENTION_VARIABLE = 'ACCESS_LOG_RETENTION_DAYS';

/** ACCESS_LOG_RETENTION_DAYS: the days, or the problem with the value (never both). */
export function readAccessLogRetention(env: Record<string, string | undefined>): { days: number; problem?: undefined } | { days?: undefined; problem: string } {
  const value = env[ACCESS_LOG_RETENTION_VARIABLE];
  if (value === undefined || value === '') return { days: DEFAULT_ACCESS_LOG_RETENTION_DAYS };
  const days = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (days >= MIN_ACCESS_LOG_RETENTION_DAYS && days <= MAX_ACCESS_LOG_RETENTION_DAYS) return { days };
  return { problem: `${ACCESS_LOG_RETENTION_VARIABLE}: must be a whole number of days from ${MIN_ACCESS_LOG_RETENTION_DAYS} to ${MAX_ACCESS_LOG_RETENTION_DAYS}` };
}

/**
 * For a service's main.ts, before anything starts: a bad ACCESS_LOG_RETENTION_DAYS stops the
 * process with one fatal line naming it, like the platform's own settings.
 */
export function exitOnBadAccessLogRetention(serviceName: string, env: Record<string, string | undefined> = process.env): void {
  const { problem } = readAccessLogRetention(env);
  if (problem === undefined) return;
  process.stderr.write(`${JSON.stringify({ level: 'fatal', time: new Date().toISOString(), service: serviceName, message: problem })}\n`);
  process.exit(1);
}
