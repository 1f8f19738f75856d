import { EntityManager } from 'typeorm';
import { PayloadOf, ProjectCreated } from '@fremskudt/contracts';
import { NotFoundProblem } from '@fremskudt/service-kit';
import { isProjectInScope } from '../partner-access/partner-scope';
import { CohortGoalDefinition, Eligibility, MilestoneDefinition, PhaseDefinition } from './project-definition';
import { Project, ProjectMilestone, ProjectPhase } from './project.entities';
import { CohortGoalView, EligibilityView, MilestoneView, PhaseView, ProjectPartnerView, ProjectSummaryView, ProjectView } from './projects.dto';

/** Reading projects and their parts inside a transaction; shared by every module that works on a project. */

/**
 * Loads a project for a command and locks its row until the transaction ends, so the commands on
 * one project (enrolments against its capacity, changes of its phases) run one at a time. Unknown
 * ids, other tenants' projects (invisible under row-level security) and, for a partner user,
 * projects its organisation is not in (partner-access/partner-scope.ts) are all the same 404.
 */
export async function lockProject(manager: EntityManager, projectId: string): Promise<Project> {
  const project = (await isProjectInScope(manager, projectId)) ? await manager.findOne(Project, { where: { id: projectId }, lock: { mode: 'pessimistic_write' } }) : null;
  if (!project) throw new NotFoundProblem(`Project ${projectId} not found`);
  return project;
}

export async function findProject(manager: EntityManager, projectId: string): Promise<Project> {
  const project = (await isProjectInScope(manager, projectId)) ? await manager.findOneBy(Project, { id: projectId }) : null;
  if (!project) throw new NotFoundProblem(`Project ${projectId} not found`);
  return project;
}

export async function phasesOf(manager: EntityManager, projectId: string): Promise<ProjectPhase[]> {
  return manager.find(ProjectPhase, { where: { projectId }, order: { position: 'ASC' } });
}

export async function milestonesOf(manager: EntityManager, projectId: string): Promise<ProjectMilestone[]> {
  const milestones = await manager.find(ProjectMilestone, { where: { projectId } });
  return milestones.sort((a, b) => a.code.localeCompare(b.code));
}

export const toPhaseDefinition = (phase: ProjectPhase): PhaseDefinition => ({
  code: phase.code,
  name: phase.name,
  plannedWeeks: phase.plannedWeeks,
  completedBy: phase.completedBy,
  completionMilestoneCode: phase.completionMilestoneCode,
});

export const toMilestoneDefinition = (milestone: ProjectMilestone): MilestoneDefinition => ({
  code: milestone.code,
  name: milestone.name,
  kind: milestone.kind,
  phaseCode: milestone.phaseCode,
});

/** Replaces a project's phases (positions 1..n in the given order) and milestones in the caller's transaction. */
export async function writePhasesAndMilestones(
  manager: EntityManager,
  project: Project,
  phases: readonly PhaseDefinition[] | undefined,
  milestones: readonly MilestoneDefinition[] | undefined,
): Promise<void> {
  if (phases) {
    await manager.delete(ProjectPhase, { projectId: project.id });
    await manager.insert(
      ProjectPhase,
      phases.map((phase, index) => ({ ...phase, projectId: project.id, tenantId: project.tenantId, position: index + 1 })),
    );
  }
  if (milestones) {
    await manager.delete(ProjectMilestone, { projectId: project.id });
    if (milestones.length) {
      await manager.insert(
        ProjectMilestone,
        milestones.map((milestone) => ({ ...milestone, projectId: project.id, tenantId: project.tenantId })),
      );
    }
  }
}

/** The criteria the platform can't check from caseload's citizens topic (it carries no gender). */
export const uncheckedCriteria = (eligibility: Eligibility): string[] => (eligibility.genders.length ? ['genders'] : []);

const toEligibilityView = (eligibility: Eligibility): EligibilityView => ({ ...eligibility, notChecked: uncheckedCriteria(eligibility) });

const toPhaseView = (phase: ProjectPhase): PhaseView => ({
  code: phase.code,
  name: phase.name,
  position: phase.position,
  plannedWeeks: phase.plannedWeeks,
  completedBy: phase.completedBy,
  completionMilestoneCode: phase.completionMilestoneCode,
});

const toMilestoneView = (milestone: ProjectMilestone): MilestoneView => ({
  code: milestone.code,
  name: milestone.name,
  kind: milestone.kind,
  phaseCode: milestone.phaseCode,
});

const toGoalView = (goal: CohortGoalDefinition): CohortGoalView => ({ ...goal });

export async function partnersOf(manager: EntityManager, projectId: string): Promise<ProjectPartnerView[]> {
  const rows: Array<{ partner_id: string; code: string; name: string; kind: string; roles: ProjectPartnerView['roles']; joined_on: string }> = await manager.query(
    `SELECT pp.partner_id, p.code, p.name, p.kind, pp.roles, pp.joined_on::text AS joined_on
       FROM project_partner pp JOIN partner p ON p.id = pp.partner_id
      WHERE pp.project_id = $1
      ORDER BY pp.joined_on, p.name`,
    [projectId],
  );
  return rows.map((row) => ({ partnerId: row.partner_id, code: row.code, name: row.name, kind: row.kind, roles: row.roles, joinedOn: row.joined_on }));
}

export async function projectView(manager: EntityManager, project: Project): Promise<ProjectView> {
  const partners = await partnersOf(manager, project.id);
  return {
    id: project.id,
    code: project.code,
    name: project.name,
    templateCode: project.templateCode,
    variantCode: project.variantCode,
    targetGroup: project.targetGroup,
    startDate: project.startDate,
    endDate: project.endDate,
    capacity: project.capacity,
    budgetDkk: project.budgetDkk,
    areaCodes: project.areaCodes,
    eligibility: toEligibilityView(project.eligibility),
    phases: (await phasesOf(manager, project.id)).map(toPhaseView),
    milestones: (await milestonesOf(manager, project.id)).map(toMilestoneView),
    goals: project.goals.map(toGoalView),
    partners,
    steeringGroup: partners.filter((partner) => partner.roles.includes('steering-group')),
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  };
}

export const toProjectSummary = (project: Project): ProjectSummaryView => ({
  id: project.id,
  code: project.code,
  name: project.name,
  templateCode: project.templateCode,
  variantCode: project.variantCode,
  startDate: project.startDate,
  endDate: project.endDate,
  capacity: project.capacity,
  areaCodes: project.areaCodes,
});

/** The definition part of ProjectCreated and ProjectChanged, read back from the rows just written. */
export async function definitionPayload(manager: EntityManager, project: Project): Promise<Omit<PayloadOf<typeof ProjectCreated>, 'createdAt'>> {
  const phases = await phasesOf(manager, project.id);
  const milestones = await milestonesOf(manager, project.id);
  return {
    projectId: project.id,
    projectCode: project.code,
    templateCode: project.templateCode,
    variantCode: project.variantCode,
    startDate: project.startDate,
    endDate: project.endDate,
    capacity: project.capacity,
    areaCodes: project.areaCodes,
    eligibility: {
      minAge: project.eligibility.minAge,
      maxAge: project.eligibility.maxAge,
      genders: project.eligibility.genders,
      languageRequirement: project.eligibility.languageRequirement,
      benefitTypes: project.eligibility.benefitTypes,
      readiness: project.eligibility.readiness,
      areaCodes: project.eligibility.areaCodes,
      matchGroups: project.eligibility.matchGroups,
      steps: project.eligibility.steps,
    },
    phases: phases.map((phase) => ({
      phaseCode: phase.code,
      position: phase.position,
      plannedWeeks: phase.plannedWeeks,
      completedBy: phase.completedBy,
      completionMilestoneCode: phase.completionMilestoneCode,
    })),
    milestones: milestones.map((milestone) => ({ milestoneCode: milestone.code, kind: milestone.kind, phaseCode: milestone.phaseCode })),
  };
}

/** The goals as handed to reporting (codes and data definition; the names stay here). */
export const goalsPayload = (goals: readonly CohortGoalDefinition[]) =>
  goals.map((goal) => ({
    goalCode: goal.code,
    kind: 'cohort' as const,
    outcome: goal.outcome,
    placementTypes: goal.placementTypes,
    exitReasons: goal.exitReasons,
    windowWeeks: goal.windowWeeks,
    targetPercent: goal.targetPercent,
    direction: goal.direction,
  }));

