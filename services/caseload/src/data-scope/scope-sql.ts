import { DataScope } from '@fremskudt/service-kit';

/** Adds a value to the query's parameters and answers its placeholder ($3, or :name for the query builder). */
export type Bind = (value: unknown, cast: string) => string;

/** A Bind for raw queries with positional parameters, appending to `parameters`. */
export const positional =
  (parameters: unknown[]): Bind =>
  (value, cast) => {
    parameters.push(value);
    return `$${parameters.length}::${cast}`;
  };

/** A Bind for TypeORM's query builder (named parameters, collected in `parameters`). */
export const named = (parameters: Record<string, unknown>, prefix = 'scope'): Bind => {
  let next = 0;
  return (value, cast) => {
    const name = `${prefix}${next++}`;
    parameters[name] = value;
    return `CAST(:${name} AS ${cast})`;
  };
};

/**
 * The SQL condition "the citizen (the row `citizen` alias names) is in the user's scope": the same
 * rule as citizenInScope, over the current case assignment (to_date IS NULL). TRUE for the whole tenant.
 */
export function citizenScopeCondition(scope: DataScope, citizen: string, bind: Bind): string {
  if (scope.everything) return 'TRUE';
  const current = `SELECT 1 FROM case_assignment scope_a WHERE scope_a.citizen_id = ${citizen}.id AND scope_a.to_date IS NULL`;
  const conditions = [
    `${citizen}.area_code = ANY(${bind(scope.areaCodes, 'text[]')})`,
    `EXISTS (${current} AND (scope_a.consultant_id = ANY(${bind(scope.consultantIds, 'uuid[]')}) OR scope_a.team_code = ANY(${bind(scope.teamCodes, 'text[]')})))`,
    `(${citizen}.area_code = ANY(${bind(scope.intakeAreaCodes, 'text[]')}) AND NOT EXISTS (${current}))`,
  ];
  return `(${conditions.join(' OR ')})`;
}
