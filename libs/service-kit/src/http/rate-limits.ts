import { applyDecorators, DynamicModule, ExecutionContext, HttpStatus, Injectable, Logger, Module, SetMetadata } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { ApiExtension, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModule } from '@nestjs/throttler';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AuthenticatedRequest, PUBLIC_PATHS } from '../auth/authentication.middleware';
import { PrincipalContext } from '../auth/principal';
import { HttpConfig } from '../config/platform-config';
import { ProblemException } from './problem';

const SENSITIVE_LOOKUP = 'fremskudt:sensitive-lookup';
/** The OpenAPI extension that marks an operation as rate limited as a sensitive lookup. */
export const SENSITIVE_LOOKUP_EXTENSION = 'x-sensitive-lookup';
const MINUTE_MS = 60_000;
const reflector = new Reflector();

/**
 * Marks a "login-sensitive" endpoint: a lookup that could be used to probe for people (e.g. a
 * search by CPR number). On top of the general limit, one user may call all such endpoints
 * together at most SENSITIVE_RATE_LIMIT_PER_MINUTE times a minute (default 30); then 429
 * `too-many-requests` with Retry-After.
 */
export function SensitiveLookup(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(SENSITIVE_LOOKUP, true),
    ApiExtension(SENSITIVE_LOOKUP_EXTENSION, true),
    ApiTooManyRequestsResponse({ description: 'For mange opslag af denne slags; prøv igen efter Retry-After sekunder' }),
  );
}

const isSensitiveLookup = (context: ExecutionContext) =>
  reflector.getAllAndOverride<boolean>(SENSITIVE_LOOKUP, [context.getHandler(), context.getClass()]) === true;

/**
 * Health probes are never limited (a busy pod must not look dead to Kubernetes), nor event
 * handlers (global guards run for the Kafka transport too). A throttler's own skipIf replaces
 * this one, so each names it again.
 */
const isPublic = (context: ExecutionContext) => context.getType() !== 'http' || PUBLIC_PATHS.test(context.switchToHttp().getRequest<Request>().path);

/** Who a request counts against: its user (per tenant), or its client address without a token. */
export function requestTracker(request: AuthenticatedRequest): string {
  const principal = PrincipalContext.current() ?? request.principal;
  return principal ? `user:${principal.tenant}/${principal.userId}` : `address:${request.ip ?? 'unknown'}`;
}

/**
 * @nestjs/throttler's guard, answering as the platform does: 429 problem+json with Retry-After
 * (the library would name the header per throttler, e.g. Retry-After-sensitive).
 */
@Injectable()
export class PlatformThrottlerGuard extends ThrottlerGuard {
  private readonly log = new Logger('RateLimit');

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const request = context.switchToHttp().getRequest<Request>();
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    this.log.warn({ tracker: detail.tracker, limit: detail.limit, method: request.method, path: request.route?.path ?? request.path }, 'rate limit reached');
    throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, 'too-many-requests');
  }
}

/**
 * Per-user rate limits (in memory, so per replica): every endpoint together, and the
 * @SensitiveLookup() endpoints together. Keys are per user, not per endpoint, so spreading
 * requests over endpoints does not multiply the allowance.
 */
@Module({})
export class RateLimitModule {
  static forService(http: HttpConfig): DynamicModule {
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [
            { name: 'default', ttl: MINUTE_MS, limit: http.rateLimits.perMinute },
            { name: 'sensitive', ttl: MINUTE_MS, limit: http.rateLimits.sensitivePerMinute, skipIf: (context) => isPublic(context) || !isSensitiveLookup(context) },
          ],
          skipIf: isPublic,
          getTracker: (request) => requestTracker(request as AuthenticatedRequest),
          generateKey: (_context, tracker, throttler) => `${throttler}:${tracker}`,
          setHeaders: false,
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: PlatformThrottlerGuard }],
    };
  }
}

/**
 * Counts failed authentications (401) per client address in a fixed one-minute window; an address
 * over the limit waits until its window ends. Pure and clock-injected, so it is unit tested.
 */
export class FailedAuthenticationLimiter {
  private readonly windows = new Map<string, { failures: number; endsAt: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds the address must wait before it may try again; 0 when it may. */
  waitSeconds(address: string): number {
    const window = this.current(address);
    return window && window.failures >= this.perMinute ? Math.max(1, Math.ceil((window.endsAt - this.now()) / 1000)) : 0;
  }

  /** Records a failure; answers true when this one reached the limit (worth one log line). */
  recordFailure(address: string): boolean {
    const window = this.current(address) ?? { failures: 0, endsAt: this.now() + MINUTE_MS };
    window.failures += 1;
    this.windows.set(address, window);
    if (this.windows.size > 10_000) this.forgetEnded();
    return window.failures === this.perMinute;
  }

  private current(address: string) {
    const window = this.windows.get(address);
    if (window && window.endsAt <= this.now()) {
      this.windows.delete(address);
      return undefined;
    }
    return window;
  }

  private forgetEnded(): void {
    const now = this.now();
    for (const [address, window] of this.windows) if (window.endsAt <= now) this.windows.delete(address);
  }
}

/**
 * Express middleware, before authentication: an address that failed to authenticate too often
 * gets 429 before its next token is even verified, so guessing tokens is slow. Health and docs
 * stay open. Runs outside Nest's middleware, so its refusal goes to Nest's error handler (the
 * ProblemFilter) through `next(error)`.
 */
export function limitFailedAuthentications(limiter: FailedAuthenticationLimiter): RequestHandler {
  const logger = new Logger('RateLimit');
  return (request: Request, response: Response, next: NextFunction) => {
    if (PUBLIC_PATHS.test(request.path)) return next();
    const address = request.ip ?? 'unknown';
    const wait = limiter.waitSeconds(address);
    if (wait > 0) {
      response.setHeader('Retry-After', String(wait));
      return next(new ProblemException(HttpStatus.TOO_MANY_REQUESTS, 'too-many-requests'));
    }
    response.on('finish', () => {
      if (response.statusCode === HttpStatus.UNAUTHORIZED && limiter.recordFailure(address)) {
        logger.warn({ address }, 'too many failed authentications from one address: it must wait');
      }
    });
    next();
  };
}
