import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { Language, NotFoundProblem } from '@fremskudt/service-kit';
import { Breakdown, breakdownPlan, knownKeys } from '../breakdowns/breakdown-cells';
import { BreakdownCellView } from '../breakdowns/breakdowns.dto';
import { checkGoal, GoalScope } from '../goals/goal-definition';
import { goalsAsOf, StoredGoal } from '../goals/goal-store';
import { partialThresholdOf } from '../goals/goals.service';
import { overlaps, periodLabel, periodRange } from '../goals/periods';
import { FACT_CATALOG } from '../read-models/projections';
import { RebuildState } from '../read-models/rebuild-state';
import { measure } from './goal-measurement';
import { decideMilestoneStatus, decideStatus, GoalStatus, relativeTarget, STATUS_LABELS } from './status-rule';
import { AssessmentView, GoalStatusesView, GoalStatusView, IndicatorTableView, StatusesQuery } from './statuses.dto';

interface EvaluateOptions {
  language: Language;
  withCitizens?: boolean;
  /** The comparison scope for goals without a relative target (the indicator table's comparison column). */
  comparisonScope?: GoalScope;
  asOf?: string;
  /** A part of the goal's scope to compute instead of the whole (a breakdown's area or team). */
  scope?: GoalScope;
}

/**
 * Goal statuses with their evidence, computed from the read models when asked for: an event
 * counts as soon as its projection has committed. Each goal is computed with the version of
 * its definition valid at `asOf` (now by default), so an earlier report can be made again.
 */
@Injectable()
export class StatusesService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(RebuildState) private readonly rebuilds: RebuildState,
  ) {}

  statusOf(goalId: string, options: EvaluateOptions): Promise<GoalStatusView> {
    return this.unitOfWork.run(async (manager) => {
      const [stored] = await goalsAsOf(manager, options.asOf, [goalId]);
      if (!stored) throw new NotFoundProblem(`Goal ${goalId} not found${options.asOf ? ` as of ${options.asOf}` : ''}`);
      return this.evaluate(manager, stored, await partialThresholdOf(manager), options);
    });
  }

  statuses(query: StatusesQuery, language: Language): Promise<GoalStatusesView> {
    return this.unitOfWork.run(async (manager) => {
      const threshold = await partialThresholdOf(manager);
      const goals = this.select(await goalsAsOf(manager, query.asOf), query);
      const statuses: GoalStatusView[] = [];
      for (const goal of goals) {
        const status = await this.evaluate(manager, goal, threshold, { language, asOf: query.asOf });
        statuses.push(query.by ? { ...status, ...(await this.breakdown(manager, goal, threshold, { language, asOf: query.asOf }, query.by)) } : status);
      }
      return { tenant: TenantContext.currentTenant(), rebuildInProgress: this.rebuilds.inProgress(), statuses };
    });
  }

  /** The committee reports' table: indicator, target, realised, status, and the comparison group's realised value. */
  indicatorTable(query: StatusesQuery, comparisonScope: GoalScope, language: Language): Promise<IndicatorTableView> {
    return this.unitOfWork.run(async (manager) => {
      const threshold = await partialThresholdOf(manager);
      const goals = this.select(await goalsAsOf(manager, query.asOf), query);
      const rows: IndicatorTableView['rows'] = [];
      for (const goal of goals) {
        const status = await this.evaluate(manager, goal, threshold, { language, comparisonScope, asOf: query.asOf });
        rows.push({
          goalId: status.goalId,
          indicator: status.name,
          period: status.period.label,
          kind: status.kind,
          target: status.target,
          direction: status.direction,
          realised: status.realised,
          numerator: status.numerator,
          denominator: status.denominator,
          populationSize: status.populationSize,
          status: status.status,
          statusLabel: status.statusLabel,
          comparison: status.comparison?.realised ?? null,
          definitionVersion: status.definitionVersion,
          ...(query.by ? await this.breakdown(manager, goal, threshold, { language, asOf: query.asOf }, query.by) : {}),
        });
      }
      return { tenant: TenantContext.currentTenant(), comparisonScope, rebuildInProgress: this.rebuilds.inProgress(), rows };
    });
  }

  /** Goals whose period overlaps the asked one and whose scope includes the asked area, team or project, in id order. */
  private select(goals: StoredGoal[], query: StatusesQuery): StoredGoal[] {
    const asked = { from: query.from ?? '0001-01-01', to: query.to ?? '9999-12-31' };
    return goals
      .filter(({ document }) => overlaps(periodRange(document.period), asked))
      .filter(({ document }) => !query.areaCode || (document.scope.areas ?? []).includes(query.areaCode))
      .filter(({ document }) => !query.teamCode || (document.scope.teams ?? []).includes(query.teamCode))
      .filter(({ document }) => !query.project || document.scope.project === query.project)
      .sort((a, b) => (a.document.id < b.document.id ? -1 : 1));
  }

  /** The goal's status in each area (team) of its scope, or why it cannot be broken down so. */
  private async breakdown(
    manager: EntityManager,
    stored: StoredGoal,
    threshold: number,
    options: EvaluateOptions,
    by: Breakdown,
  ): Promise<{ breakdown: BreakdownCellView[]; breakdownProblem: string | null }> {
    const plan = breakdownPlan(stored.document, by, await knownKeys(manager, by));
    const breakdown: BreakdownCellView[] = [];
    for (const cell of plan.cells) {
      const status = await this.evaluate(manager, stored, threshold, { ...options, scope: cell.scope });
      const { status: decided, statusLabel, realised, target, numerator, denominator, populationSize } = status;
      breakdown.push({ key: cell.key, scope: cell.scope, status: decided, statusLabel, realised, target, numerator, denominator, populationSize });
    }
    return { breakdown, breakdownProblem: plan.problem ? plan.problem[options.language] : null };
  }

  private async evaluate(manager: EntityManager, stored: StoredGoal, tenantThreshold: number, options: EvaluateOptions): Promise<GoalStatusView> {
    const { document } = stored;
    const range = periodRange(document.period);
    const direction = document.direction ?? 'at-least';
    const partialThreshold = document.partialThreshold ?? tenantThreshold;
    const checked = checkGoal(document, FACT_CATALOG);
    const base = {
      goalId: document.id,
      name: document.name[options.language],
      kind: document.kind,
      scope: document.scope,
      period: { ...document.period, ...range, label: periodLabel(document.period)[options.language] },
      definitionVersion: stored.version,
      definitionRecordedAt: stored.recordedAt,
      direction,
      partialThreshold,
      computedAt: new Date().toISOString(),
    };
    const answer = (status: GoalStatus, rest: Partial<GoalStatusView>): GoalStatusView => ({
      ...base,
      status,
      statusLabel: STATUS_LABELS[status][options.language],
      realised: null,
      target: null,
      numerator: null,
      denominator: null,
      populationSize: null,
      comparison: null,
      ...rest,
    });
    // A stored version was checked when saved; if the vocabulary has since lost a fact it is reported, not computed.
    if (!checked.ok) return answer('not-assessed', {});
    const definition = checked.definition;

    if (definition.kind === 'manual') {
      const assessment = await latestAssessment(manager, document.id, options.asOf);
      return answer(assessment ? (assessment.status as GoalStatus) : 'not-assessed', { assessment });
    }

    const measured = await measure(manager, definition, options.scope ?? document.scope, range, { withCitizens: options.withCitizens });
    const evidence = {
      realised: measured.realised,
      numerator: measured.numerator,
      denominator: measured.denominator,
      populationSize: measured.populationSize,
      ...(measured.citizens ? { citizens: measured.citizens } : {}),
    };
    if (definition.kind === 'milestone') {
      return answer(decideMilestoneStatus(measured.numerator ?? 0, measured.denominator ?? 0), { ...evidence, target: 1, areas: measured.areas });
    }

    const relative = document.target?.relativeTo;
    const comparisonScope = relative?.scope ?? options.comparisonScope;
    const compared = comparisonScope ? await measure(manager, definition, comparisonScope, range) : null;
    const comparison = compared && comparisonScope ? { scope: comparisonScope, realised: compared.realised, numerator: compared.numerator, denominator: compared.denominator, populationSize: compared.populationSize } : null;
    const target = relative ? relativeTarget(compared?.realised ?? null, relative.factor, relative.offset) : (document.target?.value ?? null);
    return answer(decideStatus({ realised: measured.realised, target, direction, partialThreshold }), { ...evidence, target, comparison });
  }
}

async function latestAssessment(manager: EntityManager, goalId: string, asOf?: string): Promise<AssessmentView | null> {
  const [row]: Array<{ status: string; comment: string; assessed_by: string; assessed_at: Date }> = await manager.query(
    `SELECT status, comment, assessed_by, assessed_at FROM manual_goal_assessment
      WHERE goal_id = $1 AND assessed_at <= coalesce($2::timestamptz, 'infinity')
      ORDER BY assessed_at DESC LIMIT 1`,
    [goalId, asOf ?? null],
  );
  return row ? { status: row.status, comment: row.comment, assessedBy: row.assessed_by, assessedAt: row.assessed_at.toISOString() } : null;
}
