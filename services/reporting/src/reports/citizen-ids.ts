import { HttpStatus } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { hasAnyRole, PrincipalContext, ProblemException, Role, RoleName } from '@fremskudt/service-kit';

/**
 * Who may list the pseudonymous citizen ids behind a figure (`citizens=true`, for audit). A
 * pseudonymous id is still personal data, and managers read aggregated figures only.
 */
export const CITIZEN_ID_READERS: readonly RoleName[] = [Role.TeamLead, Role.UnitLead, Role.TenantAdmin];

/** 403 `citizen-ids-forbidden` when the request asks for citizen ids and the user may not have them. */
export function assertMayListCitizenIds(requested: boolean | undefined): void {
  if (requested !== true) return;
  const principal = PrincipalContext.require();
  if (!hasAnyRole(principal, CITIZEN_ID_READERS)) {
    throw new ProblemException(HttpStatus.FORBIDDEN, 'citizen-ids-forbidden', `citizens=true needs one of the roles ${CITIZEN_ID_READERS.join(', ')}`);
  }
}

/** The 403 in the OpenAPI document of an endpoint that takes `citizens=true`. */
export const ApiCitizenIdsForbidden = () =>
  ApiForbiddenResponse({ description: 'citizens=true kræver rollen teamleder, afdelingsleder eller administrator (ledere ser kun samlede tal)' });
