import { EntityManager } from 'typeorm';
import { CohortOutcome, PayloadOf, ProjectGoalsDefined } from '@fremskudt/contracts';
import { Localised } from '../read-models/fact-catalog';
import { copenhagenDateOf } from '../read-models/projection';
import { PARTICIPANT_ENROLLED } from '../read-models/projects.projection';
import type { GoalDocument } from './goal-definition';
import type { StoredGoal } from './goal-store';

/**
 * A project's own goals as goal definitions. The projects service owns them (PUT
 * /projects/:id/goals) and hands them over with ProjectGoalsDefined; reporting turns the latest
 * set into goals of the tenant without anyone loading them by hand, so the project's figures and
 * its goal statuses can never disagree about the target. They are derived, not stored: each
 * ProjectGoalsDefined is a version (kept in the read models, rebuilt with them), a goal dropped by
 * the project disappears from later reports and stays in earlier ones (`asOf`), and they are
 * changed where they are defined, in the projects service.
 *
 *  - id `<project code>.<goal code>`: a tenant's own goal ids cannot hold a dot, so they never collide;
 *  - scope the project; period the project's (its start to its end, or to the day asked about
 *    while it has no end);
 *  - a cohort goal: the participants enrolled in the period, each from their enrolment date,
 *    reaching within the window a placement of the goal's types they are in at some time in it
 *    (started by the window's end, not ended before the start) or an exit for one of its reasons.
 */

type ProjectGoal = PayloadOf<typeof ProjectGoalsDefined>['goals'][number];

export const PROJECT_GOAL_SEPARATOR = '.';
export const projectGoalId = (projectCode: string, goalCode: string) => `${projectCode}${PROJECT_GOAL_SEPARATOR}${goalCode}`;
export const isProjectGoalId = (goalId: string) => goalId.includes(PROJECT_GOAL_SEPARATOR);

const OUTCOMES: Record<CohortOutcome, (weeks: number) => Localised> = {
  'company-placement': (weeks) => ({
    da: `andel der er i gang med eller har været i virksomhedsplacering inden for ${weeks} uger`,
    en: `share in or having been in a company placement within ${weeks} weeks`,
  }),
  'job-or-education': (weeks) => ({
    da: `andel i ordinært job, deltidsjob, fleksjob eller uddannelse inden for ${weeks} uger`,
    en: `share in ordinary, part-time or flex job or education within ${weeks} weeks`,
  }),
};

interface DefinitionRow {
  project_id: string;
  project_code: string;
  aspect: 'definition' | 'goals';
  effective_at: Date;
  start_date: string | null;
  end_date: string | null;
  goals: ProjectGoal[] | null;
}

/** The goal document of one project goal, with the project's period as known. */
export function projectGoalDocument(projectCode: string, goal: ProjectGoal, period: { from: string; to: string }): GoalDocument {
  const outcome = OUTCOMES[goal.outcome](goal.windowWeeks);
  const reach: Array<Record<string, unknown>> = [];
  if (goal.placementTypes.length) reach.push({ fact: 'placement-started', where: { placementType: goal.placementTypes }, endedBy: { fact: 'placement-ended' } });
  if (goal.exitReasons.length) reach.push({ fact: 'citizen-exited', where: { reason: goal.exitReasons } });
  return {
    id: projectGoalId(projectCode, goal.goalCode),
    name: { da: `${projectCode}: ${outcome.da}`, en: `${projectCode}: ${outcome.en}` },
    scope: { project: projectCode },
    period: { type: 'range', from: period.from, to: period.to },
    kind: 'cohort',
    target: { value: goal.targetPercent / 100 },
    direction: goal.direction,
    definition: { start: { fact: PARTICIPANT_ENROLLED }, reach: { anyOf: reach }, withinWeeks: goal.windowWeeks },
  };
}

/**
 * Every version of every project goal recorded by `asOf` (all when left out), and which are in
 * force then (the goals of each project's latest ProjectGoalsDefined). A version is a change of
 * the goal's content; republishing the same goal adds none.
 */
async function projectGoalHistory(manager: EntityManager, asOf?: string, projectCode?: string): Promise<{ versions: Map<string, StoredGoal[]>; current: Set<string> }> {
  const rows: DefinitionRow[] = await manager.query(
    `SELECT project_id::text, project_code, aspect, effective_at, start_date::text, end_date::text, goals
       FROM project_definition_history
      WHERE effective_at <= coalesce($1::timestamptz, 'infinity') AND ($2::text IS NULL OR project_code = $2)
      ORDER BY project_id, effective_at, event_id`,
    [asOf ?? null, projectCode ?? null],
  );
  const versions = new Map<string, StoredGoal[]>();
  const current = new Set<string>();
  const today = copenhagenDateOf(asOf ?? new Date().toISOString());
  const byProject = new Map<string, DefinitionRow[]>();
  for (const row of rows) byProject.set(row.project_id, [...(byProject.get(row.project_id) ?? []), row]);

  for (const projectRows of byProject.values()) {
    const goalRows = projectRows.filter((row) => row.aspect === 'goals');
    if (!goalRows.length) continue;
    const definition = projectRows.filter((row) => row.aspect === 'definition').at(-1);
    const code = (definition ?? goalRows.at(-1)!).project_code;
    // The project's period; before its definition has arrived, from the day its goals were set.
    const from = definition?.start_date ?? copenhagenDateOf(goalRows[0].effective_at.toISOString());
    const to = definition?.end_date ?? (today > from ? today : from);
    const lastContent = new Map<string, string>();
    for (const row of goalRows) {
      const present = new Set<string>();
      for (const goal of row.goals ?? []) {
        present.add(goal.goalCode);
        const content = JSON.stringify(goal);
        if (lastContent.get(goal.goalCode) === content) continue;
        lastContent.set(goal.goalCode, content);
        const id = projectGoalId(code, goal.goalCode);
        const list = versions.get(id) ?? [];
        list.push({ document: projectGoalDocument(code, goal, { from, to }), version: list.length + 1, recordedAt: row.effective_at.toISOString() });
        versions.set(id, list);
      }
      // A goal the project dropped starts a new version if it comes back.
      for (const goalCode of [...lastContent.keys()]) if (!present.has(goalCode)) lastContent.delete(goalCode);
    }
    for (const goal of goalRows.at(-1)!.goals ?? []) current.add(projectGoalId(code, goal.goalCode));
  }
  return { versions, current };
}

/** The project goals in force at `asOf` (now when left out), each in its latest version by then. */
export async function projectGoalsAsOf(manager: EntityManager, asOf?: string, goalIds?: string[]): Promise<StoredGoal[]> {
  if (goalIds && !goalIds.some(isProjectGoalId)) return [];
  const { versions, current } = await projectGoalHistory(manager, asOf);
  return [...current].filter((id) => !goalIds || goalIds.includes(id)).map((id) => versions.get(id)!.at(-1)!);
}

/** Every version of one project goal, oldest first (empty for an unknown one). */
export async function projectGoalVersions(manager: EntityManager, goalId: string): Promise<StoredGoal[]> {
  const [projectCode] = goalId.split(PROJECT_GOAL_SEPARATOR);
  const { versions } = await projectGoalHistory(manager, undefined, projectCode);
  return versions.get(goalId) ?? [];
}
