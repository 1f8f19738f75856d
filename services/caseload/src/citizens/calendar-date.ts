import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/**
 * A calendar date `YYYY-MM-DD` (a Copenhagen date, no time): strict ISO 8601 refuses 2025-02-30,
 * and the pattern refuses the other ISO forms (week dates, times, 2025-0630).
 */
export const IsCalendarDate = () =>
  applyDecorators(IsISO8601({ strict: true }), Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' }));
