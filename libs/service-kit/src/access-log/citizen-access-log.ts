import { HttpException, HttpStatus } from '@nestjs/common';
import { IdempotencyKeyReusedError } from '@fremskudt/persistence';
import { NotFoundProblem } from '../http/problem';

export type CitizenAccessAction = 'read' | 'search' | 'change' | 'register' | 'export';
export type CitizenAccessOutcome = 'ok' | 'not-found' | 'refused' | 'denied' | 'failed';

export const CITIZEN_ACCESS_ACTIONS: readonly CitizenAccessAction[] = ['read', 'search', 'change', 'register', 'export'];
export const CITIZEN_ACCESS_OUTCOMES: readonly CitizenAccessOutcome[] = ['ok', 'not-found', 'refused', 'denied', 'failed'];

export interface CitizenAccessEntry {
  action: CitizenAccessAction;
  /**
   * The citizen as the request (or its answer) named them: their id, or where users name
   * citizens otherwise (a partner's pseudonym in projects) that name. The persisted log stores
   * the citizen id it stands for (AccessLogHooks.citizenIdOf), never the name itself.
   */
  citizenId?: string;
  /**
   * What was searched for, as given. A `cpr` criterion is a CPR number in clear: the log stores
   * it only as the service's hooks protect it (caseload: its keyed hash), never the number.
   */
  criterion?: Record<string, string>;
  outcome: CitizenAccessOutcome;
  /** Why, as the caller said it (X-Purpose). */
  purpose?: string;
  /** The request: method and route template (`/citizens/:id`), never the URL with its values. */
  method: string;
  route: string;
}

/**
 * The hook for auditable access to citizens' data (every read, search and change is logged,
 * failed and denied attempts too). Bound to the persisted, append-only access log of the
 * service (PersistedCitizenAccessLog); the entries come from the `@CitizenAccess` declarations
 * on the endpoints. The implementation adds who (user, roles) and the tenant from the request.
 */
export abstract class CitizenAccessLog {
  abstract record(entry: CitizenAccessEntry): Promise<void>;
}

/** The outcome an error stands for: an answer about the citizen (404, a refusal) or a failure (5xx). */
export function outcomeOf(error: unknown): CitizenAccessOutcome {
  if (error instanceof NotFoundProblem) return 'not-found';
  if (error instanceof IdempotencyKeyReusedError) return 'refused';
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === HttpStatus.NOT_FOUND) return 'not-found';
    if (status === HttpStatus.FORBIDDEN) return 'denied';
    if (status < 500) return 'refused';
  }
  return 'failed';
}
