import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { hasAnyRole, Principal, PrincipalContext, Role, RoleGroups } from '@fremskudt/service-kit';

/**
 * The one rule of what a partner user sees. A partner user holds the role `partner` and no staff
 * role, and acts for the organisation in the token's `org` claim: the identity broker maps the
 * organisation to the partner's `code` in this service (POST /partners). Such a user sees the
 * projects that partner has joined (POST /projects/:id/partners) and nothing else: any other
 * project, and its enrolments, applications and figures, answers 404 as if it did not exist. A
 * partner user without an org, or with an org that is no partner of the tenant, sees nothing.
 * A user who also holds a staff role keeps staff rights. Code that runs outside a request (the
 * consumers) has no principal: it is the service itself and sees the whole tenant.
 */

/** The organisation a partner-only request acts for (null code: the token names none); null for everyone else. */
export function partnerViewerOf(principal: Principal | undefined): { partnerCode: string | null } | null {
  if (!principal?.roles.includes(Role.Partner)) return null;
  if (hasAnyRole(principal, RoleGroups.staff)) return null;
  return { partnerCode: principal.organisation ?? null };
}

export const currentPartnerViewer = () => partnerViewerOf(PrincipalContext.current());

/** Whose projects a request may see: all of the tenant's, or those of one partner (none when the org is no partner here). */
export type ProjectScope = { kind: 'all' } | { kind: 'partner'; partner: { id: string; code: string } | null };

/** Resolved once per transaction: a command asks several times (project, enrolment, views). */
const scopes = new WeakMap<EntityManager, Promise<ProjectScope>>();

export function projectScope(manager: EntityManager): Promise<ProjectScope> {
  let scope = scopes.get(manager);
  if (!scope) {
    scope = resolveScope(manager);
    scopes.set(manager, scope);
  }
  return scope;
}

async function resolveScope(manager: EntityManager): Promise<ProjectScope> {
  const viewer = currentPartnerViewer();
  if (!viewer) return { kind: 'all' };
  if (!viewer.partnerCode) return { kind: 'partner', partner: null };
  // Row-level security keeps this to the tenant of the token: another municipality's partner of that code is not found.
  const [partner]: Array<{ id: string }> = await manager.query(`SELECT id FROM partner WHERE code = $1`, [viewer.partnerCode]);
  return { kind: 'partner', partner: partner ? { id: partner.id, code: viewer.partnerCode } : null };
}

/** Whether the request may see the project at all; callers answer 404 when not (never 403: that would tell it exists). */
export async function isProjectInScope(manager: EntityManager, projectId: string): Promise<boolean> {
  const scope = await projectScope(manager);
  if (scope.kind === 'all') return true;
  if (!scope.partner) return false;
  const linked: unknown[] = await manager.query(`SELECT 1 FROM project_partner WHERE project_id = $1 AND partner_id = $2`, [projectId, scope.partner.id]);
  return linked.length > 0;
}

/** Narrows a query of projects (`alias` the project) to the request's scope. */
export async function withinScope<T extends ObjectLiteral>(manager: EntityManager, query: SelectQueryBuilder<T>, alias: string): Promise<SelectQueryBuilder<T>> {
  const scope = await projectScope(manager);
  if (scope.kind === 'all') return query;
  if (!scope.partner) return query.andWhere('false');
  return query.andWhere(`EXISTS (SELECT 1 FROM project_partner in_scope WHERE in_scope.project_id = ${alias}.id AND in_scope.partner_id = :scopePartnerId)`, {
    scopePartnerId: scope.partner.id,
  });
}
