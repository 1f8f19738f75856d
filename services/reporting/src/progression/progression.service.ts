import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PROGRESSION_GROUPS } from '@fremskudt/contracts';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { assertNotBefore, Language } from '@fremskudt/service-kit';
import { GoalScope } from '../goals/goal-definition';
import { Localised } from '../read-models/fact-catalog';
import { NamedScope, plainScope, reportScopesOf } from '../report-scopes';
import { scopeName } from '../reports/labels';
import { shareOf } from '../statuses/status-rule';
import { BreakdownBy, distributionRows, GOOD_GROUPS, GroupCountRow, Outlook, OUTCOMES, ProgressionOptions, TransitionCountRow, transitionRows } from './progression-queries';
import {
  DistributionQuery,
  GroupDistributionView,
  ProgressionDistributionView,
  ProgressionTransitionsView,
  ScopeQuery,
  TransitionFiguresView,
  TransitionRowView,
  TransitionsQuery,
  TransitionTableView,
} from './progression.dto';

export const START_LABELS: Record<Outlook, Localised> = {
  good: { da: 'God (A-D)', en: 'Good (A-D)' },
  poor: { da: 'Dårlig (E-G)', en: 'Poor (E-G)' },
};

const given = (areas?: string[], teams?: string[]): GoalScope | null => (areas?.length || teams?.length ? plainScope({ areas, teams }) : null);

/** The scope of a request: the one it names, else the tenant's effort scope. */
async function scopeOfQuery(manager: EntityManager, query: ScopeQuery): Promise<NamedScope> {
  const asked = given(query.areas, query.teams);
  return asked ? { name: scopeName(asked), scope: asked } : (await reportScopesOf(manager)).effort;
}

/** The ids of rows that match (when the rows carry ids), in order; undefined when ids were not asked for. */
function idsOf<Row extends { citizenIds?: string[] }>(rows: Row[], withCitizens: boolean | undefined, matches: (row: Row) => boolean): string[] | undefined {
  return withCitizens ? rows.filter(matches).flatMap((row) => row.citizenIds ?? []).sort() : undefined;
}

/** The distinct breakdown keys of the rows in order, citizens without an area (team) last. */
function keysOf(rows: Array<{ key: string | null }>): Array<string | null> {
  const keys = [...new Set(rows.map((row) => row.key))];
  return [...keys.filter((key): key is string => key !== null).sort(), ...(keys.includes(null) ? [null] : [])];
}

/** Counts by group as the distribution view: shares of those assessed. */
function distributionOf(rows: GroupCountRow[], withCitizens: boolean | undefined, key?: string | null): GroupDistributionView {
  const count = (group: string | null) => rows.filter((row) => row.group === group).reduce((sum, row) => sum + row.citizens, 0);
  const citizens = rows.reduce((sum, row) => sum + row.citizens, 0);
  const notAssessed = count(null);
  const assessed = citizens - notAssessed;
  const good = GOOD_GROUPS.reduce((sum, group) => sum + count(group), 0);
  const notAssessedCitizenIds = idsOf(rows, withCitizens, (row) => row.group === null);
  return {
    ...(key !== undefined ? { key } : {}),
    citizens,
    assessed,
    notAssessed,
    ...(notAssessedCitizenIds ? { notAssessedCitizenIds } : {}),
    good,
    poor: assessed - good,
    goodShare: shareOf(good, assessed),
    poorShare: shareOf(assessed - good, assessed),
    groups: PROGRESSION_GROUPS.map((group) => {
      const citizenIds = idsOf(rows, withCitizens, (row) => row.group === group);
      return { group, citizens: count(group), share: shareOf(count(group), assessed), ...(citizenIds ? { citizenIds } : {}) };
    }),
  };
}

/** The transition figures of a set of rows (a whole scope, or one area or team of it). */
function transitionFigures(rows: TransitionCountRow[], language: Language, withCitizens: boolean | undefined): TransitionFiguresView {
  const count = (start: Outlook | null, outcome?: string) => rows.filter((row) => row.start === start && (!outcome || row.outcome === outcome)).reduce((sum, row) => sum + row.citizens, 0);
  const row = (start: Outlook): TransitionRowView => {
    const citizens = count(start);
    const [good, poor, jobOrEducation, other] = OUTCOMES.map((outcome) => count(start, outcome));
    const [goodIds, poorIds, jobOrEducationIds, otherIds] = OUTCOMES.map((outcome) => idsOf(rows, withCitizens, (r) => r.start === start && r.outcome === outcome));
    return {
      start,
      startLabel: START_LABELS[start][language],
      citizens,
      good,
      poor,
      jobOrEducation,
      other,
      shares: { good: shareOf(good, citizens), poor: shareOf(poor, citizens), jobOrEducation: shareOf(jobOrEducation, citizens), other: shareOf(other, citizens) },
      ...(withCitizens ? { citizenIds: { good: goodIds!, poor: poorIds!, jobOrEducation: jobOrEducationIds!, other: otherIds! } } : {}),
    };
  };
  const notAssessedAtStart = count(null);
  const notAssessedAtStartCitizenIds = idsOf(rows, withCitizens, (r) => r.start === null);
  const good = row('good');
  const poor = row('poor');
  return {
    inCaseAtStart: good.citizens + poor.citizens + notAssessedAtStart,
    notAssessedAtStart,
    ...(notAssessedAtStartCitizenIds ? { notAssessedAtStartCitizenIds } : {}),
    rows: [good, poor],
  };
}

export interface TransitionOptions extends ProgressionOptions {
  language: Language;
}

/** The transition table of one scope, with its breakdown by area or team of the first date when asked. */
export async function transitionTable(
  manager: EntityManager,
  role: TransitionTableView['role'],
  named: NamedScope,
  from: string,
  to: string,
  options: TransitionOptions,
): Promise<TransitionTableView> {
  const rows = await transitionRows(manager, named.scope, from, to, options);
  const { language, withCitizens } = options;
  return {
    role,
    name: named.name[language],
    scope: named.scope,
    ...transitionFigures(rows, language, withCitizens),
    breakdown: options.by ? keysOf(rows).map((key) => ({ key, ...transitionFigures(rows.filter((row) => row.key === key), language, withCitizens) })) : [],
  };
}

/** The effort's and the comparison group's transition tables between two dates. */
export async function transitionTables(
  manager: EntityManager,
  effort: NamedScope,
  comparison: NamedScope | null,
  from: string,
  to: string,
  options: TransitionOptions,
): Promise<TransitionTableView[]> {
  const tables = [await transitionTable(manager, 'effort', effort, from, to, options)];
  if (comparison) tables.push(await transitionTable(manager, 'comparison', comparison, from, to, options));
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
      const withCitizens = query.citizens === true;
      const rows = await distributionRows(manager, named.scope, query.on, { by, withCitizens });
      return {
        tenant: TenantContext.currentTenant(),
        on: query.on,
        scopeName: named.name[language],
        scope: named.scope,
        by,
        total: distributionOf(rows, withCitizens),
        breakdown: by ? keysOf(rows).map((key) => distributionOf(rows.filter((row) => row.key === key), withCitizens, key)) : [],
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
        by: query.by ?? null,
        outcomes: OUTCOMES,
        tables: await transitionTables(manager, effort, comparison, query.from, query.to, { language, by: query.by, withCitizens: query.citizens === true }),
      };
    });
  }
}
