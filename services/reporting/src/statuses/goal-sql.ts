import { CitizenPredicate, EventSelector, GoalScope, Population } from '../goals/goal-definition';
import { DateRange } from '../goals/periods';
import { CitizenAttribute } from '../read-models/projection';
import { PARTICIPANT_ENROLLED, PARTICIPANT_LEFT } from '../read-models/projects.projection';

/**
 * Compiles the goal vocabulary into SQL over the read models. Every value travels as a
 * parameter; only fixed names (tables, attributes of CITIZEN_ATTRIBUTES) are written into the
 * text. The queries run in the tenant's transaction, so row-level security keeps them to it.
 *
 * Dates: a citizen's attributes are taken on a date (the latest value effective by then, or
 * the first known when the date is before it); a citizen belongs to the population when a case
 * period overlaps the period (or is open on its last day); the reference date is the period's
 * last day, or the last day in case for a citizen who left during the period.
 *
 * A project scope: a citizen is a participant on a day when enrolled in the project by then and
 * not left before it (an enrolment and its leaving share the enrolment as subject). The project
 * is named by its code or id; the code is resolved through the projects' definitions.
 */
export class GoalSql {
  readonly params: unknown[] = [];
  private aliases = 0;
  private startParam?: string;
  private endParam?: string;
  private readonly projectIdsOf = new Map<string, string>();

  constructor(readonly range: DateRange) {}

  /** The period's first day as a parameter (added when first used: PostgreSQL refuses parameters a query does not use). */
  get start(): string {
    return (this.startParam ??= this.param(this.range.from, 'date'));
  }

  /** The period's last day as a parameter. */
  get end(): string {
    return (this.endParam ??= this.param(this.range.to, 'date'));
  }

  param(value: unknown, cast?: string): string {
    this.params.push(value);
    return `$${this.params.length}${cast ? `::${cast}` : ''}`;
  }

  alias(prefix: string): string {
    return `${prefix}${++this.aliases}`;
  }

  /** The citizen's attribute on a date (the first known value when the date is before it). */
  attributeOn(attribute: CitizenAttribute, citizen: string, date: string): string {
    const a = this.alias('a');
    return `(SELECT ${a}.value FROM citizen_attribute_history ${a}
              WHERE ${a}.citizen_id = ${citizen} AND ${a}.attribute = '${attribute}'
              ORDER BY (${a}.effective_on <= ${date}) DESC,
                       CASE WHEN ${a}.effective_on <= ${date} THEN ${a}.effective_on END DESC,
                       ${a}.effective_on, ${a}.recorded_at DESC, ${a}.event_id DESC
              LIMIT 1)`;
  }

  /** The ids of the scope's project (text[]): the given id itself and the id of the project with that code. */
  projectIds(project: string): string {
    let ids = this.projectIdsOf.get(project);
    if (!ids) {
      const given = this.param(project, 'text');
      ids = `(ARRAY[${given}] || ARRAY(SELECT DISTINCT pd.project_id::text FROM project_definition_history pd WHERE pd.project_code = ${given}))`;
      this.projectIdsOf.set(project, ids);
    }
    return ids;
  }

  /** The citizen took part in the project at some time from `from` to `to` (enrolled by `to`, not left before `from`). */
  participant(project: string, citizen: string, from: string, to: string): string {
    const e = this.alias('pe');
    const l = this.alias('pl');
    return `EXISTS (SELECT 1 FROM domain_fact ${e}
                     WHERE ${e}.citizen_id = ${citizen} AND ${e}.kind = '${PARTICIPANT_ENROLLED}'
                       AND ${e}.attributes ->> 'projectId' = ANY(${this.projectIds(project)}) AND ${e}.occurred_on <= ${to}
                       AND NOT EXISTS (SELECT 1 FROM domain_fact ${l}
                                        WHERE ${l}.kind = '${PARTICIPANT_LEFT}' AND ${l}.subject_id = ${e}.subject_id
                                          AND ${l}.citizen_id = ${e}.citizen_id AND ${l}.occurred_on < ${from}))`;
  }

  /**
   * A fact belongs to the scope's project: a fact of the projects topic by the project it names,
   * any other by its citizen being a participant on the day. TRUE without a project scope.
   */
  factInProject(scope: GoalScope, fact: string): string {
    if (scope.project === undefined) return 'TRUE';
    return `CASE WHEN ${fact}.attributes ->> 'projectId' IS NOT NULL THEN ${fact}.attributes ->> 'projectId' = ANY(${this.projectIds(scope.project)})
                 ELSE ${fact}.citizen_id IS NOT NULL AND ${this.participant(scope.project, `${fact}.citizen_id`, `${fact}.occurred_on`, `${fact}.occurred_on`)} END`;
  }

  /** The citizen is in the scope's areas and teams on the date, and a participant of its project from `from` (default: the date) to the date. */
  citizenInScope(scope: GoalScope, citizen: string, date: string, from = date): string {
    const conditions: string[] = [];
    if (scope.areas?.length) conditions.push(`${this.attributeOn('area', citizen, date)} = ANY(${this.param(scope.areas, 'text[]')})`);
    if (scope.teams?.length) conditions.push(`${this.attributeOn('team', citizen, date)} = ANY(${this.param(scope.teams, 'text[]')})`);
    if (scope.project !== undefined) conditions.push(this.participant(scope.project, citizen, from, date));
    return conditions.length ? conditions.join(' AND ') : 'TRUE';
  }

  /** A fact is in the scope: a place's fact by its own area, a citizen's by the citizen's area and team on the day (and project, see factInProject). */
  factInScope(scope: GoalScope, fact: string): string {
    const conditions: string[] = [];
    if (scope.areas?.length) {
      const areas = this.param(scope.areas, 'text[]');
      conditions.push(
        `coalesce(${fact}.area_code, CASE WHEN ${fact}.citizen_id IS NOT NULL THEN ${this.attributeOn('area', `${fact}.citizen_id`, `${fact}.occurred_on`)} END) = ANY(${areas})`,
      );
    }
    if (scope.teams?.length) {
      conditions.push(`${fact}.citizen_id IS NOT NULL AND ${this.attributeOn('team', `${fact}.citizen_id`, `${fact}.occurred_on`)} = ANY(${this.param(scope.teams, 'text[]')})`);
    }
    if (scope.project !== undefined) conditions.push(this.factInProject(scope, fact));
    return conditions.length ? conditions.join(' AND ') : 'TRUE';
  }

  /** The fact is of one of the selector's kinds and has the attribute values it asks for. */
  selects(selector: EventSelector, fact: string): string {
    const conditions = [`${fact}.kind = ANY(${this.param(selector.facts, 'text[]')})`];
    for (const { attribute, values } of selector.where) {
      conditions.push(`${fact}.attributes ->> ${this.param(attribute, 'text')} = ANY(${this.param(values, 'text[]')})`);
    }
    return conditions.join(' AND ');
  }

  inPeriod(date: string): string {
    return `${date} BETWEEN ${this.start} AND ${this.end}`;
  }

  /** A boolean SQL expression: the citizen satisfies the predicate. */
  predicate(predicate: CitizenPredicate, citizen: string, referenceDate: string): string {
    switch (predicate.type) {
      case 'fact': {
        const f = this.alias('f');
        const window = {
          period: this.inPeriod(`${f}.occurred_on`),
          'by-period-end': `${f}.occurred_on <= ${this.end}`,
          'by-reference-date': `${f}.occurred_on <= ${referenceDate}`,
          ever: 'TRUE',
        }[predicate.within];
        let after = '';
        if (predicate.after) {
          const g = this.alias('g');
          after = ` AND EXISTS (SELECT 1 FROM domain_fact ${g} WHERE ${g}.citizen_id = ${f}.citizen_id AND ${this.selects(predicate.after, g)} AND ${g}.occurred_on <= ${f}.occurred_on)`;
        }
        return `EXISTS (SELECT 1 FROM domain_fact ${f} WHERE ${f}.citizen_id = ${citizen} AND ${this.selects(predicate.selector, f)} AND ${window}${after})`;
      }
      case 'current-job-plan': {
        // A plan made in the case period the citizen is in on the reference date, on or before that date.
        const cp = this.alias('cp');
        const jp = this.alias('jp');
        return `EXISTS (SELECT 1 FROM case_period ${cp} JOIN domain_fact ${jp}
                         ON ${jp}.citizen_id = ${cp}.citizen_id AND ${jp}.kind = 'job-plan-created'
                        AND ${jp}.occurred_on >= ${cp}.opened_on AND ${jp}.occurred_on <= ${referenceDate}
                      WHERE ${cp}.citizen_id = ${citizen} AND ${cp}.opened_on <= ${referenceDate}
                        AND (${cp}.closed_on IS NULL OR ${cp}.closed_on >= ${referenceDate}))`;
      }
      case 'any-of':
        return `(${predicate.predicates.map((p) => this.predicate(p, citizen, referenceDate)).join(' OR ')})`;
      case 'all-of':
        return `(${predicate.predicates.map((p) => this.predicate(p, citizen, referenceDate)).join(' AND ')})`;
      case 'not':
        return `NOT ${this.predicate(predicate.predicate, citizen, referenceDate)}`;
    }
  }

  /** SELECT citizen_id, reference_date of the population in the scope. */
  population(population: Population, scope: GoalScope): string {
    const inCase =
      population.inCase === 'during-period'
        ? `SELECT cp.citizen_id,
                  CASE WHEN bool_or(cp.closed_on IS NULL OR cp.closed_on > ${this.end}) THEN ${this.end} ELSE max(cp.closed_on) END AS reference_date
             FROM case_period cp
            WHERE cp.opened_on <= ${this.end} AND (cp.closed_on IS NULL OR cp.closed_on >= ${this.start})
            GROUP BY cp.citizen_id`
        : `SELECT DISTINCT cp.citizen_id, ${this.end} AS reference_date
             FROM case_period cp
            WHERE cp.opened_on <= ${this.end} AND (cp.closed_on IS NULL OR cp.closed_on > ${this.end})`;
    // A project's participants during the period (from its first day), or at its end.
    const participantFrom = population.inCase === 'during-period' ? this.start : 'ic.reference_date';
    const conditions = [this.citizenInScope(scope, 'ic.citizen_id', 'ic.reference_date', participantFrom)];
    if (population.benefitTypes) conditions.push(`${this.attributeOn('benefit-type', 'ic.citizen_id', 'ic.reference_date')} = ANY(${this.param(population.benefitTypes, 'text[]')})`);
    if (population.readiness) conditions.push(`${this.attributeOn('readiness', 'ic.citizen_id', 'ic.reference_date')} = ANY(${this.param(population.readiness, 'text[]')})`);
    if (population.age) {
      const on = { 'period-start': this.start, 'period-end': this.end, 'reference-date': 'ic.reference_date' }[population.age.on];
      const age = `date_part('year', age(${on}, c.birth_date))`;
      conditions.push('c.birth_date IS NOT NULL');
      if (population.age.min !== null) conditions.push(`${age} >= ${this.param(population.age.min, 'int')}`);
      if (population.age.max !== null) conditions.push(`${age} <= ${this.param(population.age.max, 'int')}`);
    }
    if (population.having) conditions.push(this.predicate(population.having, 'ic.citizen_id', 'ic.reference_date'));
    return `SELECT ic.citizen_id, ic.reference_date
              FROM (${inCase}) ic LEFT JOIN reported_citizen c ON c.citizen_id = ic.citizen_id
             WHERE ${conditions.join('\n AND ')}`;
  }
}

/** The population of a scope when a definition names none: everyone in case during the period. */
export const EVERYONE_IN_CASE: Population = { inCase: 'during-period', benefitTypes: null, readiness: null, age: null, having: null };
