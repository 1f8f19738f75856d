import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PROGRESSION_GROUPS } from '@fremskudt/contracts';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { assertNotBefore, Language } from '@fremskudt/service-kit';
import { GoalScope } from '../goals/goal-definition';
import { Localised } from '../read-models/fact-catalog';
import { NamedScope, plainScope, reportScopesOf } from '../report-scopes';
import { shareOf } from '../statuses/status-rule';
import { BreakdownBy, distributionRows, GOOD_GROUPS, GroupCountRow, Outlook, OUTCOMES, transitionRows } from './progression-queries';
import {
  DistributionQuery,
  GroupDistributionView,
  ProgressionDistributionView,
  ProgressionTransitionsView,
  ScopeQuery,
  TransitionRowView,
  TransitionsQuery,
  TransitionTableView,
} from './progression.dto';

export const START_LABELS: Record<Outlook, Localised> = {
  good: { da: 'God (A-D)', en: 'Good (A-D)' },
  poor: { da: 'Dårlig (E-G)', en: 'Poor (E-G)' },
};

/** A scope given in a request, named by what it is. */
export function scopeName(scope: GoalScope): Localised {
  const parts = { da: [] as string[], en: [] as string[] };
  if (scope.areas?.length) {
    parts.da.push(`områder: ${scope.areas.join(', ')}`);
    parts.en.push(`areas: ${scope.areas.join(', ')}`);
  }
  if (scope.teams?.length) {
    parts.da.push(`teams: ${scope.teams.join(', ')}`);
    parts.en.push(`teams: ${scope.teams.join(', ')}`);
  }
  return parts.da.length ? { da: parts.da.join('; '), en: parts.en.join('; ') } : { da: 'Hele kommunen', en: 'The whole municipality' };
}

const given = (areas?: string[], teams?: string[]): GoalScope | null => (areas?.length || teams?.length ? plainScope({ areas, teams }) : null);

/** The scope of a request: the one it names, else the tenant's effort scope. */
async function scopeOfQuery(manager: EntityManager, query: ScopeQuery): Promise<NamedScope> {
  const asked = given(query.areas, query.teams);
  return asked ? { name: scopeName(asked), scope: asked } : (await reportScopesOf(manager)).effort;
}

/** Counts by group as the distribution view: shares of those assessed. */
function distributionOf(rows: GroupCountRow[], key?: string): GroupDistributionView {
  const count = (group: string | null) => rows.filter((row) => row.group === group).reduce((sum, row) => sum + row.citizens, 0);
  const citizens = rows.reduce((sum, row) => sum + row.citizens, 0);
  const notAssessed = count(null);
  const assessed = citizens - notAssessed;
  const good = GOOD_GROUPS.reduce((sum, group) => sum + count(group), 0);
  return {
    ...(key !== undefined ? { key } : {}),
    citizens,
    assessed,
    notAssessed,
    good,
    poor: assessed - good,
    goodShare: shareOf(good, assessed),
    poorShare: shareOf(assessed - good, assessed),
    groups: PROGRESSION_GROUPS.map((group) => ({ group, citizens: count(group), share: shareOf(count(group), assessed) })),
  };
}

/** The transition table of one scope. */
export async function transitionTable(manager: EntityManager, role: TransitionTableView['role'], named: NamedScope, from: string, to: string, language: Language): Promise<TransitionTableView> {
  const rows = await transitionRows(manager, named.scope, from, to);
  const count = (start: Outlook | null, outcome?: string) => rows.filter((row) => row.start === start && (!outcome || row.outcome === outcome)).reduce((sum, row) => sum + row.citizens, 0);
  const row = (start: Outlook): TransitionRowView => {
    const citizens = count(start);
    const [good, poor, jobOrEducation, other] = OUTCOMES.map((outcome) => count(start, outcome));
    return {
      start,
      startLabel: START_LABELS[start][language],
      citizens,
      good,
      poor,
      jobOrEducation,
      other,
      shares: { good: shareOf(good, citizens), poor: shareOf(poor, citizens), jobOrEducation: shareOf(jobOrEducation, citizens), other: shareOf(other, citizens) },
    };
  };
  const notAssessedAtStart = count(null);
  const good = row('good');
  const poor = row('poor');
  return { role, name: named.name[language], scope: named.scope, inCaseAtStart: good.citizens + poor.citizens + notAssessedAtStart, notAssessedAtStart, rows: [good, poor] };
}

/** The effort's and the comparison group's transition tables between two dates. */
export async function transitionTables(
  manager: EntityManager,
  effort: NamedScope,
  comparison: NamedScope | null,
  from: string,
  to: string,
  language: Language,
): Promise<TransitionTableView[]> {
  const tables = [await transitionTable(manager, 'effort', effort, from, to, language)];
  if (comparison) tables.push(await transitionTable(manager, 'comparison', comparison, from, to, language));
  return tables;
}

/**
 * Progression A-G (brief §4.1 and §5): the distribution on a date and the transition table
 * between two dates, for the effort's scope and the comparison group (the tenant's report
 * scopes, or the areas and teams the request names).
 */
@Injectable()
export class ProgressionService {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  distribution(query: DistributionQuery, language: Language): Promise<ProgressionDistributionView> {
    return this.unitOfWork.run(async (manager) => {
      const named = await scopeOfQuery(manager, query);
      const by: BreakdownBy | null = query.by ?? null;
      const rows = await distributionRows(manager, named.scope, query.on, by);
      const keys = [...new Set(rows.map((row) => row.key).filter((key): key is string => key !== null))].sort();
      return {
        tenant: TenantContext.currentTenant(),
        on: query.on,
        scopeName: named.name[language],
        scope: named.scope,
        by,
        total: distributionOf(rows),
        breakdown: by ? keys.map((key) => distributionOf(rows.filter((row) => row.key === key), key)) : [],
      };
    });
  }

  transitions(query: TransitionsQuery, language: Language): Promise<ProgressionTransitionsView> {
    assertNotBefore(query.to, query.from, 'to', 'from');
    return this.unitOfWork.run(async (manager) => {
      const effort = await scopeOfQuery(manager, query);
      const askedComparison = given(query.comparisonAreas, query.comparisonTeams);
      const comparison = askedComparison ? { name: scopeName(askedComparison), scope: askedComparison } : (await reportScopesOf(manager)).comparison;
      return {
        tenant: TenantContext.currentTenant(),
        from: query.from,
        to: query.to,
        outcomes: OUTCOMES,
        tables: await transitionTables(manager, effort, comparison, query.from, query.to, language),
      };
    });
  }
}
