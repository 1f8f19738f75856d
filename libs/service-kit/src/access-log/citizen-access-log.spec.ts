import { HttpStatus } from '@nestjs/common';
import { IdempotencyKeyReusedError } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem, ProblemException } from '../http/problem';
import { outcomeOf } from './citizen-access-log';

describe('outcomeOf', () => {
  it.each([
    ['a 404 problem', new NotFoundProblem('x'), 'not-found'],
    ['a 409 refusal', new ConflictProblem('citizen-exited', 'x'), 'refused'],
    ['a validation error', new ProblemException(HttpStatus.BAD_REQUEST, 'validation-failed'), 'refused'],
    ['a reused idempotency key', new IdempotencyKeyReusedError('k'), 'refused'],
    ['a 403', new ProblemException(HttpStatus.FORBIDDEN, 'forbidden'), 'denied'],
    ['a 503', new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'x'), 'failed'],
    ['an internal error', new Error('db down'), 'failed'],
  ])('%s → %s', (_case, error, outcome) => expect(outcomeOf(error)).toBe(outcome));
});
