import { HttpStatus } from '@nestjs/common';
import { isISO8601, registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { ProblemException } from '@fremskudt/service-kit';
import { compareIsoDates, IsoDate } from '../rules';

/**
 * Refuses a date after today with a 400 naming the field, like the validation pipe would: a fact
 * (held, assessed, completed) cannot have happened tomorrow. Today is a Copenhagen date, which a
 * DTO decorator cannot know without reading the clock, so the service checks it.
 */
export function assertNotAfterToday(field: string, date: IsoDate, today: IsoDate): void {
  if (compareIsoDates(date, today) > 0) {
    throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation-failed', undefined, [
      { field, code: 'notInFuture', message: `must not be after today (${today})` },
    ]);
  }
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
export { IsCalendarDate } from '../case/validation';
export const isCalendarDate = (value: unknown): boolean => typeof value === 'string' && CALENDAR_DATE.test(value) && isISO8601(value, { strict: true });

/**
 * A field that belongs to one case of the command only (heldOn to a held outcome, areaCode to a
 * place in an area): required and valid when `applies` holds, refused when it does not. One
 * decorator, because class-validator's ValidateIf would switch off the whole property at once.
 */
export function RequiredOnlyWhen<T>(
  applies: (dto: T) => boolean,
  isValid: (value: unknown) => boolean,
  messages: { required: string; invalid: string; forbidden: string },
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'requiredOnlyWhen',
      target: target.constructor,
      propertyName: propertyName as string,
      options: validationOptions,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          applies(args.object as T) ? value !== undefined && value !== null && isValid(value) : value === undefined,
        defaultMessage: (args: ValidationArguments) => {
          if (!applies(args.object as T)) return messages.forbidden;
          return args.value === undefined || args.value === null ? messages.required : messages.invalid;
        },
      },
    });
}
