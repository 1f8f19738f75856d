import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { PartnerJoined, ProjectChanged, ProjectCreated, ProjectGoalsDefined, ProjectAttribute, ProjectTemplateCode } from '@fremskudt/contracts';
import { OutboxWriter } from '@fremskudt/messaging';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, FieldProblem } from '@fremskudt/service-kit';
import { withinScope } from '../partner-access/partner-scope';
import { badInput } from '../shared/validation';
import {
  CohortGoalDefinition,
  definitionProblems,
  Eligibility,
  eligibilityProblems,
  goalProblems,
  milestoneProblems,
  MilestoneDefinition,
  OPEN_ELIGIBILITY,
  OUTCOME_DEFAULTS,
  PhaseDefinition,
  phaseProblems,
} from './project-definition';
import { ProjectUsage } from './project-usage';
import {
  definitionPayload,
  findProject,
  goalsPayload,
  lockProject,
  milestonesOf,
  phasesOf,
  projectView,
  toMilestoneDefinition,
  toPhaseDefinition,
  toProjectSummary,
  writePhasesAndMilestones,
} from './project-store';
import { Partner, Project, ProjectPartner } from './project.entities';
import {
  ChangeProjectDto,
  CohortGoalDto,
  CreateFromTemplateDto,
  CreateProjectDto,
  EligibilityDto,
  JoinPartnerDto,
  MilestoneDto,
  PhaseDto,
  ProjectPartnerView,
  ProjectsQuery,
  ProjectSummaryView,
  ProjectView,
} from './projects.dto';
import { ProjectTemplate, templateOf } from './templates';

/** Criteria given in a request over a base: each criterion left out keeps the base's value. */
export function eligibilityFrom(given: EligibilityDto | undefined, base: Eligibility = OPEN_ELIGIBILITY): Eligibility {
  const pick = <K extends keyof Eligibility>(key: K): Eligibility[K] => (given?.[key] !== undefined ? (given[key] as Eligibility[K]) : base[key]);
  return {
    minAge: pick('minAge'),
    maxAge: pick('maxAge'),
    genders: pick('genders'),
    languageRequirement: pick('languageRequirement'),
    benefitTypes: pick('benefitTypes'),
    readiness: pick('readiness'),
    areaCodes: pick('areaCodes'),
    matchGroups: [...pick('matchGroups')].sort((a, b) => a - b),
    steps: [...pick('steps')].sort((a, b) => a - b),
  };
}

const phasesFrom = (phases: PhaseDto[]): PhaseDefinition[] =>
  phases.map((phase) => ({
    code: phase.code,
    name: phase.name,
    plannedWeeks: phase.plannedWeeks ?? null,
    completedBy: phase.completedBy,
    completionMilestoneCode: phase.completionMilestoneCode ?? null,
  }));

const milestonesFrom = (milestones: MilestoneDto[] = []): MilestoneDefinition[] =>
  milestones.map((milestone) => ({ code: milestone.code, name: milestone.name, kind: milestone.kind, phaseCode: milestone.phaseCode ?? null }));

const goalsFrom = (goals: CohortGoalDto[] = []): CohortGoalDefinition[] =>
  goals.map((goal) => ({
    code: goal.code,
    nameDa: goal.nameDa,
    nameEn: goal.nameEn ?? goal.nameDa,
    outcome: goal.outcome,
    placementTypes: goal.placementTypes ?? OUTCOME_DEFAULTS[goal.outcome].placementTypes,
    exitReasons: goal.exitReasons ?? OUTCOME_DEFAULTS[goal.outcome].exitReasons,
    windowWeeks: goal.windowWeeks,
    targetPercent: goal.targetPercent,
    direction: goal.direction ?? 'at-least',
  }));

interface NewProject {
  code: string;
  name: string;
  templateCode: ProjectTemplateCode | null;
  variantCode: string | null;
  targetGroup: string | null;
  startDate: string;
  endDate: string | null;
  capacity: number | null;
  budgetDkk: number | null;
  areaCodes: string[];
  eligibility: Eligibility;
  phases: PhaseDefinition[];
  milestones: MilestoneDefinition[];
  goals: CohortGoalDefinition[];
}

/** A template instantiated with the request's choices: 400 naming variantCode when the choice doesn't fit the template. */
export function instantiate(template: ProjectTemplate, command: CreateFromTemplateDto): NewProject {
  const variant = template.variants.find((candidate) => candidate.code === command.variantCode);
  if (template.variants.length && !command.variantCode) {
    throw badInput({ field: 'variantCode', code: 'requiredForTemplate', message: `${template.code} needs one of ${template.variants.map((v) => v.code).join(', ')}` });
  }
  if (command.variantCode && !variant) {
    const problem = template.variants.length ? `must be one of ${template.variants.map((v) => v.code).join(', ')}` : `${template.code} has no variants`;
    throw badInput({ field: 'variantCode', code: 'unknownVariant', message: problem });
  }
  const areaCodes = command.areaCodes ?? [];
  const base = template.eligibleInProjectAreas && template.eligibility.areaCodes.length === 0 ? { ...template.eligibility, areaCodes } : template.eligibility;
  return {
    code: command.code,
    name: command.name ?? (variant ? `${template.name.da}: ${variant.name.da}` : template.name.da),
    templateCode: template.code,
    variantCode: variant?.code ?? null,
    targetGroup: command.targetGroup ?? template.targetGroup,
    startDate: command.startDate,
    endDate: command.endDate ?? null,
    capacity: command.capacity !== undefined ? command.capacity : template.capacity,
    budgetDkk: command.budgetDkk ?? null,
    areaCodes,
    eligibility: eligibilityFrom(command.eligibility, base),
    phases: template.phases.map((phase) => ({ ...phase })),
    milestones: template.milestones.map((milestone) => ({ ...milestone })),
    goals: template.goals.map((goal) => ({ ...goal })),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Projects: created from scratch or from a template, changed, given goals, joined by partners.
 * Each command writes its state and its event (ProjectCreated/Changed, ProjectGoalsDefined,
 * PartnerJoined on the projects stream) in one transaction.
 */
@Injectable()
export class ProjectsService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(ProjectUsage) private readonly usage: ProjectUsage,
  ) {}

  create(command: CreateProjectDto): Promise<ProjectView> {
    return this.insert({
      code: command.code,
      name: command.name,
      templateCode: null,
      variantCode: null,
      targetGroup: command.targetGroup ?? null,
      startDate: command.startDate,
      endDate: command.endDate ?? null,
      capacity: command.capacity ?? null,
      budgetDkk: command.budgetDkk ?? null,
      areaCodes: command.areaCodes ?? [],
      eligibility: eligibilityFrom(command.eligibility),
      phases: phasesFrom(command.phases),
      milestones: milestonesFrom(command.milestones),
      goals: goalsFrom(command.goals),
    });
  }

  createFromTemplate(command: CreateFromTemplateDto): Promise<ProjectView> {
    return this.insert(instantiate(templateOf(command.templateCode), command));
  }

  list(query: ProjectsQuery): Promise<ProjectSummaryView[]> {
    return this.unitOfWork.run(async (manager) => {
      const builder = manager.createQueryBuilder(Project, 'project').orderBy('project.start_date', 'DESC').addOrderBy('project.code', 'ASC');
      await withinScope(manager, builder, 'project');
      if (query.templateCode) builder.andWhere('project.template_code = :templateCode', { templateCode: query.templateCode });
      if (query.areaCode) builder.andWhere(':areaCode = ANY(project.area_codes)', { areaCode: query.areaCode });
      return (await builder.getMany()).map(toProjectSummary);
    });
  }

  get(id: string): Promise<ProjectView> {
    return this.unitOfWork.run(async (manager) => projectView(manager, await findProject(manager, id)));
  }

  change(id: string, command: ChangeProjectDto): Promise<ProjectView> {
    return this.unitOfWork.command(async (manager) => {
      const project = await lockProject(manager, id);
      const currentPhases = (await phasesOf(manager, id)).map(toPhaseDefinition);
      const currentMilestones = (await milestonesOf(manager, id)).map(toMilestoneDefinition);
      const phases = command.phases ? phasesFrom(command.phases) : currentPhases;
      const milestones = command.milestones ? milestonesFrom(command.milestones) : currentMilestones;
      const next = {
        name: command.name ?? project.name,
        targetGroup: command.targetGroup ?? project.targetGroup,
        endDate: command.endDate !== undefined ? command.endDate : project.endDate,
        capacity: command.capacity !== undefined ? command.capacity : project.capacity,
        budgetDkk: command.budgetDkk !== undefined ? command.budgetDkk : project.budgetDkk,
        areaCodes: command.areaCodes ?? project.areaCodes,
        eligibility: command.eligibility ? eligibilityFrom(command.eligibility) : project.eligibility,
      };
      const problems: FieldProblem[] = [];
      if (next.endDate !== null && next.endDate < project.startDate) problems.push({ field: 'endDate', code: 'dateOrder', message: 'must not be before the start date' });
      if (command.eligibility) problems.push(...eligibilityProblems(next.eligibility));
      // Phases and milestones refer to each other: whichever changes is checked against the other as it will be.
      if (command.phases || command.milestones) problems.push(...phaseProblems(phases, milestones), ...milestoneProblems(milestones, phases));
      if (problems.length) throw badInput(...problems);

      const changed: ProjectAttribute[] = [];
      for (const attribute of ['name', 'targetGroup', 'endDate', 'capacity', 'budgetDkk', 'areaCodes', 'eligibility'] as const) {
        if (!same(next[attribute], project[attribute])) changed.push(attribute);
      }
      if (!same(phases, currentPhases)) changed.push('phases');
      if (!same(milestones, currentMilestones)) changed.push('milestones');
      if (changed.length === 0) return projectView(manager, project);

      await this.usage.assertChangeFits(manager, project, {
        capacity: next.capacity,
        removedPhaseCodes: removedCodes(currentPhases, phases),
        removedMilestoneCodes: removedCodes(currentMilestones, milestones),
      });
      Object.assign(project, next, { updatedAt: new Date() });
      await manager.update(Project, { id }, { ...next, updatedAt: project.updatedAt });
      await writePhasesAndMilestones(manager, project, command.phases ? phases : undefined, command.milestones ? milestones : undefined);
      await this.outbox.publish(manager, ProjectChanged, { ...(await definitionPayload(manager, project)), changed, changedAt: project.updatedAt.toISOString() });
      return projectView(manager, project);
    });
  }

  replaceGoals(id: string, goalsGiven: CohortGoalDto[]): Promise<ProjectView> {
    const goals = goalsFrom(goalsGiven);
    const problems = goalProblems(goals);
    if (problems.length) throw badInput(...problems);
    return this.unitOfWork.command(async (manager) => {
      const project = await lockProject(manager, id);
      project.goals = goals;
      project.updatedAt = new Date();
      await manager.update(Project, { id }, { goals, updatedAt: project.updatedAt });
      await this.publishGoals(manager, project);
      return projectView(manager, project);
    });
  }

  joinPartner(id: string, command: JoinPartnerDto): Promise<ProjectPartnerView> {
    return this.unitOfWork.command(async (manager) => {
      const project = await lockProject(manager, id);
      const partner = await manager.findOneBy(Partner, { id: command.partnerId });
      if (!partner) throw new ConflictProblem('partner-unknown', `No partner ${command.partnerId} in this municipality`);
      if (await manager.existsBy(ProjectPartner, { projectId: id, partnerId: partner.id })) {
        throw new ConflictProblem('partner-already-joined', `Partner ${partner.code} already takes part in project ${project.code}`);
      }
      await manager.insert(ProjectPartner, { projectId: id, partnerId: partner.id, tenantId: project.tenantId, roles: command.roles, joinedOn: command.joinedOn });
      await this.outbox.publish(manager, PartnerJoined, {
        projectId: id,
        partnerId: partner.id,
        partnerCode: partner.code,
        partnerKind: partner.kind,
        roles: command.roles,
        joinedOn: command.joinedOn,
      });
      return { partnerId: partner.id, code: partner.code, name: partner.name, kind: partner.kind, roles: command.roles, joinedOn: command.joinedOn };
    });
  }

  private insert(definition: NewProject): Promise<ProjectView> {
    const problems = definitionProblems(definition);
    if (problems.length) throw badInput(...problems);
    return this.unitOfWork.command(async (manager) => {
      // Serialises creating one code, so the uniqueness check holds (a 409, not a 500 from the constraint).
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('projects.project-code:' || current_setting('app.tenant_id') || ':' || $1))`, [definition.code]);
      if (await manager.existsBy(Project, { code: definition.code })) {
        throw new ConflictProblem('project-code-taken', `A project with code ${definition.code} already exists`);
      }
      const now = new Date();
      const { phases, milestones, ...columns } = definition;
      const project = manager.create(Project, { ...columns, id: randomUUID(), tenantId: TenantContext.currentTenant(), createdAt: now, updatedAt: now });
      await manager.insert(Project, project);
      await writePhasesAndMilestones(manager, project, phases, milestones);
      await this.outbox.publish(manager, ProjectCreated, { ...(await definitionPayload(manager, project)), createdAt: now.toISOString() });
      if (project.goals.length) await this.publishGoals(manager, project);
      return projectView(manager, project);
    });
  }

  private async publishGoals(manager: EntityManager, project: Project): Promise<void> {
    await this.outbox.publish(manager, ProjectGoalsDefined, {
      projectId: project.id,
      projectCode: project.code,
      goals: goalsPayload(project.goals),
      definedAt: project.updatedAt.toISOString(),
    });
  }
}

const removedCodes = (before: ReadonlyArray<{ code: string }>, after: ReadonlyArray<{ code: string }>): string[] => {
  const kept = new Set(after.map((item) => item.code));
  return before.map((item) => item.code).filter((code) => !kept.has(code));
};
