import { EntityManager } from 'typeorm';
import { PROGRESSION_GROUPS } from '@fremskudt/contracts';
import { Breakdown } from '../breakdowns/breakdown-cells';
import { GoalScope } from '../goals/goal-definition';
import { GoalSql } from '../statuses/goal-sql';

/**
 * Progression A-G from the read models: caseload's ProgressionAssessed facts (group and outlook
 * as computed by caseload's rule when the assessment was recorded), case periods and exits.
 *
 * A citizen's group on a date is that of the latest assessment on or before it (two on the same
 * day: the poorer counts, so the figure never flatters). A citizen is "in case" on a date when
 * a case period has opened by then and has not closed by then (an exit on the day is out).
 */

export type Outlook = 'good' | 'poor';
/** Where a citizen of a starting group is at the second date. */
export const OUTCOMES = ['good', 'poor', 'job-or-education', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Exits that count as job or education in the transition table; every other exit (and no case) is "other". */
export const JOB_OR_EDUCATION_EXITS = ['job', 'education'];

export type BreakdownBy = Breakdown;

/** The group of the latest assessment on or before the date, as SQL. */
function groupOn(sql: GoalSql, citizen: string, date: string, column: 'group' | 'outlook'): string {
  const p = sql.alias('p');
  return `(SELECT ${p}.attributes ->> '${column}' FROM domain_fact ${p}
            WHERE ${p}.citizen_id = ${citizen} AND ${p}.kind = 'progression-assessed' AND ${p}.occurred_on <= ${date}
            ORDER BY ${p}.occurred_on DESC, ${p}.attributes ->> 'group' DESC LIMIT 1)`;
}

/** Citizens in case on the date and in the scope's areas and teams on it. */
function inCaseOn(sql: GoalSql, scope: GoalScope, date: string): string {
  return `SELECT DISTINCT cp.citizen_id FROM case_period cp
           WHERE cp.opened_on <= ${date} AND (cp.closed_on IS NULL OR cp.closed_on > ${date})
             AND ${sql.citizenInScope(scope, 'cp.citizen_id', date)}`;
}

export interface GroupCountRow {
  /** The area or team of the breakdown (null without one, or for citizens with none on the date). */
  key: string | null;
  /** A-G, or null for citizens in case without an assessment by the date. */
  group: string | null;
  citizens: number;
  /** The pseudonymous ids of the citizens, when asked for (audit). */
  citizenIds?: string[];
}

export interface ProgressionOptions {
  /** Per area or team: the citizen's on the (first) date. */
  by?: BreakdownBy | null;
  /** The pseudonymous ids behind each count. */
  withCitizens?: boolean;
}

/** The ids of a group's citizens as an extra output column, when asked for. */
const idsOf = (withCitizens: boolean | undefined, column: string) => (withCitizens ? `, array_agg(${column}::text ORDER BY ${column}::text) AS "citizenIds"` : '');

/** Citizens in case in the scope on the date, by group (and by area or team on that date). */
export async function distributionRows(manager: EntityManager, scope: GoalScope, on: string, { by, withCitizens }: ProgressionOptions = {}): Promise<GroupCountRow[]> {
  const sql = new GoalSql({ from: on, to: on });
  const date = sql.end;
  const key = by ? sql.attributeOn(by, 'c.citizen_id', date) : 'NULL::text';
  return manager.query(
    `WITH in_case AS (${inCaseOn(sql, scope, date)})
     SELECT key, "group", count(*)::int AS citizens ${idsOf(withCitizens, 'citizen_id')}
       FROM (SELECT c.citizen_id, ${key} AS key, ${groupOn(sql, 'c.citizen_id', date, 'group')} AS "group" FROM in_case c) graded
      GROUP BY key, "group"
      ORDER BY key NULLS LAST, "group" NULLS LAST`,
    sql.params,
  );
}

export interface TransitionCountRow {
  /** The area or team on the first date (null without a breakdown, or for citizens with none then). */
  key: string | null;
  /** The outlook at the first date; null for citizens in case then without an assessment. */
  start: Outlook | null;
  outcome: Outcome;
  citizens: number;
  /** The pseudonymous ids of the citizens, when asked for (audit). */
  citizenIds?: string[];
}

/**
 * The transition table between two dates for a scope: the citizens in case in the scope on the
 * first date, by their outlook then (good A-D, poor E-G), and where they are on the second:
 * still in case, by the outlook of their latest assessment (carried forward when not assessed
 * again); out of case, by the reason of their last exit: job or education, or other (every
 * other exit). The cohort is fixed on the first date: a citizen who moves out of the scope is
 * followed, one who comes in later is not counted. A breakdown puts each citizen in the area or
 * team of the first date, where the cohort was taken, so a mover stays in the cell they started in.
 */
export async function transitionRows(manager: EntityManager, scope: GoalScope, from: string, to: string, { by, withCitizens }: ProgressionOptions = {}): Promise<TransitionCountRow[]> {
  const sql = new GoalSql({ from, to });
  const c = sql.alias('c');
  const e = sql.alias('e');
  const key = by ? sql.attributeOn(by, 's.citizen_id', sql.start) : 'NULL::text';
  return manager.query(
    `WITH cohort AS (${inCaseOn(sql, scope, sql.start)}),
          placed AS (
            SELECT s.citizen_id, ${key} AS key,
                   ${groupOn(sql, 's.citizen_id', sql.start, 'outlook')} AS start,
                   EXISTS (SELECT 1 FROM case_period ${c} WHERE ${c}.citizen_id = s.citizen_id AND ${c}.opened_on <= ${sql.end}
                             AND (${c}.closed_on IS NULL OR ${c}.closed_on > ${sql.end})) AS in_case,
                   ${groupOn(sql, 's.citizen_id', sql.end, 'outlook')} AS outlook,
                   (SELECT ${e}.exit_reason FROM case_period ${e} WHERE ${e}.citizen_id = s.citizen_id AND ${e}.closed_on <= ${sql.end}
                     ORDER BY ${e}.closed_on DESC LIMIT 1) AS exit_reason
              FROM cohort s)
     SELECT key, start,
            CASE WHEN in_case AND outlook IS NOT NULL THEN outlook
                 WHEN NOT in_case AND exit_reason = ANY(${sql.param(JOB_OR_EDUCATION_EXITS, 'text[]')}) THEN 'job-or-education'
                 ELSE 'other' END AS outcome,
            count(*)::int AS citizens ${idsOf(withCitizens, 'citizen_id')}
       FROM placed
      GROUP BY 1, 2, 3`,
    sql.params,
  );
}

export const GOOD_GROUPS: readonly string[] = PROGRESSION_GROUPS.slice(0, 4);
