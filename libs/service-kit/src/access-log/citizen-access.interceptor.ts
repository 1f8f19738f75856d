import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { defer, lastValueFrom, Observable } from 'rxjs';
import { AccessDeniedListener } from '../auth/permissions';
import { CitizenAccessEntry, CitizenAccessLog, CitizenAccessOutcome, outcomeOf } from './citizen-access-log';
import { CITIZEN_ACCESS, CitizenAccessSpec, purposeOf, withoutCprNumbers } from './citizen-access.decorator';

const MAX_CRITERION_LENGTH = 200;
/** Longer than any citizen id or pseudonym: such a value names nobody and is not kept. */
const MAX_REFERENCE_LENGTH = 100;
/** A command names at most this many citizens (the services' own limits are lower). */
const MAX_CITIZENS = 100;

/** A criterion as it may be stored: text values only, shortened, CPR numbers out of free text (a `cpr` field stays for the log's hooks). */
function criterionOf(raw: Record<string, unknown> | undefined): Record<string, string> | undefined {
  if (!raw) return undefined;
  const entries = Object.entries(raw).flatMap(([key, value]) => {
    if (!['string', 'number', 'boolean'].includes(typeof value)) return [[key, `[${Array.isArray(value) ? 'list' : typeof value}]`]];
    const text = String(value).slice(0, MAX_CRITERION_LENGTH);
    return [[key, key === 'cpr' ? text : withoutCprNumbers(text)]];
  });
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** The distinct citizen names in a value as sent or answered: a string or a list of strings; anything else names nobody. */
function namesIn(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  const names = values.filter((item): item is string => typeof item === 'string' && item.length > 0 && item.length <= MAX_REFERENCE_LENGTH);
  return [...new Set(names)].slice(0, MAX_CITIZENS);
}

/**
 * Records every call of a `@CitizenAccess` endpoint in the access log, after the handler (its
 * transaction is over, committed or rolled back; the log row gets its own): ok with the
 * citizen, or the outcome of the error (not-found, refused, failed), validation errors
 * included. A call naming several citizens is one row per citizen. As the RolesGuard's
 * listener it records the calls it refuses as denied.
 *
 * Fails closed: when the log row of a successful call cannot be written, the caller gets an
 * error instead of the data. A failed call's error is passed on even if its row fails too.
 */
@Injectable()
export class CitizenAccessInterceptor implements NestInterceptor, AccessDeniedListener {
  private readonly logger = new Logger('citizen-access');

  constructor(
    private readonly reflector: Reflector,
    @Inject(CitizenAccessLog) private readonly log: CitizenAccessLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.specOf(context);
    if (!spec) return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    return defer(() => this.recording(spec, request, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }

  async accessDenied(context: ExecutionContext): Promise<void> {
    const spec = this.specOf(context);
    if (!spec) return;
    const request = context.switchToHttp().getRequest<Request>();
    let purpose: string | undefined;
    try {
      purpose = purposeOf(request);
    } catch {
      purpose = undefined; // refused for its role anyway; an invalid purpose is just not kept
    }
    await this.recordEach({ ...this.entryOf(spec, request), purpose }, this.namedBy(spec, request), 'denied');
  }

  private async recording(spec: CitizenAccessSpec, request: Request, handle: () => Promise<unknown>): Promise<unknown> {
    const entry: Omit<CitizenAccessEntry, 'outcome'> = this.entryOf(spec, request);
    const named = this.namedBy(spec, request);
    let answer: unknown;
    try {
      entry.purpose = purposeOf(request);
      answer = await handle();
    } catch (error) {
      await this.recordEach(entry, named, outcomeOf(error)).catch((logError: unknown) => {
        this.logger.error({ err: logError, action: entry.action, route: entry.route }, 'could not write the access log row of a failed request');
      });
      throw error;
    }
    const citizens = named.length ? named : namesIn(spec.citizenOf?.(answer, request));
    if (citizens.length || !spec.onlyWithCitizen) await this.recordEach(entry, citizens, 'ok');
    return answer;
  }

  /** One row per citizen named, or one naming nobody. */
  private async recordEach(entry: Omit<CitizenAccessEntry, 'outcome'>, citizens: string[], outcome: CitizenAccessOutcome): Promise<void> {
    if (!citizens.length) return this.log.record({ ...entry, outcome });
    for (const citizenId of citizens) await this.log.record({ ...entry, citizenId, outcome });
  }

  private specOf(context: ExecutionContext): CitizenAccessSpec | undefined {
    if (context.getType() !== 'http') return undefined;
    return this.reflector.get<CitizenAccessSpec | undefined>(CITIZEN_ACCESS, context.getHandler());
  }

  /** The citizens the request names before it runs: path, query or body, as sent (the log's hooks tell which name a citizen). */
  private namedBy(spec: CitizenAccessSpec, request: Request): string[] {
    if (spec.citizenParam) return namesIn(request.params?.[spec.citizenParam]);
    if (spec.citizenQuery) return namesIn(request.query?.[spec.citizenQuery]);
    if (spec.citizenBody) return namesIn(typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>)[spec.citizenBody] : undefined);
    return [];
  }

  private entryOf(spec: CitizenAccessSpec, request: Request): Omit<CitizenAccessEntry, 'outcome'> {
    const criterion = criterionOf(spec.criterion?.(request));
    return {
      action: spec.action,
      ...(criterion ? { criterion } : {}),
      method: request.method,
      route: (request.route as { path?: string } | undefined)?.path ?? 'unmatched',
    };
  }
}
