import { PipeTransform } from '@nestjs/common';
import { isUUID, ValidateBy, ValidationOptions } from 'class-validator';
import { badInput } from '@fremskudt/service-kit';
import { currentPartnerViewer } from './partner-scope';
import { PSEUDONYM_PATTERN } from './pseudonym-key';

/**
 * How a request names a citizen: staff by the citizen's pseudonymous id from caseload (a UUID), a
 * partner user by its own pseudonym of the participant (22 characters, as its views show it).
 * A partner can't name a citizen by the platform's id: it is never given one.
 */
export function isCitizenReference(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  return currentPartnerViewer() ? PSEUDONYM_PATTERN.test(value) : isUUID(value);
}

const expected = () => (currentPartnerViewer() ? "your organisation's pseudonym of the participant (22 characters)" : "a UUID (the citizen's id from caseload)");

/** OpenAPI description of a citizen in a view: the id for staff, the partner's own pseudonym for a partner user. */
export const CITIZEN_IN_VIEW_DESCRIPTION =
  'Borgerens pseudonyme id fra sagsstammen; for en samarbejdspartner i stedet partnerens eget pseudonym af deltageren (22 tegn), aldrig borgerens id';

/** OpenAPI description of a citizen reference in a request. */
export const CITIZEN_REFERENCE_DESCRIPTION =
  'Borgerens pseudonyme id fra sagsstammen (UUID); for en samarbejdspartner: partnerens eget pseudonym af deltageren (22 tegn, som i dens visninger)';

export const IsCitizenReference = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isCitizenReference', validator: { validate: isCitizenReference, defaultMessage: () => `$property must be ${expected()}` } }, options);

/** The same rule for a path parameter (`field` names it in the 400). */
export class CitizenReferencePipe implements PipeTransform<string, string> {
  constructor(private readonly field = 'citizenId') {}

  transform(value: string): string {
    if (!isCitizenReference(value)) throw badInput({ field: this.field, code: 'isCitizenReference', message: `must be ${expected()}` });
    return value;
  }
}
