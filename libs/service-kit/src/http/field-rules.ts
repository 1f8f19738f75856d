import { applyDecorators, HttpStatus } from '@nestjs/common';
import { IsISO8601, Matches, registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { FieldProblem, ProblemException } from './problem';

/**
 * The field rules every service's DTOs share: codes, calendar dates and instants, "not in the
 * future", optional-but-not-null, and 400s for rules across fields. Each is named in the 400's
 * `errors[].field` like the validation pipe names the rest.
 */

/** Area, topic, branch, phase and other codes: the contracts' Code pattern. */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const CODE_MESSAGE = 'must be a code (lower-case letters, digits, dashes; at most 64)';
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const DATE_TIME_WITH_OFFSET_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Clients' clocks and the server's may differ a little; more than this ahead is the future. */
export const CLOCK_SKEW_MS = 2 * 60_000;

const COPENHAGEN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The Copenhagen calendar date (YYYY-MM-DD) of an instant: the job centres' days. Not the UTC
 * date: 23:30 UTC on 30 June is already 1 July in Copenhagen (CEST), 23:30 UTC on 31 December is
 * 1 January (CET). Every service takes its dates from here.
 */
export function copenhagenDateOf(instant: Date): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError(`not a valid instant: ${String(instant)}`);
  return COPENHAGEN_DATE.format(instant);
}

/** Today in Copenhagen. */
export const copenhagenToday = (now = new Date()): string => copenhagenDateOf(now);

/** A code (the contracts' Code pattern); `{ each: true }` for arrays of codes. */
export const IsCode = (options?: ValidationOptions) => Matches(CODE_PATTERN, { message: options?.each ? `each ${CODE_MESSAGE}` : CODE_MESSAGE, ...options });

/** A calendar date `YYYY-MM-DD` (strict: a real date, no time, no zone). */
export const IsCalendarDate = () => applyDecorators(IsISO8601({ strict: true }), Matches(ISO_DATE_PATTERN, { message: 'must be a date YYYY-MM-DD' }));

/** A local time of day 'HH:MM' (Copenhagen wall clock). */
export const IsLocalTime = () => Matches(LOCAL_TIME_PATTERN, { message: 'must be a time HH:MM (00:00-23:59)' });

/** An ISO date-time with an offset: an instant, never a local time without a zone. */
export const IsDateTimeWithOffset = () =>
  applyDecorators(IsISO8601({ strict: true }), Matches(DATE_TIME_WITH_OFFSET_PATTERN, { message: 'must be an ISO date-time with offset' }));

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
      validator: { validate: (value: unknown) => typeof value !== 'string' || !ISO_DATE_PATTERN.test(value) || value <= copenhagenToday() },
    });
}

/** An instant something happened at can't be in the future (beyond the clock skew): 400 naming the field. */
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

/** Optional, and null is a value of its own (e.g. "no end date", "no capacity limit"). */
export const IsOptionalOrNull = () => ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null);

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

/** 400 naming `field` when the date `later` is before `earlier` (both given; ISO dates compare as strings). */
export function assertNotBefore(later: string | null | undefined, earlier: string | null | undefined, field: string, what: string): void {
  if (later && earlier && later < earlier) throw badInput({ field, code: 'dateOrder', message: `must not be before ${what}` });
}
