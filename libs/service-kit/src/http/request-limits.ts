import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { MessageKey } from './messages';
import { ProblemException } from './problem';

/** `application/json`, or a JSON-based type such as `application/merge-patch+json`, with any parameters. */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/** Whether the request carries a body, as body-parser decides it (RFC 9112: length or chunked). */
const hasBody = (request: Request) =>
  request.headers['transfer-encoding'] !== undefined || (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0');

/**
 * The services take JSON bodies only. Any other body (a form, text, a file) is refused with 415
 * before it is read, rather than silently ignored and then misreported as missing fields.
 */
export function jsonBodiesOnly(request: Request, _response: Response, next: NextFunction): void {
  if (!hasBody(request) || JSON_MEDIA_TYPE.test(request.headers['content-type'] ?? '')) return next();
  next(new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported-media-type', 'Send the body as application/json'));
}

/**
 * PostgreSQL cannot store NUL (U+0000) in text, and no field of ours has a use for it: a NUL
 * that reached a query would fail there as a 500. So it is refused at the door, as bad input.
 */
const NUL = '\u0000';

/** A JSON.parse reviver (the body parser's): a NUL in any string or key makes the body malformed (400). */
export function refuseNulCharacters(key: string, value: unknown): unknown {
  if (key.includes(NUL) || (typeof value === 'string' && value.includes(NUL))) throw new SyntaxError('Text must not contain NUL characters (\\u0000)');
  return value;
}

/** Refuses a NUL anywhere in the path or query (`%00`), before it reaches a route. */
export function noNulInUrl(request: Request, _response: Response, next: NextFunction): void {
  if (!/%00/.test(request.originalUrl)) return next();
  next(new ProblemException(HttpStatus.BAD_REQUEST, 'bad-request', 'The address must not contain NUL characters (%00)'));
}

/** body-parser's errors are http-errors with a `type`; their messages are safe to show, their stacks are not. */
interface BodyParserError {
  type: string;
  status: number;
  message: string;
}

const BODY_PARSER_CODES: Record<number, MessageKey> = {
  400: 'bad-request',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
};

function isBodyParserError(error: unknown): error is BodyParserError {
  const candidate = error as Partial<BodyParserError> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.type === 'string' &&
    /^(entity|request|encoding|charset|stream|parameters)\./.test(candidate.type) &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
}

/**
 * The problem for an error body-parser raised while reading a request (too large, malformed JSON,
 * unsupported charset or encoding, aborted), or undefined for any other error. Nest maps only
 * the JSON syntax errors itself; without this the others would surface as 500.
 */
export function bodyParserProblem(error: unknown): ProblemException | undefined {
  if (!isBodyParserError(error)) return undefined;
  return new ProblemException(error.status, BODY_PARSER_CODES[error.status] ?? 'bad-request', error.message);
}
