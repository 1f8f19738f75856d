import { ExecutionContext, Global, Inject, Injectable, Module, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '@fremskudt/persistence';
import { areaInScope, DATA_SCOPE_CHECK, DataScope, outOfScope, StaffDataScopeCheck, uuidParam } from '@fremskudt/service-kit';

const AT_DESK = 'counselling:at-desk';

/** How a route names the desk it works at: by the desk's id, or by a visit at it. */
export type DeskReference = { deskParam: string } | { visitParam: string };

/**
 * The route works at one desk (its sessions, visits, queue, opening hours): a job consultant,
 * mentor or team lead does so at the desks of their own areas only; a unit lead and an admin
 * everywhere. On a controller, for all its handlers.
 */
export const AtDesk = (reference: DeskReference) => SetMetadata(AT_DESK, reference);

/**
 * Counselling's data scope (see dataScopeOf): the desk a request works at must lie in one of the
 * user's areas, checked before the handler. The areas come from caseload's staff topic (the
 * staff read model, linked to the login by StaffLoginLinked).
 */
@Injectable()
export class DeskScopeCheck extends StaffDataScopeCheck {
  constructor(reflector: Reflector, @Inject(UnitOfWork) unitOfWork: UnitOfWork) {
    super(reflector, unitOfWork);
  }

  protected declaresScope(context: ExecutionContext): boolean {
    return this.referenceOf(context) !== undefined;
  }

  protected async checkTargets(manager: EntityManager, scope: DataScope, context: ExecutionContext): Promise<void> {
    const reference = this.referenceOf(context)!;
    const request = context.switchToHttp().getRequest<Request>();
    const [desk] = (
      'deskParam' in reference
        ? await manager.query(`SELECT area_code AS "areaCode" FROM desk WHERE id = $1`, [uuidParam(request, reference.deskParam) ?? null])
        : await manager.query(`SELECT d.area_code AS "areaCode" FROM visit v JOIN desk d ON d.id = v.desk_id WHERE v.id = $1`, [uuidParam(request, reference.visitParam) ?? null])
    ) as Array<{ areaCode: string }>;
    // An unknown desk or visit is the handler's 404.
    if (desk && !areaInScope(scope, desk.areaCode)) throw outOfScope(`You work at the desks of your own areas; this desk is in ${desk.areaCode}`);
  }

  private referenceOf(context: ExecutionContext): DeskReference | undefined {
    return this.reflector.getAllAndOverride<DeskReference | undefined>(AT_DESK, [context.getHandler(), context.getClass()]);
  }
}

/** The desk scope as the RolesGuard's DATA_SCOPE_CHECK (global, so the platform's guard finds it). */
@Global()
@Module({
  providers: [DeskScopeCheck, { provide: DATA_SCOPE_CHECK, useExisting: DeskScopeCheck }],
  exports: [DATA_SCOPE_CHECK],
})
export class DeskScopeModule {}
