import { applyDecorators, HttpStatus } from '@nestjs/common';
import { IsISO8601, Matches, registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { FieldProblem, ProblemException } from '@fremskudt/service-kit';
import { DATE_TIME_WITH_OFFSET_PATTERN, ISO_DATE_PATTERN, LOCAL_TIME_PATTERN } from './copenhagen-time';

/** Area, partner and topic codes: the contracts' Code pattern. */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const CODE_MESSAGE = 'must be a code (lower-case letters, digits, dashes)';

/** A calendar date `YYYY-MM-DD` (strict: a real date, no time, no zone). */
export const IsCalendarDate = () => applyDecorators(IsISO8601({ strict: true }), Matches(ISO_DATE_PATTERN, { message: 'must be a date YYYY-MM-DD' }));

/** A local time of day 'HH:MM' (Copenhagen wall clock). */
export const IsLocalTime = () => Matches(LOCAL_TIME_PATTERN, { message: 'must be a time HH:MM (00:00-23:59)' });

/** An ISO date-time with an offset: an instant, never a local time without a zone. */
export const IsDateTimeWithOffset = () =>
  applyDecorators(IsISO8601({ strict: true }), Matches(DATE_TIME_WITH_OFFSET_PATTERN, { message: 'must be an ISO date-time with offset' }));

/** Desk clocks and the server's may differ a little; more than this ahead is the future. */
export const CLOCK_SKEW_MS = 2 * 60_000;

/** An instant something happened at can't be in the future: 400 naming the field. */
export function IsNotInFutureInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notInFuture',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must not be in the future', ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !DATE_TIME_WITH_OFFSET_PATTERN.test(value)) return true;
          const instant = Date.parse(value);
          return Number.isNaN(instant) || instant <= Date.now() + CLOCK_SKEW_MS;
        },
      },
    });
}

/** Like @IsOptional, but only for a field left out: an explicit null is validated (and refused). */
export const IsOptionalNotNull = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** A 400 for rules across fields that class-validator can't express, naming each field like the pipe does. */
export function badInput(...errors: FieldProblem[]): ProblemException {
  return new ProblemException(HttpStatus.BAD_REQUEST, 'validation-failed', undefined, errors);
}

/** 400 naming each of `fields` when the request gives none of them (a change with nothing to change). */
export function requireAnyOf(request: object, fields: readonly string[]): void {
  const given = request as Record<string, unknown>;
  if (fields.some((field) => given[field] !== undefined)) return;
  const message = `give at least one of ${fields.join(', ')}`;
  throw badInput(...fields.map((field) => ({ field, code: 'atLeastOneOf', message })));
}
