import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, FieldProblem, Language, NotFoundProblem, ProblemException } from '@fremskudt/service-kit';
import { FACT_CATALOG } from '../read-models/projections';
import { DEFAULT_PARTIAL_THRESHOLD } from '../statuses/status-rule';
import { checkGoal, DefinitionProblem, GoalDocument } from './goal-definition';
import { GoalDto, GoalView, GoalWithVersionsView, ImportGoalsDto, ImportResultView, ManualAssessmentDto, ManualAssessmentView, ReportingSettingsDto } from './goals.dto';
import { appendGoalVersion, canonicalJson, goalsAsOf, goalVersions, lockCurrentGoal, StoredGoal } from './goal-store';

/** The document as stored: the DTO's fields, nothing undefined, the direction made explicit. */
export function toGoalDocument(dto: GoalDto): GoalDocument {
  const plain = JSON.parse(JSON.stringify(dto)) as GoalDocument;
  return { ...plain, direction: plain.direction ?? 'at-least' };
}

export const toGoalView = (stored: StoredGoal): GoalView => ({ ...(stored.document as GoalView), version: stored.version, recordedAt: stored.recordedAt });

/** A 400 naming every field of a definition that cannot be computed, with the reason in the caller's language. */
function refused(problems: Array<DefinitionProblem & { prefix?: string }>, language: Language): ProblemException {
  const errors: FieldProblem[] = problems.map((problem) => ({ field: `${problem.prefix ?? ''}${problem.field}`, code: problem.code, message: problem.message[language] }));
  const detail =
    language === 'en'
      ? `The goal cannot be computed: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`
      : `Målet kan ikke beregnes: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`;
  return new ProblemException(HttpStatus.BAD_REQUEST, 'validation-failed', detail, errors);
}

export async function partialThresholdOf(manager: EntityManager): Promise<number> {
  const [row]: Array<{ partial_threshold: string }> = await manager.query(`SELECT partial_threshold FROM reporting_settings`);
  return row ? Number(row.partial_threshold) : DEFAULT_PARTIAL_THRESHOLD;
}

@Injectable()
export class GoalsService {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  /** Checks a goal against the vocabulary; throws the 400 with every reason when it cannot be computed. */
  private check(document: GoalDocument, language: Language, prefix = ''): void {
    const checked = checkGoal(document, FACT_CATALOG);
    if (!checked.ok) throw refused(checked.problems.map((problem) => ({ ...problem, prefix })), language);
  }

  create(dto: GoalDto, language: Language): Promise<GoalView> {
    const document = toGoalDocument(dto);
    this.check(document, language);
    return this.unitOfWork.command(async (manager) => {
      const stored = await appendGoalVersion(manager, document, 1);
      if (!stored) throw new ConflictProblem('goal-exists', `Goal ${document.id} already exists; change it with PUT /goals/${document.id}`);
      return toGoalView(stored);
    });
  }

  /** A new version when the document differs from the current one; the same version when it does not. */
  change(goalId: string, dto: GoalDto, language: Language): Promise<GoalView> {
    if (dto.id !== goalId) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation-failed', undefined, [{ field: 'id', code: 'matchesPath', message: `must be the goal id of the path (${goalId})` }]);
    }
    const document = toGoalDocument(dto);
    this.check(document, language);
    return this.unitOfWork.command(async (manager) => toGoalView(await this.storeChange(manager, document, false)));
  }

  private async storeChange(manager: EntityManager, document: GoalDocument, createMissing: boolean): Promise<StoredGoal & { outcome: 'created' | 'changed' | 'unchanged' }> {
    const current = await lockCurrentGoal(manager, document.id);
    if (!current) {
      if (!createMissing) throw new NotFoundProblem(`Goal ${document.id} not found`);
      const created = await appendGoalVersion(manager, document, 1);
      if (!created) throw new ConflictProblem('goal-exists', `Goal ${document.id} was created at the same moment; try again`);
      return { ...created, outcome: 'created' };
    }
    if (canonicalJson(current.document) === canonicalJson(document)) return { ...current, outcome: 'unchanged' };
    return { ...(await appendGoalVersion(manager, document, current.version + 1))!, outcome: 'changed' };
  }

  /** Loads a tenant's goal file: every goal is checked first, and nothing is stored unless all can be computed. */
  import(dto: ImportGoalsDto, language: Language): Promise<ImportResultView> {
    const tenant = TenantContext.currentTenant();
    if (dto.tenant !== undefined && dto.tenant !== tenant) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation-failed', undefined, [
        { field: 'tenant', code: 'matchesTenant', message: `the file is for ${dto.tenant}, not ${tenant}` },
      ]);
    }
    const documents = dto.goals.map(toGoalDocument);
    const problems = documents.flatMap((document, index) => {
      const checked = checkGoal(document, FACT_CATALOG);
      return checked.ok ? [] : checked.problems.map((problem) => ({ ...problem, prefix: `goals.${index}.` }));
    });
    const seen = new Set<string>();
    documents.forEach((document, index) => {
      if (seen.has(document.id)) problems.push({ prefix: `goals.${index}.`, field: 'id', code: 'invalid', message: { da: 'målet står to gange i filen', en: 'the goal is twice in the file' } });
      seen.add(document.id);
    });
    if (problems.length) throw refused(problems, language);
    return this.unitOfWork.command(async (manager) => {
      const result: ImportResultView = { created: [], changed: [], unchanged: [] };
      for (const document of documents) result[(await this.storeChange(manager, document, true)).outcome].push(document.id);
      return result;
    });
  }

  list(asOf?: string): Promise<GoalView[]> {
    return this.unitOfWork.run(async (manager) => (await goalsAsOf(manager, asOf)).map(toGoalView));
  }

  get(goalId: string): Promise<GoalWithVersionsView> {
    return this.unitOfWork.run(async (manager) => {
      const versions = await goalVersions(manager, goalId);
      if (!versions.length) throw new NotFoundProblem(`Goal ${goalId} not found`);
      const current = versions[versions.length - 1];
      return { ...toGoalView(current), versions: versions.map(({ version, recordedAt }) => ({ version, recordedAt })) };
    });
  }

  version(goalId: string, version: number): Promise<GoalView> {
    return this.unitOfWork.run(async (manager) => {
      const found = (await goalVersions(manager, goalId)).find((stored) => stored.version === version);
      if (!found) throw new NotFoundProblem(`Goal ${goalId} has no version ${version}`);
      return toGoalView(found);
    });
  }

  /** Records a person's status of a manual goal, with who and when; earlier assessments stay. */
  assess(goalId: string, dto: ManualAssessmentDto): Promise<ManualAssessmentView> {
    return this.unitOfWork.command(async (manager) => {
      const current = await lockCurrentGoal(manager, goalId);
      if (!current) throw new NotFoundProblem(`Goal ${goalId} not found`);
      if (current.document.kind !== 'manual') throw new ConflictProblem('goal-not-manual', `Goal ${goalId} is a ${current.document.kind} goal; its status is computed`);
      const id = randomUUID();
      const [row]: Array<{ assessed_at: Date }> = await manager.query(
        `INSERT INTO manual_goal_assessment (tenant_id, assessment_id, goal_id, status, comment, assessed_by)
         VALUES (current_setting('app.tenant_id'), $1, $2, $3, $4, $5) RETURNING assessed_at`,
        [id, goalId, dto.status, dto.comment, dto.assessedBy],
      );
      return { id, goalId, status: dto.status, comment: dto.comment, assessedBy: dto.assessedBy, assessedAt: row.assessed_at.toISOString() };
    });
  }

  settings(): Promise<ReportingSettingsDto> {
    return this.unitOfWork.run(async (manager) => ({ partialThreshold: await partialThresholdOf(manager) }));
  }

  changeSettings(dto: ReportingSettingsDto): Promise<ReportingSettingsDto> {
    return this.unitOfWork.command(async (manager) => {
      await manager.query(
        `INSERT INTO reporting_settings (tenant_id, partial_threshold) VALUES (current_setting('app.tenant_id'), $1)
         ON CONFLICT (tenant_id) DO UPDATE SET partial_threshold = EXCLUDED.partial_threshold, updated_at = now()`,
        [dto.partialThreshold],
      );
      return { partialThreshold: dto.partialThreshold };
    });
  }
}
