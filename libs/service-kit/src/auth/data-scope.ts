import { Role, RoleName } from './roles';

/** The staff member a user signs in as (found by the token's subject), as the scope rules need it. */
export interface LinkedStaffMember {
  staffId: string;
  teamCode: string;
  areaCodes: readonly string[];
  active: boolean;
}

/**
 * Which citizens a user may read and change, below what their roles allow:
 * - `everything`: the whole tenant (a unit lead).
 * - `consultantIds`: citizens whose responsible consultant is one of these (a consultant's own caseload).
 * - `teamCodes`: citizens whose responsibility lies with one of these teams (a team lead's team).
 * - `intakeAreaCodes`: citizens of these areas with no responsible consultant (intake: someone
 *   must be able to take them on).
 * - `areaCodes`: every citizen of these areas (mentors accompany an area's citizens whoever holds the case).
 * The union applies; an empty scope reaches no citizen.
 */
export interface DataScope {
  everything: boolean;
  staffId?: string;
  consultantIds: string[];
  teamCodes: string[];
  intakeAreaCodes: string[];
  areaCodes: string[];
}

export const EMPTY_SCOPE: DataScope = Object.freeze({ everything: false, consultantIds: [], teamCodes: [], intakeAreaCodes: [], areaCodes: [] }) as DataScope;
export const WHOLE_TENANT: DataScope = Object.freeze({ ...EMPTY_SCOPE, everything: true }) as DataScope;

const union = (...lists: ReadonlyArray<readonly string[]>): string[] => [...new Set(lists.flat())];

/**
 * The scope of a user's roles, given the staff member their login is linked to: the token's
 * roles say what kind of reach (own caseload, team, area); the staff member says whose, which
 * team, which areas. No linked (or an inactive) staff member: nothing, except a unit lead's.
 */
export function dataScopeOf(roles: readonly RoleName[], staff: LinkedStaffMember | undefined): DataScope {
  if (roles.includes(Role.UnitLead)) return { ...WHOLE_TENANT, ...(staff ? { staffId: staff.staffId } : {}) };
  if (!staff || !staff.active) return EMPTY_SCOPE;
  const consultant = roles.includes(Role.JobConsultant);
  const teamLead = roles.includes(Role.TeamLead);
  const mentor = roles.includes(Role.Mentor);
  return {
    everything: false,
    staffId: staff.staffId,
    consultantIds: consultant ? [staff.staffId] : [],
    teamCodes: teamLead ? [staff.teamCode] : [],
    intakeAreaCodes: consultant || teamLead ? union(staff.areaCodes) : [],
    areaCodes: mentor ? union(staff.areaCodes) : [],
  };
}

/** Where a citizen stands now: their area and, when someone holds the case, who and which team. */
export interface CitizenStanding {
  areaCode: string;
  consultantId: string | null;
  teamCode: string | null;
}

export function citizenInScope(scope: DataScope, citizen: CitizenStanding): boolean {
  if (scope.everything) return true;
  if (scope.areaCodes.includes(citizen.areaCode)) return true;
  if (citizen.consultantId === null) return scope.intakeAreaCodes.includes(citizen.areaCode);
  return scope.consultantIds.includes(citizen.consultantId) || (citizen.teamCode !== null && scope.teamCodes.includes(citizen.teamCode));
}

/** Whether the user may see a colleague's caseload and tasks: their own, their team's as team lead, anyone's as unit lead. */
export function staffInScope(scope: DataScope, staff: { staffId: string; teamCode: string }): boolean {
  return scope.everything || scope.staffId === staff.staffId || scope.teamCodes.includes(staff.teamCode);
}

/** Whether the user works at a desk of the area: a unit lead anywhere, others in their own areas (and their team's, for team leads). */
export function areaInScope(scope: DataScope, areaCode: string): boolean {
  return scope.everything || scope.intakeAreaCodes.includes(areaCode) || scope.areaCodes.includes(areaCode);
}
