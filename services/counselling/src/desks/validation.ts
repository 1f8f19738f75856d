/** The platform's field rules (service-kit), as the counselling service's DTOs use them. */
export {
  badInput,
  CLOCK_SKEW_MS,
  CODE_MESSAGE,
  CODE_PATTERN,
  IsCalendarDate,
  IsDateTimeWithOffset,
  IsLocalTime,
  IsNotInFutureInstant,
  IsOptionalNotNull,
  requireAnyOf,
} from '@fremskudt/service-kit';
