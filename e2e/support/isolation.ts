import { Client } from 'pg';
import { TestService } from '@fremskudt/testing';

/**
 * Looking behind the services' APIs for the tenant-isolation walk: which ids a tenant owns in each
 * service's database, fingerprints of its rows, and which of its ids fit an operation's path
 * parameters. Everything is read as superuser (`database.inspect`), which row-level security does
 * not filter, except `rowsSeenWithoutTenant`, which connects as the service's runtime role.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/** The service's tables holding tenant data (a `tenant_id` column), by name. */
export async function tenantTables(service: TestService): Promise<string[]> {
  const rows = await service.database.inspect<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.column_name = 'tenant_id'
      ORDER BY 1`,
  );
  return rows.map((row) => row.table_name);
}

/** Columns that hold ids: uuid columns, and text ones named id, *_id, code or *_code (not tenant_id). */
async function idColumns(service: TestService): Promise<Map<string, string[]>> {
  const rows = await service.database.inspect<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name <> 'tenant_id'
        AND (data_type = 'uuid' OR (data_type IN ('text', 'character varying') AND column_name ~ '^(id|code)$|_(id|code)$'))
      ORDER BY table_name, ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const row of rows) byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), row.column_name]);
  return byTable;
}

/** One row of a tenant's, reduced to its id columns (as text; nulls left out). */
export interface IdRow {
  service: string;
  table: string;
  ids: Record<string, string>;
}

/**
 * The id columns of the tenant's rows in every tenant table of the service (at most `perTable` rows
 * a table), and the same columns' values in other tenants' rows (to tell the tenant's own ids from
 * values every tenant has, e.g. template codes).
 */
export async function idRowsOf(service: TestService, tenant: string, perTable = 40): Promise<{ own: IdRow[]; others: Set<string> }> {
  const tables = new Set(await tenantTables(service));
  const own: IdRow[] = [];
  const others = new Set<string>();
  for (const [table, columns] of await idColumns(service)) {
    if (!tables.has(table)) continue;
    const select = columns.map((column) => `"${column}"::text AS "${column}"`).join(', ');
    const mine = await service.database.inspect<Record<string, string | null>>(`SELECT DISTINCT ${select} FROM "${table}" WHERE tenant_id = $1 LIMIT ${perTable}`, [tenant]);
    for (const row of mine) {
      own.push({ service: service.config.serviceName, table, ids: Object.fromEntries(Object.entries(row).filter((entry): entry is [string, string] => entry[1] !== null)) });
    }
    const theirs = await service.database.inspect<Record<string, string | null>>(`SELECT DISTINCT ${select} FROM "${table}" WHERE tenant_id <> $1`, [tenant]);
    for (const row of theirs) for (const value of Object.values(row)) if (value !== null) others.add(value);
  }
  return { own, others };
}

/** Per tenant table: how many rows the tenant has and an md5 of them all (superuser). */
export async function rowFingerprints(service: TestService, tenant: string): Promise<Record<string, string>> {
  const fingerprints: Record<string, string> = {};
  for (const table of await tenantTables(service)) {
    const [row] = await service.database.inspect<{ n: number; hash: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM "${table}" t WHERE tenant_id = $1`,
      [tenant],
    );
    fingerprints[`${service.config.serviceName}.${table}`] = `${row.n} rows, md5 ${row.hash}`;
  }
  return fingerprints;
}

/**
 * Per tenant table: the rows the service's runtime role sees with no tenant set, and all rows
 * (superuser). Connects as the runtime role (`database.urls.app`) outside any unit of work.
 */
export async function rowsSeenWithoutTenant(service: TestService): Promise<Array<{ table: string; seen: number; exist: number; tenantSetting: string | null }>> {
  const client = new Client({ connectionString: service.database.urls.app });
  await client.connect();
  try {
    const answers = [];
    for (const table of await tenantTables(service)) {
      const [{ seen, tenant_setting: tenantSetting }] = (
        await client.query<{ seen: number; tenant_setting: string | null }>(`SELECT count(*)::int AS seen, current_setting('app.tenant_id', true) AS tenant_setting FROM "${table}"`)
      ).rows;
      const [{ exist }] = await service.database.inspect<{ exist: number }>(`SELECT count(*)::int AS exist FROM "${table}"`);
      answers.push({ table, seen, exist, tenantSetting });
    }
    return answers;
  } finally {
    await client.end();
  }
}

/** Rows the runtime role sees in the table once a transaction sets the tenant (the control). */
export async function rowsSeenAsTenant(service: TestService, table: string, tenant: string): Promise<number> {
  const client = new Client({ connectionString: service.database.urls.app });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
    await client.query('ROLLBACK');
    return rows[0].n;
  } finally {
    await client.end();
  }
}

// ---- filling an operation's path parameters with a tenant's ids ----------------------------------

export const pathParameters = (path: string): string[] => [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);

export const fillPath = (path: string, values: Record<string, string>) => path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name]));

const singular = (segment: string) =>
  segment
    .replace(/-/g, '_')
    .replace(/ies$/, 'y')
    .replace(/(ch|sh|x)es$/, '$1')
    .replace(/([^s])s$/, '$1');

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** What a path parameter names: its noun (`citizen`, `desk`, `job_plan`) and whether an id or a code. */
export function parameterKind(path: string, parameter: string): { noun: string; kind: 'id' | 'code' | 'other' } {
  const named = /^(.+)(Id|Code)$/.exec(parameter);
  if (named) return { noun: snake(named[1]), kind: named[2] === 'Id' ? 'id' : 'code' };
  if (parameter !== 'id' && parameter !== 'code') return { noun: snake(parameter), kind: 'other' };
  const segments = path.split('/');
  const before = segments[segments.indexOf(`{${parameter}}`) - 1] ?? '';
  return { noun: singular(before), kind: parameter === 'id' ? 'id' : 'code' };
}

/** Other names a noun's ids go by in the tables (a consultant is a member of staff). */
const SYNONYMS: Record<string, string[]> = { staff: ['consultant'] };

/** The value of a row that fits the parameter: `<noun>_id` (or `_code`), or the own id/code of a table named for the noun. */
function valueFor(row: IdRow, noun: string, kind: 'id' | 'code'): string | undefined {
  for (const name of [noun, ...(SYNONYMS[noun] ?? [])]) {
    const named = row.table === name || row.table.endsWith(`_${name}`) || row.table === `${name}_member`;
    const own = named ? row.ids[kind] : undefined;
    if (own) return own;
    const referenced = Object.entries(row.ids).find(([column]) => column === `${name}_${kind}` || column.endsWith(`_${name}_${kind}`));
    if (referenced) return referenced[1];
  }
  return undefined;
}

/** Fixed values for parameters that name no tenant data (a report period, a template, a version). */
const CONSTANTS: Record<string, string> = { period: String(new Date().getUTCFullYear()), template: 'copenhagen', version: '1' };

/**
 * Ways to fill the operation's path parameters with the tenant's ids of the right kind: whole rows
 * where one row has them all (so a desk and its own session go together), else each parameter on
 * its own; at most `limit`. Parameters naming no tenant data get fixed values.
 */
export function pathFillings(path: string, rows: IdRow[], service: string, limit = 8): Array<Record<string, string>> {
  const parameters = pathParameters(path);
  if (parameters.length === 0) return [{}];
  const mine = rows.filter((row) => row.service === service);
  const kinds = parameters.map((parameter) => ({ parameter, ...parameterKind(path, parameter) }));
  const fillings = new Map<string, Record<string, string>>();
  const add = (filling: Record<string, string>) => fillings.size < limit && fillings.set(JSON.stringify(filling), filling);

  for (const row of mine) {
    const filling: Record<string, string> = {};
    for (const { parameter, noun, kind } of kinds) {
      const value = kind === 'other' ? CONSTANTS[parameter] : valueFor(row, noun, kind);
      if (value === undefined) break;
      filling[parameter] = value;
    }
    if (Object.keys(filling).length === parameters.length) add(filling);
  }
  if (fillings.size === 0) {
    // No row has them all: each parameter from its own candidates (or any of the tenant's uuids).
    const anyIds = [...new Set(mine.flatMap((row) => Object.values(row.ids)).filter(isUuid))].slice(0, limit);
    const candidates = kinds.map(({ parameter, noun, kind }) => {
      if (kind === 'other') return [CONSTANTS[parameter] ?? 'x'];
      const fitting = [...new Set(mine.map((row) => valueFor(row, noun, kind)).filter((value): value is string => value !== undefined))];
      return fitting.length ? fitting : kind === 'id' ? anyIds : ['tingbjerg'];
    });
    const count = Math.min(limit, Math.max(...candidates.map((values) => values.length)));
    for (let index = 0; index < count; index += 1) {
      add(Object.fromEntries(kinds.map(({ parameter }, at) => [parameter, candidates[at][index % candidates[at].length]])));
    }
  }
  return [...fillings.values()];
}

/** The tenant's values of one kind (for query parameters such as `citizenId`), at most `limit`. */
export function idsOfKind(rows: IdRow[], service: string, noun: string, kind: 'id' | 'code', limit = 3): string[] {
  const values = rows.filter((row) => row.service === service).map((row) => valueFor(row, noun, kind));
  return [...new Set(values.filter((value): value is string => value !== undefined))].slice(0, limit);
}
