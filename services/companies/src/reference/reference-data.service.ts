import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { badInput } from '../shared/validation';
import { AREA_TEMPLATE_AREAS, AreaTemplate } from './area-templates';
import { DEFAULT_BRANCHES } from './default-branches';
import { AreaRow, BranchRow, CompaniesSettingsRow } from './reference.entities';
import { AreaView, BranchView, ChangeBranchDto, CompaniesSettings, CreateBranchDto, PutAreaDto } from './reference.dto';

/** A placement of at least this many hours a week is full-time, unless the tenant sets its own threshold. */
export const DEFAULT_FULL_TIME_HOURS_PER_WEEK = 30;

export const DEFAULT_COMPANIES_SETTINGS: CompaniesSettings = { fullTimeHoursPerWeek: DEFAULT_FULL_TIME_HOURS_PER_WEEK };

/** An area's centre, for distances. */
export interface AreaCentre {
  latitude: number;
  longitude: number;
}

/** Serialises changes to one kind of reference data per tenant, so checks and writes don't interleave. */
async function lockReference(manager: EntityManager, kind: 'branches' | 'areas'): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('companies.reference:' || current_setting('app.tenant_id') || ':' || $1))`, [kind]);
}

/**
 * The tenant's reference data: branches (the brief's focus branches merged with the tenant's own
 * and its overrides), areas with their centres, and its placement settings. Other modules ask
 * inside their own transaction.
 */
@Injectable()
export class ReferenceDataService {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  // ---- branches ----

  async branches(manager: EntityManager): Promise<BranchView[]> {
    const rows = await manager.find(BranchRow, { order: { code: 'ASC' } });
    const own = new Map(rows.map((row) => [row.code, row]));
    const defaults = DEFAULT_BRANCHES.map((branch) => {
      const override = own.get(branch.code);
      return { ...branch, active: override?.active ?? true, ...(override ? { labelDa: override.labelDa, labelEn: override.labelEn } : {}), standard: true };
    });
    const standardCodes = new Set(DEFAULT_BRANCHES.map((branch) => branch.code));
    const added = rows
      .filter((row) => !standardCodes.has(row.code))
      .map((row) => ({ code: row.code, labelDa: row.labelDa, labelEn: row.labelEn, active: row.active, standard: false }));
    return [...defaults, ...added];
  }

  /** 400 naming the field (e.g. `branchCode`, `branchCodes.1`) for each code that is not an active branch of the tenant. */
  async assertActiveBranches(manager: EntityManager, codes: ReadonlyArray<{ field: string; code: string }>): Promise<void> {
    const active = new Set((await this.branches(manager)).filter((branch) => branch.active).map((branch) => branch.code));
    const unknown = codes.filter(({ code }) => !active.has(code));
    if (unknown.length) {
      throw badInput(...unknown.map(({ field, code }) => ({ field, code: 'knownBranch', message: `${JSON.stringify(code)} is not an active branch of the tenant (GET /branches)` })));
    }
  }

  listBranches(): Promise<BranchView[]> {
    return this.unitOfWork.run((manager) => this.branches(manager));
  }

  createBranch(command: CreateBranchDto): Promise<BranchView> {
    return this.unitOfWork.command(async (manager) => {
      await lockReference(manager, 'branches');
      if ((await this.branches(manager)).some((branch) => branch.code === command.code)) {
        throw new ConflictProblem('branch-exists', `The tenant already has a branch ${command.code}`);
      }
      const row = { tenantId: TenantContext.currentTenant(), code: command.code, labelDa: command.labelDa, labelEn: command.labelEn, active: true };
      await manager.insert(BranchRow, row);
      return { code: row.code, labelDa: row.labelDa, labelEn: row.labelEn, active: true, standard: false };
    });
  }

  /** Relabels or retires a branch; for a default branch this writes the tenant's override. */
  changeBranch(code: string, command: ChangeBranchDto): Promise<BranchView> {
    return this.unitOfWork.command(async (manager) => {
      await lockReference(manager, 'branches');
      const current = (await this.branches(manager)).find((branch) => branch.code === code);
      if (!current) throw new NotFoundProblem(`Branch ${code} not found`);
      const next = { ...current, labelDa: command.labelDa ?? current.labelDa, labelEn: command.labelEn ?? current.labelEn, active: command.active ?? current.active };
      await manager.upsert(
        BranchRow,
        { tenantId: TenantContext.currentTenant(), code, labelDa: next.labelDa, labelEn: next.labelEn, active: next.active },
        ['tenantId', 'code'],
      );
      return next;
    });
  }

  // ---- areas ----

  /** The tenant's area centres by code. */
  async areaCentres(manager: EntityManager): Promise<Map<string, AreaCentre>> {
    const rows = await manager.find(AreaRow);
    return new Map(rows.map((row) => [row.code, { latitude: row.latitude, longitude: row.longitude }]));
  }

  listAreas(): Promise<AreaView[]> {
    return this.unitOfWork.run(async (manager) => (await manager.find(AreaRow, { order: { code: 'ASC' } })).map(toAreaView));
  }

  putArea(code: string, command: PutAreaDto): Promise<AreaView> {
    return this.unitOfWork.command(async (manager) => {
      const row = { tenantId: TenantContext.currentTenant(), code, ...command };
      await manager.upsert(AreaRow, row, ['tenantId', 'code']);
      return toAreaView(row);
    });
  }

  /** Adds the template's areas the tenant does not have yet; areas it already has are kept as they are. */
  applyAreaTemplate(template: AreaTemplate): Promise<AreaView[]> {
    return this.unitOfWork.command(async (manager) => {
      await lockReference(manager, 'areas');
      const tenantId = TenantContext.currentTenant();
      for (const area of AREA_TEMPLATE_AREAS[template]) {
        await manager.createQueryBuilder().insert().into(AreaRow).values({ tenantId, ...area }).orIgnore().execute();
      }
      return (await manager.find(AreaRow, { order: { code: 'ASC' } })).map(toAreaView);
    });
  }

  // ---- settings ----

  async settings(manager: EntityManager): Promise<CompaniesSettings> {
    const row = await manager.findOneBy(CompaniesSettingsRow, { tenantId: TenantContext.currentTenant() });
    return row ? { fullTimeHoursPerWeek: row.fullTimeHoursPerWeek } : { ...DEFAULT_COMPANIES_SETTINGS };
  }

  getSettings(): Promise<CompaniesSettings> {
    return this.unitOfWork.run((manager) => this.settings(manager));
  }

  replaceSettings(settings: CompaniesSettings): Promise<CompaniesSettings> {
    return this.unitOfWork.command(async (manager) => {
      await manager.upsert(CompaniesSettingsRow, { tenantId: TenantContext.currentTenant(), ...settings }, ['tenantId']);
      return { ...settings };
    });
  }
}

const toAreaView = (row: { code: string; name: string; kind: string; latitude: number; longitude: number }): AreaView => ({
  code: row.code,
  name: row.name,
  kind: row.kind,
  latitude: row.latitude,
  longitude: row.longitude,
});
