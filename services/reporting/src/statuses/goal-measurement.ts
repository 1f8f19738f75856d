import { EntityManager } from 'typeorm';
import { EventSelector, GoalDefinition, GoalScope, Population, ReachSelector, TIMELINESS_SUBJECTS } from '../goals/goal-definition';
import { DateRange, monthsIn } from '../goals/periods';
import { EVERYONE_IN_CASE, GoalSql } from './goal-sql';
import { shareOf } from './status-rule';

export interface AreaReached {
  areaCode: string;
  reached: boolean;
  /** The first day the milestone's fact happened in the area (by the deadline). */
  reachedOn: string | null;
}

/** What a definition measures for a scope and period: the figures behind a status. */
export interface Measurement {
  realised: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Citizens in the population the figure is about (the denominator's population, or everyone in case in the scope). */
  populationSize: number | null;
  /** Pseudonymous ids behind numerator and denominator (for audit), when asked for. */
  citizens?: { numerator: string[]; denominator: string[] };
  areas?: AreaReached[];
}

interface CountRow {
  numerator: number;
  denominator: number;
  numerator_ids: string[] | null;
  denominator_ids: string[] | null;
}

/** The distinct citizen ids of a column (optionally filtered) as an extra output column, when asked for. */
const ids = (withCitizens: boolean, as: string, column: string, filter = 'TRUE') =>
  withCitizens ? `, coalesce(array_agg(DISTINCT ${column}::text) FILTER (WHERE (${filter}) AND ${column} IS NOT NULL), '{}') AS ${as}` : '';

/** The facts that carry an obligation's due date, and the one that meets it when its `onTime` is true. */
const TIMELINESS_FACTS: Record<(typeof TIMELINESS_SUBJECTS)[number], { due: string[]; held: string }> = {
  interviews: { due: ['interview-summoned', 'interview-held', 'interview-no-show'], held: 'interview-held' },
  activations: { due: ['offer-planned', 'activation-started'], held: 'activation-started' },
};

/** Runs the query a definition compiles to, for one scope and period. */
export async function measure(
  manager: EntityManager,
  definition: GoalDefinition,
  scope: GoalScope,
  range: DateRange,
  { withCitizens = false }: { withCitizens?: boolean } = {},
): Promise<Measurement> {
  const citizensOf = (row: CountRow) => (withCitizens ? { citizens: { numerator: (row.numerator_ids ?? []).sort(), denominator: (row.denominator_ids ?? []).sort() } } : {});

  const populationSize = async (population: Population): Promise<number> => {
    const sql = new GoalSql(range);
    const [row]: Array<{ size: number }> = await manager.query(`SELECT count(*)::int AS size FROM (${sql.population(population, scope)}) p`, sql.params);
    return row.size;
  };

  const countFacts = async (selector: EventSelector): Promise<CountRow & { facts: number }> => {
    const sql = new GoalSql(range);
    const [row]: Array<CountRow & { facts: number }> = await manager.query(
      `SELECT count(*)::int AS facts, count(DISTINCT f.citizen_id)::int AS numerator, 0 AS denominator
              ${ids(withCitizens, 'numerator_ids', 'f.citizen_id')}
         FROM domain_fact f
        WHERE ${sql.selects(selector, 'f')} AND ${sql.inPeriod('f.occurred_on')} AND ${sql.factInScope(scope, 'f')}`,
      sql.params,
    );
    return row;
  };

  switch (definition.kind) {
    case 'share': {
      const sql = new GoalSql(range);
      if (definition.basis === 'events') {
        const numerator = sql.selects(definition.numerator, 'f');
        const denominator = sql.selects(definition.denominator, 'f');
        const [row]: CountRow[] = await manager.query(
          `SELECT count(*) FILTER (WHERE ${numerator})::int AS numerator, count(*) FILTER (WHERE ${denominator})::int AS denominator
                  ${ids(withCitizens, 'numerator_ids', 'f.citizen_id', numerator)}
                  ${ids(withCitizens, 'denominator_ids', 'f.citizen_id', denominator)}
             FROM domain_fact f
            WHERE ${sql.inPeriod('f.occurred_on')} AND ((${numerator}) OR (${denominator})) AND ${sql.factInScope(scope, 'f')}`,
          sql.params,
        );
        return { realised: shareOf(row.numerator, row.denominator), numerator: row.numerator, denominator: row.denominator, populationSize: null, ...citizensOf(row) };
      }
      const [row]: CountRow[] = await manager.query(
        `WITH population AS (${sql.population(definition.population, scope)}),
              scored AS (SELECT p.citizen_id, ${sql.predicate(definition.numerator, 'p.citizen_id', 'p.reference_date')} AS counted FROM population p)
         SELECT count(*) FILTER (WHERE counted)::int AS numerator, count(*)::int AS denominator
                ${ids(withCitizens, 'numerator_ids', 'citizen_id', 'counted')}
                ${ids(withCitizens, 'denominator_ids', 'citizen_id')}
           FROM scored`,
        sql.params,
      );
      return { realised: shareOf(row.numerator, row.denominator), numerator: row.numerator, denominator: row.denominator, populationSize: row.denominator, ...citizensOf(row) };
    }

    case 'count': {
      const row = await countFacts(definition.events);
      const counted = definition.distinctCitizens ? row.numerator : row.facts;
      return {
        realised: counted,
        numerator: counted,
        denominator: null,
        populationSize: await populationSize(EVERYONE_IN_CASE),
        ...(withCitizens ? { citizens: { numerator: (row.numerator_ids ?? []).sort(), denominator: [] } } : {}),
      };
    }

    case 'rate': {
      // Events per citizen per month: the count over the population's size and the period's months.
      const row = await countFacts(definition.events);
      const size = await populationSize(definition.population);
      const months = monthsIn(range);
      return {
        realised: size > 0 ? row.facts / size / months : null,
        numerator: row.facts,
        denominator: size,
        populationSize: size,
        ...(withCitizens ? { citizens: { numerator: (row.numerator_ids ?? []).sort(), denominator: [] } } : {}),
      };
    }

    case 'timeliness': {
      // Obligations (citizen, due date) due in the period; met when an interview (activation) for it was held (started) by the due date.
      const sql = new GoalSql(range);
      const { due, held } = TIMELINESS_FACTS[definition.of];
      const [row]: CountRow[] = await manager.query(
        `WITH obligations AS (
           SELECT f.citizen_id, (f.attributes ->> 'dueDate')::date AS due_date,
                  bool_or(f.kind = ${sql.param(held, 'text')} AND f.attributes ->> 'onTime' = 'true') AS on_time
             FROM domain_fact f
            WHERE f.kind = ANY(${sql.param(due, 'text[]')})
              AND ${sql.inPeriod(`(f.attributes ->> 'dueDate')::date`)}
            GROUP BY f.citizen_id, (f.attributes ->> 'dueDate')::date)
         SELECT count(*) FILTER (WHERE on_time)::int AS numerator, count(*)::int AS denominator
                ${ids(withCitizens, 'numerator_ids', 'o.citizen_id', 'on_time')}
                ${ids(withCitizens, 'denominator_ids', 'o.citizen_id')}
           FROM obligations o
          WHERE ${sql.citizenInScope(scope, 'o.citizen_id', 'o.due_date')}`,
        sql.params,
      );
      return { realised: shareOf(row.numerator, row.denominator), numerator: row.numerator, denominator: row.denominator, populationSize: await populationSize(EVERYONE_IN_CASE), ...citizensOf(row) };
    }

    case 'cohort': {
      // Citizens whose first start fact is in the period, and who reach the other fact within N weeks of it:
      // from the start day to N × 7 days after it, both included (26 weeks: day 182 counts, day 183 does not).
      const sql = new GoalSql(range);
      const inPopulation = definition.population ? `AND s.citizen_id IN (SELECT citizen_id FROM (${sql.population(definition.population, scope)}) p)` : '';
      const days = sql.param(definition.withinWeeks * 7, 'int');
      const reachedBy = (reach: ReachSelector) => {
        const r = sql.alias('r');
        // A state (placement) counts when it began by the window's end and had not ended before the start.
        let inWindow = `${r}.occurred_on >= s.started_on`;
        if (reach.endedBy) {
          const e = sql.alias('e');
          inWindow = `(${inWindow} OR NOT EXISTS (SELECT 1 FROM domain_fact ${e} WHERE ${e}.citizen_id = ${r}.citizen_id AND ${e}.subject_id = ${r}.subject_id
                                                    AND ${sql.selects(reach.endedBy, e)} AND ${e}.occurred_on < s.started_on))`;
        }
        return `EXISTS (SELECT 1 FROM domain_fact ${r} WHERE ${r}.citizen_id = s.citizen_id AND ${sql.selects(reach, r)}
                           AND ${r}.occurred_on <= s.started_on + ${days} AND ${inWindow})`;
      };
      const reached = `(${definition.reach.map(reachedBy).join(' OR ')})`;
      const [row]: CountRow[] = await manager.query(
        `WITH starts AS (
           SELECT f.citizen_id, min(f.occurred_on) AS started_on FROM domain_fact f
            WHERE ${sql.selects(definition.start, 'f')} AND ${sql.inPeriod('f.occurred_on')} AND f.citizen_id IS NOT NULL AND ${sql.factInScope(scope, 'f')}
            GROUP BY f.citizen_id),
              scored AS (SELECT s.citizen_id, ${reached} AS counted FROM starts s WHERE TRUE ${inPopulation})
         SELECT count(*) FILTER (WHERE counted)::int AS numerator, count(*)::int AS denominator
                ${ids(withCitizens, 'numerator_ids', 'citizen_id', 'counted')}
                ${ids(withCitizens, 'denominator_ids', 'citizen_id')}
           FROM scored`,
        sql.params,
      );
      return { realised: shareOf(row.numerator, row.denominator), numerator: row.numerator, denominator: row.denominator, populationSize: row.denominator, ...citizensOf(row) };
    }

    case 'milestone': {
      const sql = new GoalSql(range);
      const deadline = sql.param(definition.deadline ?? range.to, 'date');
      const areas = scope.areas ?? [];
      const area = `coalesce(f.area_code, CASE WHEN f.citizen_id IS NOT NULL THEN ${sql.attributeOn('area', 'f.citizen_id', 'f.occurred_on')} END)`;
      const rows: Array<{ area_code: string; reached_on: Date | string }> = await manager.query(
        `SELECT area_code, min(occurred_on)::text AS reached_on FROM (
           SELECT ${area} AS area_code, f.occurred_on FROM domain_fact f
            WHERE ${sql.selects(definition.events, 'f')} AND f.occurred_on <= ${deadline} AND ${sql.factInProject(scope, 'f')}) x
          WHERE area_code = ANY(${sql.param(areas, 'text[]')})
          GROUP BY area_code`,
        sql.params,
      );
      const reachedOn = new Map(rows.map((row) => [row.area_code, String(row.reached_on)]));
      const reached = areas.map((areaCode) => ({ areaCode, reached: reachedOn.has(areaCode), reachedOn: reachedOn.get(areaCode) ?? null }));
      const count = reached.filter((item) => item.reached).length;
      return { realised: shareOf(count, areas.length), numerator: count, denominator: areas.length, populationSize: null, areas: reached };
    }

    case 'manual':
      return { realised: null, numerator: null, denominator: null, populationSize: null };
  }
}
