import { IsCode } from '@fremskudt/service-kit';

/** The platform's field rules (service-kit), as the projects service's DTOs use them. */
export {
  assertNotBefore,
  badInput,
  CODE_MESSAGE,
  CODE_PATTERN,
  IsCalendarDate,
  IsCode,
  IsNotInFuture,
  IsOptionalNotNull,
  IsOptionalOrNull,
  requireAnyOf,
} from '@fremskudt/service-kit';

/** Arrays of project, phase, milestone and area codes. */
export const AreCodes = () => IsCode({ each: true });
