/** The platform's field rules (service-kit), as caseload's DTOs and commands use them. */
export { assertNotBefore, badInput, CODE_PATTERN, IsCalendarDate, IsNotInFuture } from '@fremskudt/service-kit';
