import { EntityManager } from 'typeorm';
import { checkGoal, GoalDocument, GoalScope } from '../goals/goal-definition';
import { FACT_CATALOG } from '../read-models/projections';
import { Localised } from '../read-models/fact-catalog';

export const BREAKDOWNS = ['area', 'team'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** One part of a goal's scope: the goal's scope narrowed to one area or one team. */
export interface BreakdownCell {
  key: string;
  scope: GoalScope;
}

export interface BreakdownPlan {
  cells: BreakdownCell[];
  /** Why the goal cannot be broken down this way (a manual goal, a place's fact per team); null when it can. */
  problem: Localised | null;
}

/** The areas or teams the tenant's read models know (citizens' dated attributes, and places' own areas). */
export async function knownKeys(manager: EntityManager, by: Breakdown): Promise<string[]> {
  const rows: Array<{ key: string }> = await manager.query(
    by === 'area'
      ? `SELECT value AS key FROM citizen_attribute_history WHERE attribute = 'area'
         UNION SELECT area_code FROM domain_fact WHERE area_code IS NOT NULL ORDER BY 1`
      : `SELECT DISTINCT value AS key FROM citizen_attribute_history WHERE attribute = 'team' ORDER BY 1`,
  );
  return rows.map((row) => row.key);
}

/**
 * The cells of a goal broken down by area or team: the scope's own areas (teams), or every one
 * the tenant's read models know when the goal is for all of them. Each cell is checked like a
 * goal of its own, so a breakdown that cannot be computed (a desk's facts per team) says why.
 */
export function breakdownPlan(document: GoalDocument, by: Breakdown, known: string[]): BreakdownPlan {
  if (document.kind === 'manual') return { cells: [], problem: { da: 'et manuelt mål vurderes for hele scopet', en: 'a manual goal is assessed for its whole scope' } };
  const listed = by === 'area' ? document.scope.areas : document.scope.teams;
  const keys = listed?.length ? listed : known;
  const cells = keys.map((key) => ({ key, scope: by === 'area' ? { ...document.scope, areas: [key] } : { ...document.scope, teams: [key] } }));
  const checked = checkGoal({ ...document, scope: cells[0]?.scope ?? document.scope }, FACT_CATALOG);
  if (!checked.ok) return { cells: [], problem: checked.problems[0].message };
  return { cells, problem: null };
}
