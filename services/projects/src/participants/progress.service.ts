import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { MilestoneReached, PhaseCompleted, PhaseCompletion, PhaseStarted } from '@fremskudt/contracts';
import { OutboxWriter } from '@fremskudt/messaging';
import { UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem } from '@fremskudt/service-kit';
import { PartnerFeed, PartnerPseudonyms } from '../partner-access';
import { findProject, lockProject, phasesOf } from '../projects/project-store';
import { Project, ProjectMilestone, ProjectPhase } from '../projects/project.entities';
import { badInput } from '../shared/validation';
import {
  conflict,
  enrolmentView,
  findEnrolment,
  milestoneRecordsOf,
  participantEnrolment,
  participantState,
  phaseOfProject,
  toPhaseStep,
} from './enrolment-store';
import { EnrolmentView, RecordMilestoneDto } from './enrolments.dto';
import { Enrolment, EnrolmentPhase, MilestoneRecord } from './participant.entities';
import {
  decideMilestone,
  decidePhaseCompletion,
  decidePhaseStart,
  milestoneInputProblems,
  phaseCompletedByMilestone,
  phaseInProgress,
} from './progress';

/**
 * A participant's way through the project's phases and milestones. Every command locks the
 * project (the same lock enrolment takes), decides by the rules in ./progress, writes the progress
 * and publishes its events (PhaseStarted, PhaseCompleted, MilestoneReached) in one transaction.
 */
@Injectable()
export class ProgressService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(PartnerPseudonyms) private readonly pseudonyms: PartnerPseudonyms,
    @Inject(PartnerFeed) private readonly partnerFeed: PartnerFeed,
  ) {}

  startPhase(enrolmentId: string, phaseCode: string, startedOn: string): Promise<EnrolmentView> {
    return this.onEnrolment(byId(enrolmentId), async (manager, project, enrolment) => {
      await this.start(manager, project, enrolment, phaseCode, startedOn);
    });
  }

  completePhase(enrolmentId: string, phaseCode: string, completedOn: string): Promise<EnrolmentView> {
    return this.onEnrolment(byId(enrolmentId), async (manager, project, enrolment) => {
      const phase = await phaseOfProject(manager, project.id, phaseCode);
      const state = await participantState(manager, enrolment);
      conflict(decidePhaseCompletion(state, phaseCode, completedOn));
      // A phase is completed by a decision recorded here, whatever its plan; a milestone's completion is recorded with the milestone.
      await this.complete(manager, enrolment, phase, completedOn, phase.completedBy === 'milestone' ? 'decision' : phase.completedBy);
    });
  }

  recordMilestone(enrolmentId: string, command: RecordMilestoneDto): Promise<EnrolmentView> {
    return this.onEnrolment(byId(enrolmentId), (manager, project, enrolment) => this.reachMilestone(manager, project, enrolment, command));
  }

  /** The same, for the participant of the project the request names (a partner user: by its pseudonym). */
  recordParticipantMilestone(projectId: string, participant: string, command: RecordMilestoneDto): Promise<EnrolmentView> {
    return this.onEnrolment(
      async (manager) => participantEnrolment(manager, await findProject(manager, projectId), await this.pseudonyms.citizenNamed(manager, participant)),
      (manager, project, enrolment) => this.reachMilestone(manager, project, enrolment, command),
    );
  }

  private async reachMilestone(manager: EntityManager, project: Project, enrolment: Enrolment, command: RecordMilestoneDto): Promise<void> {
    const milestone = await manager.findOneBy(ProjectMilestone, { projectId: project.id, code: command.milestoneCode });
    if (!milestone) throw new ConflictProblem('milestone-unknown', `Project ${project.code} has no milestone ${command.milestoneCode}`);
    const problems = milestoneInputProblems(milestone.kind, command);
    if (problems.length) throw badInput(...problems);
    const state = await participantState(manager, enrolment);
    const earlier = await milestoneRecordsOf(manager, enrolment.id);
    conflict(decideMilestone(state, milestone.code, earlier, command.reachedOn));

    const current = phaseInProgress(state.phases);
    const result = command.result ?? null;
    const record = manager.create(MilestoneRecord, {
      id: randomUUID(),
      tenantId: project.tenantId,
      projectId: project.id,
      enrolmentId: enrolment.id,
      milestoneCode: milestone.code,
      reachedOn: command.reachedOn,
      result,
      phaseCode: current?.phaseCode ?? null,
      placementId: command.placementId ?? null,
      recordedAt: new Date(),
    });
    await manager.insert(MilestoneRecord, record);
    await this.outbox.publish(manager, MilestoneReached, {
      ...participantOf(enrolment),
      milestoneCode: milestone.code,
      milestoneKind: milestone.kind,
      result,
      reachedOn: command.reachedOn,
      phaseCode: record.phaseCode,
      placementId: record.placementId,
    });
    await this.partnerFeed.milestoneReached(manager, enrolment, {
      milestoneCode: milestone.code,
      milestoneKind: milestone.kind,
      result,
      reachedOn: command.reachedOn,
      phaseCode: record.phaseCode,
    });

    const steps = (await phasesOf(manager, project.id)).map(toPhaseStep);
    const completed = phaseCompletedByMilestone(steps, current, milestone.code, result, command.reachedOn);
    if (completed) await this.complete(manager, enrolment, await phaseOfProject(manager, project.id, completed.phaseCode), command.reachedOn, 'milestone');
  }

  /** Starts a phase for the participant (in the caller's transaction, under the project's lock) and publishes PhaseStarted. */
  async start(manager: EntityManager, project: Project, enrolment: Enrolment, phaseCode: string, startedOn: string): Promise<void> {
    const phase = await phaseOfProject(manager, project.id, phaseCode);
    const steps = (await phasesOf(manager, project.id)).map(toPhaseStep);
    conflict(decidePhaseStart(await participantState(manager, enrolment), steps, phaseCode, startedOn));
    await manager.insert(EnrolmentPhase, {
      enrolmentId: enrolment.id,
      phaseCode,
      tenantId: project.tenantId,
      projectId: project.id,
      startedOn,
      completedOn: null,
      completedBy: null,
      interruptedOn: null,
    });
    await this.outbox.publish(manager, PhaseStarted, { ...participantOf(enrolment), phaseCode, position: phase.position, startedOn });
    await this.partnerFeed.phaseStarted(manager, enrolment, { phaseCode, position: phase.position, startedOn });
  }

  private async complete(manager: EntityManager, enrolment: Enrolment, phase: ProjectPhase, completedOn: string, completedBy: PhaseCompletion): Promise<void> {
    await manager.update(EnrolmentPhase, { enrolmentId: enrolment.id, phaseCode: phase.code }, { completedOn, completedBy });
    await this.outbox.publish(manager, PhaseCompleted, { ...participantOf(enrolment), phaseCode: phase.code, position: phase.position, completedOn, completedBy });
    await this.partnerFeed.phaseCompleted(manager, enrolment, { phaseCode: phase.code, position: phase.position, completedOn, completedBy });
  }

  /** Runs a command on the enrolment `find` locates, under its project's lock, and answers the enrolment as the request's user may see it. */
  private onEnrolment(
    find: (manager: EntityManager) => Promise<Enrolment>,
    work: (manager: EntityManager, project: Project, enrolment: Enrolment) => Promise<void>,
  ): Promise<EnrolmentView> {
    return this.unitOfWork.command(async (manager) => {
      const { id, projectId } = await find(manager);
      const project = await lockProject(manager, projectId);
      // Read again under the project's lock: another command on the participant may just have committed.
      const enrolment = await findEnrolment(manager, id);
      await work(manager, project, enrolment);
      return this.pseudonyms.presentOne(manager, await enrolmentView(manager, enrolment));
    });
  }
}

const byId = (enrolmentId: string) => (manager: EntityManager) => findEnrolment(manager, enrolmentId);

export const participantOf = (enrolment: Enrolment) => ({ projectId: enrolment.projectId, enrolmentId: enrolment.id, citizenId: enrolment.citizenId });
