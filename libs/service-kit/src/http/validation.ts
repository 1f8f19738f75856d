import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, ProblemException } from './problem';

/** Flattens nested class-validator errors into one entry per field and constraint. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({ field, code, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** Unknown fields, missing fields and wrong types are all refused, each named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new ProblemException(HttpStatus.BAD_REQUEST, 'validation-failed', undefined, fieldProblems(errors)),
  });
}
