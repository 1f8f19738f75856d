import { HttpStatus } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { ProblemException } from '@fremskudt/service-kit';

/**
 * 400 naming each of `fields` when the request gives none of them: a change without anything to
 * change, or a search without a criterion, is a client error, not a silent no-op.
 */
export function requireAnyOf(request: object, fields: readonly string[]): void {
  const given = request as Record<string, unknown>;
  if (fields.some((field) => given[field] !== undefined)) return;
  const message = `give at least one of ${fields.join(', ')}`;
  throw new ProblemException(
    HttpStatus.BAD_REQUEST,
    'validation-failed',
    undefined,
    fields.map((field) => ({ field, code: 'atLeastOneOf', message })),
  );
}

/**
 * Like @IsOptional, but only for a field left out: an explicit null is validated (and refused),
 * so `{ "matchGroup": null }` is a 400 rather than silently "no change".
 */
export const IsOptionalNotNull = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
