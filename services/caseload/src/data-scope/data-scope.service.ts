import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '@fremskudt/persistence';
import { citizenInScope, CitizenStanding, DataScope, outOfScope, StaffDataScopeCheck, staffInScope, UUID_PATTERN, uuidParam } from '@fremskudt/service-kit';
import { CITIZEN_ACCESS, CitizenAccessSpec } from '../access-log/citizen-access.decorator';
import { SCOPE_OWNER, SCOPE_STAFF, ScopeOwner } from './data-scope.decorators';

/**
 * Caseload's data scope (see dataScopeOf): a request for a citizen — named in the route, the
 * query (`citizenParam`/`citizenQuery` of `@CitizenAccess`) or through a row of theirs
 * (`@OwnedByCitizen`) — or for a colleague's caseload (`@ScopedToStaff`) is refused out of scope
 * before the handler; `@CitizenAccess` listings filter by `current()`.
 */
@Injectable()
export class DataScopeService extends StaffDataScopeCheck {
  constructor(reflector: Reflector, @Inject(UnitOfWork) unitOfWork: UnitOfWork) {
    super(reflector, unitOfWork);
  }

  protected declaresScope(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    return [CITIZEN_ACCESS, SCOPE_OWNER, SCOPE_STAFF].some((key) => this.reflector.get(key, handler) !== undefined);
  }

  protected async checkTargets(manager: EntityManager, scope: DataScope, context: ExecutionContext): Promise<void> {
    const handler = context.getHandler();
    const request = context.switchToHttp().getRequest<Request>();
    const access = this.reflector.get<CitizenAccessSpec | undefined>(CITIZEN_ACCESS, handler);
    const owner = this.reflector.get<ScopeOwner | undefined>(SCOPE_OWNER, handler);
    const staffId = uuidParam(request, this.reflector.get<string | undefined>(SCOPE_STAFF, handler));

    const citizenId = this.citizenNamed(access, request) ?? (owner ? await this.ownerOf(manager, owner, request) : undefined);
    if (citizenId) {
      const standing = await this.standingOf(manager, citizenId);
      if (standing && !citizenInScope(scope, standing)) throw outOfScope('The citizen is not in your caseload, your team’s or your areas’');
    }
    if (staffId) {
      const [colleague] = (await manager.query(`SELECT id AS "staffId", team_code AS "teamCode" FROM staff_member WHERE id = $1`, [staffId])) as Array<{ staffId: string; teamCode: string }>;
      if (colleague && !staffInScope(scope, colleague)) throw outOfScope('You see your own caseload and, as team lead, your team’s');
    }
  }

  private citizenNamed(access: CitizenAccessSpec | undefined, request: Request): string | undefined {
    if (access?.citizenParam) return uuidParam(request, access.citizenParam);
    const value = access?.citizenQuery ? request.query[access.citizenQuery] : undefined;
    return typeof value === 'string' && UUID_PATTERN.test(value) ? value : undefined;
  }

  private async ownerOf(manager: EntityManager, owner: ScopeOwner, request: Request): Promise<string | undefined> {
    const id = uuidParam(request, owner.param);
    if (!id) return undefined;
    // The table name comes from the decorator's closed list, never from the request.
    const [row] = (await manager.query(`SELECT citizen_id AS "citizenId" FROM ${owner.table} WHERE id = $1`, [id])) as Array<{ citizenId: string }>;
    return row?.citizenId;
  }

  private async standingOf(manager: EntityManager, citizenId: string): Promise<CitizenStanding | undefined> {
    const [row] = (await manager.query(
      `SELECT c.area_code AS "areaCode", a.consultant_id AS "consultantId", a.team_code AS "teamCode"
         FROM citizen c LEFT JOIN case_assignment a ON a.citizen_id = c.id AND a.to_date IS NULL
        WHERE c.id = $1`,
      [citizenId],
    )) as CitizenStanding[];
    return row;
  }
}
