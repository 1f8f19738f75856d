import { ExecutionContext, HttpStatus } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '@fremskudt/persistence';
import { ProblemException } from '../http/problem';
import { DataScope, dataScopeOf, EMPTY_SCOPE, LinkedStaffMember, WHOLE_TENANT } from './data-scope';
import { allowedRolesOf, DataScopeCheck } from './permissions';
import { Principal, PrincipalContext } from './principal';
import { Role, RoleName } from './roles';

/** The roles whose reach over citizens and desks depends on who the user is (own caseload, team, areas). */
export const SCOPED_ROLES: readonly RoleName[] = [Role.JobConsultant, Role.Mentor, Role.TeamLead];

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The 403 of a request for something outside the user's scope. */
export const outOfScope = (detail: string) => new ProblemException(HttpStatus.FORBIDDEN, 'out-of-scope', detail);

/** A route parameter as a uuid, or undefined (a malformed id is the validation pipe's 400, not ours). */
export function uuidParam(request: Request, name: string | undefined): string | undefined {
  const value: unknown = name ? request.params[name] : undefined;
  return typeof value === 'string' && UUID_PATTERN.test(value) ? value : undefined;
}

/**
 * The RolesGuard's DATA_SCOPE_CHECK for a service whose data is scoped below the role. For an
 * endpoint that declares scoped data (`declaresScope`), and a user let in only by a scoped role,
 * it finds the staff member the login is linked to (the service's `staff_member` read model, by
 * `login_subject`; none: 403 `staff-not-linked`), settles the user's scope and lets the service
 * refuse the request's targets out of scope (`checkTargets`) — all before the handler, so a
 * refused change writes nothing. Listings filter by `current()`.
 */
export abstract class StaffDataScopeCheck implements DataScopeCheck {
  /** The scope settled for each request's principal (the principal object lives as long as its request). */
  private readonly settled = new WeakMap<Principal, DataScope>();

  protected constructor(
    protected readonly reflector: Reflector,
    protected readonly unitOfWork: UnitOfWork,
  ) {}

  /** Whether the endpoint reaches scoped data (by its declarations). */
  protected abstract declaresScope(context: ExecutionContext): boolean;

  /** Throws `outOfScope(...)` when something the request names lies outside the scope; an unknown id is left to the handler's 404. */
  protected abstract checkTargets(manager: EntityManager, scope: DataScope, context: ExecutionContext): Promise<void>;

  /**
   * The scope the listings of this request filter by. Outside a request (consumers, jobs) the
   * whole tenant; in a request whose endpoint declares no scoped data, nothing (fail closed).
   */
  current(): DataScope {
    const principal = PrincipalContext.current();
    if (!principal) return WHOLE_TENANT;
    return this.settled.get(principal) ?? EMPTY_SCOPE;
  }

  async check(context: ExecutionContext, principal: Principal): Promise<void> {
    if (!this.declaresScope(context)) return;
    const allowed = allowedRolesOf(this.reflector, context) ?? [];
    // Let in by a role whose reach is not scoped (a unit lead; an admin; a partner, scoped by organisation): the whole tenant.
    if (principal.roles.some((role) => allowed.includes(role) && !SCOPED_ROLES.includes(role))) {
      this.settled.set(principal, WHOLE_TENANT);
      return;
    }
    await this.unitOfWork.run(async (manager) => {
      const staff = await linkedStaffMember(manager, principal.userId);
      if (!staff) throw new ProblemException(HttpStatus.FORBIDDEN, 'staff-not-linked', `Login ${principal.userId} is not linked to a staff member`);
      const scope = dataScopeOf(principal.roles, staff);
      this.settled.set(principal, scope);
      await this.checkTargets(manager, scope, context);
    });
  }
}

async function linkedStaffMember(manager: EntityManager, loginSubject: string): Promise<LinkedStaffMember | undefined> {
  const [row] = (await manager.query(
    // Newest first: a read model may briefly hold a subject on two members while a move's events (two keys) arrive.
    `SELECT id AS "staffId", team_code AS "teamCode", area_codes AS "areaCodes", active FROM staff_member
      WHERE login_subject = $1 ORDER BY updated_at DESC LIMIT 1`,
    [loginSubject],
  )) as LinkedStaffMember[];
  return row;
}
