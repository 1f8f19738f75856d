import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, NestMiddleware } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { ApiHeader } from '@nestjs/swagger';
import { Observable, tap } from 'rxjs';
import { CommandContext } from '@fremskudt/persistence';
import { PrincipalContext } from '../auth/principal';
import { ProblemException } from './problem';

/** The header of the IETF draft "The Idempotency-Key HTTP Header Field". */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Hash of what makes two requests "the same command": the user, method, path with query, body.
 * The user is part of it so that nobody gets another user's stored answer replayed by reusing
 * their key (they get 422 idempotency-key-reused instead).
 */
export function requestFingerprint(method: string, url: string, body: unknown, userId = ''): string {
  return createHash('sha256').update(`${userId}\n${method} ${url}\n${JSON.stringify(body ?? null)}`).digest('hex');
}

/**
 * A command sent with an `Idempotency-Key` runs in a command scope: UnitOfWork.command()
 * stores its answer with its effect and answers a retry from the log.
 */
@Injectable()
export class IdempotencyMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (key === undefined || !COMMAND_METHODS.has(request.method)) return next();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'idempotency-key-invalid', undefined, [
        { field: 'Idempotency-Key', code: 'idempotencyKey', message: 'must be 1-255 visible ASCII characters' },
      ]);
    }
    const fingerprint = requestFingerprint(request.method, request.originalUrl, request.body, PrincipalContext.current()?.userId);
    CommandContext.run({ key, fingerprint }, () => next());
  }
}

/** Marks a replayed answer, so a client can tell a retry's answer from a first one. */
@Injectable()
export class IdempotentReplayInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      tap(() => {
        if (context.getType() !== 'http' || !CommandContext.current()?.replayed) return;
        context.switchToHttp().getResponse<Response>().setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
      }),
    );
  }
}

/** Documents a command endpoint's optional Idempotency-Key header in OpenAPI. */
export const IdempotentCommand = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Valgfri nøgle (1-255 tegn) der gør kommandoen sikker at gentage: samme nøgle og samme forespørgsel giver det første svar igen, ' +
      'uden ny virkning (svaret har da Idempotent-Replayed: true); samme nøgle med en anden forespørgsel giver 422.',
  });
