import { Injectable, Logger } from '@nestjs/common';
import { IdempotencyKeyReusedError, TenantContext } from '@fremskudt/persistence';
import { NotFoundProblem, ProblemException } from '@fremskudt/service-kit';

export type CitizenAccessAction = 'read' | 'search' | 'change' | 'register';
export type CitizenAccessOutcome = 'ok' | 'not-found' | 'refused';

export interface CitizenAccessEntry {
  action: CitizenAccessAction;
  citizenId?: string;
  /** What was searched for or acted on, as given (a CPR number too: implementations must mask or protect it). */
  criterion?: Record<string, string>;
  outcome: CitizenAccessOutcome;
}

/**
 * The hook for auditable access to citizens' data (domain §6: every read and search is logged).
 * Inject this token; every read, search, registration and change of a citizen records one entry,
 * failed lookups included. The default below only writes a log line: the security issue replaces
 * it (bind another provider to this token) with a persisted, append-only access log that also
 * knows who accessed and why.
 */
export abstract class CitizenAccessLog {
  abstract record(entry: CitizenAccessEntry): Promise<void>;
}

/** A CPR number as it may appear in a log: the birth date part, never the serial. */
export function maskCpr(cpr: string): string {
  const digits = cpr.replace(/\D/g, '');
  return `${digits.slice(0, 6)}****`;
}

/**
 * Default: one structured JSON line per access (context `citizen-access`). The entry sits under
 * `access` with its own tenant, so it never collides with the request fields the platform logger
 * adds, and works outside requests too (consumers, jobs).
 */
@Injectable()
export class LoggingCitizenAccessLog extends CitizenAccessLog {
  private readonly logger = new Logger('citizen-access');

  async record(entry: CitizenAccessEntry): Promise<void> {
    const criterion = entry.criterion && Object.fromEntries(Object.entries(entry.criterion).map(([key, value]) => [key, key === 'cpr' ? maskCpr(value) : value]));
    this.logger.log({
      message: 'citizen access',
      access: {
        tenant: TenantContext.peekTenant(),
        action: entry.action,
        ...(entry.citizenId ? { citizenId: entry.citizenId } : {}),
        ...(criterion ? { criterion } : {}),
        outcome: entry.outcome,
      },
    });
  }
}

/** The outcome an error stands for; undefined for failures that are not an answer about the citizen (5xx). */
function outcomeOf(error: unknown): CitizenAccessOutcome | undefined {
  if (error instanceof NotFoundProblem) return 'not-found';
  if (error instanceof ProblemException || error instanceof IdempotencyKeyReusedError) return 'refused';
  return undefined;
}

/**
 * Runs an access to citizens' data and records it with its outcome, also when it is refused.
 * `citizenIdOf` names the citizen from the answer when the request did not (a registration).
 */
export async function recordingAccess<T>(
  log: CitizenAccessLog,
  entry: Omit<CitizenAccessEntry, 'outcome'>,
  work: () => Promise<T>,
  citizenIdOf?: (result: T) => string,
): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    const outcome = outcomeOf(error);
    if (outcome) await log.record({ ...entry, outcome });
    throw error;
  }
  await log.record({ ...entry, ...(citizenIdOf ? { citizenId: citizenIdOf(result) } : {}), outcome: 'ok' });
  return result;
}
