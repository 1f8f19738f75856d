import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { defer, lastValueFrom, Observable } from 'rxjs';
import { AccessDeniedListener } from '@fremskudt/service-kit';
import { CitizenAccessEntry, CitizenAccessLog, outcomeOf } from '../citizens/citizen-access-log';
import { CITIZEN_ACCESS, CitizenAccessSpec, purposeOf, withoutCprNumbers } from './citizen-access.decorator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_CRITERION_LENGTH = 200;

/** A criterion as it may be stored: text values only, shortened, CPR numbers out of free text (a `cpr` field stays for the log to hash). */
function criterionOf(raw: Record<string, unknown> | undefined): Record<string, string> | undefined {
  if (!raw) return undefined;
  const entries = Object.entries(raw).flatMap(([key, value]) => {
    if (!['string', 'number', 'boolean'].includes(typeof value)) return [[key, `[${Array.isArray(value) ? 'list' : typeof value}]`]];
    const text = String(value).slice(0, MAX_CRITERION_LENGTH);
    return [[key, key === 'cpr' ? text : withoutCprNumbers(text)]];
  });
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/**
 * Records every call of a `@CitizenAccess` endpoint in the access log, after the handler (its
 * transaction is over, committed or rolled back; the log row gets its own): ok with the
 * citizen, or the outcome of the error (not-found, refused, failed), validation errors
 * included. As the RolesGuard's listener it records the calls it refuses as denied.
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
    await this.log.record({ ...this.entryOf(spec, request), purpose, outcome: 'denied' });
  }

  private async recording(spec: CitizenAccessSpec, request: Request, handle: () => Promise<unknown>): Promise<unknown> {
    const entry = this.entryOf(spec, request);
    let answer: unknown;
    try {
      entry.purpose = purposeOf(request);
      answer = await handle();
    } catch (error) {
      await this.log.record({ ...entry, outcome: outcomeOf(error) }).catch((logError: unknown) => {
        this.logger.error({ err: logError, action: entry.action, route: entry.route }, 'could not write the access log row of a failed request');
      });
      throw error;
    }
    const citizenId = entry.citizenId ?? spec.citizenOf?.(answer, request);
    await this.log.record({ ...entry, ...(citizenId ? { citizenId } : {}), outcome: 'ok' });
    return answer;
  }

  private specOf(context: ExecutionContext): CitizenAccessSpec | undefined {
    if (context.getType() !== 'http') return undefined;
    return this.reflector.get<CitizenAccessSpec | undefined>(CITIZEN_ACCESS, context.getHandler());
  }

  private entryOf(spec: CitizenAccessSpec, request: Request): Omit<CitizenAccessEntry, 'outcome'> {
    const param = spec.citizenParam ? request.params[spec.citizenParam] : spec.citizenQuery ? request.query[spec.citizenQuery] : undefined;
    const criterion = criterionOf(spec.criterion?.(request));
    return {
      action: spec.action,
      // A malformed id in the path names nobody (the request is refused with 400 and logged without it).
      ...(typeof param === 'string' && UUID.test(param) ? { citizenId: param.toLowerCase() } : {}),
      ...(criterion ? { criterion } : {}),
      method: request.method,
      route: (request.route as { path?: string } | undefined)?.path ?? 'unmatched',
    };
  }
}
