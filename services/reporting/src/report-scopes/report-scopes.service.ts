import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '@fremskudt/persistence';
import { GoalScope } from '../goals/goal-definition';
import { Localised } from '../read-models/fact-catalog';
import { ReportScopesDto } from './report-scopes.dto';

export interface NamedScope {
  name: Localised;
  scope: GoalScope;
}

export interface ReportScopes {
  effort: NamedScope;
  comparison: NamedScope | null;
}

/** Without settings the effort is the whole tenant, and there is nothing to compare with. */
export const DEFAULT_REPORT_SCOPES: ReportScopes = { effort: { name: { da: 'Hele kommunen', en: 'The whole municipality' }, scope: {} }, comparison: null };

/** Only the keys that say something: `{areas: undefined}` and `{}` are the same scope. */
export const plainScope = (scope: GoalScope): GoalScope => ({
  ...(scope.areas?.length ? { areas: [...scope.areas] } : {}),
  ...(scope.teams?.length ? { teams: [...scope.teams] } : {}),
});

/** The tenant's report scopes (in the caller's transaction). */
export async function reportScopesOf(manager: EntityManager): Promise<ReportScopes> {
  const [row]: Array<{ effort_name: Localised; effort_scope: GoalScope; comparison_name: Localised | null; comparison_scope: GoalScope | null }> = await manager.query(
    `SELECT effort_name, effort_scope, comparison_name, comparison_scope FROM report_scopes`,
  );
  if (!row) return DEFAULT_REPORT_SCOPES;
  return {
    effort: { name: row.effort_name, scope: row.effort_scope },
    comparison: row.comparison_name && row.comparison_scope ? { name: row.comparison_name, scope: row.comparison_scope } : null,
  };
}

@Injectable()
export class ReportScopesService {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  get(): Promise<ReportScopes> {
    return this.unitOfWork.run(reportScopesOf);
  }

  change(dto: ReportScopesDto): Promise<ReportScopes> {
    const settings: ReportScopes = {
      effort: { name: { da: dto.effort.name.da, en: dto.effort.name.en }, scope: plainScope(dto.effort.scope) },
      comparison: dto.comparison ? { name: { da: dto.comparison.name.da, en: dto.comparison.name.en }, scope: plainScope(dto.comparison.scope) } : null,
    };
    return this.unitOfWork.command(async (manager) => {
      await manager.query(
        `INSERT INTO report_scopes (tenant_id, effort_name, effort_scope, comparison_name, comparison_scope)
         VALUES (current_setting('app.tenant_id'), $1, $2, $3, $4)
         ON CONFLICT (tenant_id) DO UPDATE SET effort_name = EXCLUDED.effort_name, effort_scope = EXCLUDED.effort_scope,
           comparison_name = EXCLUDED.comparison_name, comparison_scope = EXCLUDED.comparison_scope, updated_at = now()`,
        [
          JSON.stringify(settings.effort.name),
          JSON.stringify(settings.effort.scope),
          settings.comparison ? JSON.stringify(settings.comparison.name) : null,
          settings.comparison ? JSON.stringify(settings.comparison.scope) : null,
        ],
      );
      return settings;
    });
  }
}
