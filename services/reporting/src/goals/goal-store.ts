import { EntityManager } from 'typeorm';
import { GoalDocument } from './goal-definition';
import { isProjectGoalId, projectGoalsAsOf, projectGoalVersions } from './project-goals';

/** One stored version of a goal. */
export interface StoredGoal {
  document: GoalDocument;
  version: number;
  recordedAt: string;
}

interface VersionRow {
  goal_id: string;
  version: number;
  document: GoalDocument;
  recorded_at: Date;
}

const toStored = (row: VersionRow): StoredGoal => ({ document: row.document, version: row.version, recordedAt: row.recorded_at.toISOString() });

/**
 * The tenant's goals at a moment: for each goal the latest version recorded by then (all
 * current versions when `asOf` is left out). Goals created later are not there. The projects'
 * own goals in force then are among them (see project-goals.ts), in id order with the rest.
 */
export async function goalsAsOf(manager: EntityManager, asOf?: string, goalIds?: string[]): Promise<StoredGoal[]> {
  const rows: VersionRow[] = await manager.query(
    `SELECT DISTINCT ON (goal_id) goal_id, version, document, recorded_at
       FROM goal_version
      WHERE recorded_at <= coalesce($1::timestamptz, 'infinity') AND ($2::text[] IS NULL OR goal_id = ANY($2))
      ORDER BY goal_id, version DESC`,
    [asOf ?? null, goalIds ?? null],
  );
  const fromProjects = await projectGoalsAsOf(manager, asOf, goalIds);
  return [...rows.map(toStored), ...fromProjects].sort((a, b) => (a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : 0));
}

export async function goalVersions(manager: EntityManager, goalId: string): Promise<StoredGoal[]> {
  if (isProjectGoalId(goalId)) return projectGoalVersions(manager, goalId);
  const rows: VersionRow[] = await manager.query(
    `SELECT goal_id, version, document, recorded_at FROM goal_version WHERE goal_id = $1 ORDER BY version`,
    [goalId],
  );
  return rows.map(toStored);
}

/** The current version, locked against a concurrent change (null when the goal does not exist). */
export async function lockCurrentGoal(manager: EntityManager, goalId: string): Promise<StoredGoal | null> {
  const [head]: Array<{ current_version: number }> = await manager.query(`SELECT current_version FROM goal WHERE goal_id = $1 FOR UPDATE`, [goalId]);
  if (!head) return null;
  const [row]: VersionRow[] = await manager.query(
    `SELECT goal_id, version, document, recorded_at FROM goal_version WHERE goal_id = $1 AND version = $2`,
    [goalId, head.current_version],
  );
  return toStored(row);
}

/** Appends a version: 1 creates the goal (false when it already exists), later ones follow the locked current one. */
export async function appendGoalVersion(manager: EntityManager, document: GoalDocument, version: number): Promise<StoredGoal | null> {
  if (version === 1) {
    const created: unknown[] = await manager.query(
      `INSERT INTO goal (tenant_id, goal_id, current_version) VALUES (current_setting('app.tenant_id'), $1, 1) ON CONFLICT DO NOTHING RETURNING goal_id`,
      [document.id],
    );
    if (created.length === 0) return null;
  } else {
    await manager.query(`UPDATE goal SET current_version = $2 WHERE goal_id = $1`, [document.id, version]);
  }
  const [row]: VersionRow[] = await manager.query(
    `INSERT INTO goal_version (tenant_id, goal_id, version, kind, document)
     VALUES (current_setting('app.tenant_id'), $1, $2, $3, $4)
     RETURNING goal_id, version, document, recorded_at`,
    [document.id, version, document.kind, JSON.stringify(document)],
  );
  return toStored(row);
}

/** JSON with sorted keys: two documents that say the same are equal whatever order their keys came in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
