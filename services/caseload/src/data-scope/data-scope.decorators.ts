import { SetMetadata } from '@nestjs/common';

export const SCOPE_OWNER = 'caseload:scope-owner';
export const SCOPE_STAFF = 'caseload:scope-staff';

/** The tables whose rows belong to one citizen and are addressed by their own id in a route. */
export const CITIZEN_OWNED_TABLES = ['offer', 'job_plan', 'consultant_task', 'interview'] as const;
export type CitizenOwnedTable = (typeof CITIZEN_OWNED_TABLES)[number];

export interface ScopeOwner {
  table: CitizenOwnedTable;
  /** The route parameter holding the row's id. */
  param: string;
}

/**
 * The route addresses a row of one citizen's (an offer, a plan, a task) by its own id: the
 * user's data scope is checked against that citizen before the handler runs, so a change out of
 * scope is refused before anything is written.
 */
export const OwnedByCitizen = (table: CitizenOwnedTable, param = 'id') => SetMetadata(SCOPE_OWNER, { table, param } satisfies ScopeOwner);

/** The route lists a staff member's caseload or tasks (the parameter names them): own, the team's as team lead, anyone's as unit lead. */
export const ScopedToStaff = (param: string) => SetMetadata(SCOPE_STAFF, param);
