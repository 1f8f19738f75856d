import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, throwError } from 'rxjs';
import { IdempotencyKeyReusedError, InvalidTenantError, MissingTenantError } from '@fremskudt/persistence';
import { constraintMessage, languageOf, MessageKey, MESSAGES, text } from './messages';
import { FieldProblem, ProblemException } from './problem';
import { bodyParserProblem } from './request-limits';

const KNOWN_TITLES = new Set<string>(Object.keys(MESSAGES).filter((key) => !key.startsWith('field-')));

const STATUS_CODES: Partial<Record<number, MessageKey>> = {
  400: 'bad-request',
  401: 'token-invalid',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
};

/** Renders every error as application/problem+json; never a stack trace. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    // An event handler's error goes back, unchanged, to the Kafka transport (retry, dead letter).
    if (host.getType() !== 'http') return throwError(() => exception);
    // Errors of reading the body (too large, bad charset…) arrive as plain http-errors: answer them as problems.
    const bodyProblem = bodyParserProblem(exception);
    if (bodyProblem) return this.catch(bodyProblem, host);
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const language = languageOf(request);

    let status = HttpStatus.INTERNAL_SERVER_ERROR;
    let code: string = 'internal-error';
    let detail: string | undefined;
    let errors: FieldProblem[] = [];

    if (exception instanceof ProblemException) {
      status = exception.getStatus();
      ({ code, detail, errors } = exception);
      errors = errors.map((error) => ({ ...error, message: constraintMessage(error.code, error.message, language) }));
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      code = STATUS_CODES[status] ?? (status < 500 ? 'bad-request' : 'internal-error');
      const body = exception.getResponse();
      detail = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? exception.message);
    } else if (exception instanceof MissingTenantError || exception instanceof InvalidTenantError) {
      status = HttpStatus.BAD_REQUEST;
      code = exception instanceof MissingTenantError ? 'tenant-missing' : 'tenant-invalid';
    } else if (exception instanceof IdempotencyKeyReusedError) {
      status = HttpStatus.UNPROCESSABLE_ENTITY;
      code = 'idempotency-key-reused';
      detail = exception.message;
    }

    if (status >= 500) {
      this.logger.error({ err: exception, path: request.path }, 'request failed');
      detail = undefined;
    }
    const title = KNOWN_TITLES.has(code) ? text(code as MessageKey, language) : text(STATUS_CODES[status] ?? 'bad-request', language);
    response
      .status(status)
      .type('application/problem+json')
      .json({
        type: `https://fremskudt.dk/problems/${code}`,
        title,
        status,
        code,
        ...(detail ? { detail } : {}),
        ...(errors.length ? { errors } : {}),
      });
  }
}
