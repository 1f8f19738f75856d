import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

/** `a,b` in a query string as a list. */
export const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : value);

/** `true`/`false` in a query string as a boolean (anything else stays, and the validator names it). */
export const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export const FORMATS = ['json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** `format=csv`: the table as CSV (Danish: semicolons and decimal commas; English: commas and points). */
export const FormatField = () =>
  applyDecorators(
    ApiPropertyOptional({ enum: FORMATS, default: 'json', description: 'csv: tabellen som CSV (dansk: semikolon og decimalkomma; engelsk: komma og punktum)' }),
    IsOptional(),
    IsIn(FORMATS),
  );

/** `citizens=true`: the pseudonymous citizen ids behind each figure, for audit. */
export const CitizensField = (description: string) => applyDecorators(ApiPropertyOptional({ type: Boolean, description }), IsOptional(), Transform(toBoolean), IsBoolean());
