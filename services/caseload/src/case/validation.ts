import { applyDecorators, HttpStatus } from '@nestjs/common';
import { IsISO8601, Matches, registerDecorator, ValidationOptions } from 'class-validator';
import { FieldProblem, ProblemException } from '@fremskudt/service-kit';
import { copenhagenToday } from './calendar';
import { compareIsoDates, IsoDate } from '../rules';

const ISO_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date `YYYY-MM-DD` (strict: a real date, no time, no zone). */
export const IsCalendarDate = () =>
  applyDecorators(IsISO8601({ strict: true }), Matches(ISO_DATE_SHAPE, { message: 'must be a date YYYY-MM-DD' }));

/**
 * A date something happened on can't be after today in Copenhagen: recording a future fact is bad
 * input (400 naming the field), not a conflict with the state.
 */
export function IsNotInFuture(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notInFuture',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must not be after today', ...options },
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !ISO_DATE_SHAPE.test(value) || value <= copenhagenToday(),
      },
    });
}

/** Area, provider and local-actor codes: the contracts' Code pattern. */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A 400 for rules across fields that class-validator can't express, naming each field like the pipe does. */
export function badInput(...errors: FieldProblem[]): ProblemException {
  return new ProblemException(HttpStatus.BAD_REQUEST, 'validation-failed', undefined, errors);
}

/** 400 naming `field` when `later` is before `earlier` (both given). */
export function assertNotBefore(later: IsoDate | null | undefined, earlier: IsoDate | null | undefined, field: string, what: string): void {
  if (later && earlier && compareIsoDates(later, earlier) < 0) {
    throw badInput({ field, code: 'dateOrder', message: `must not be before ${what}` });
  }
}
