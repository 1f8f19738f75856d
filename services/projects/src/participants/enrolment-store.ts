import { HttpStatus } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { ConflictProblem, NotFoundProblem, ProblemException } from '@fremskudt/service-kit';
import { isProjectInScope } from '../partner-access/partner-scope';
import { milestonesOf, phasesOf } from '../projects/project-store';
import { ProjectMilestone, ProjectPhase } from '../projects/project.entities';
import { Refusal } from './eligibility';
import { EnrolmentView } from './enrolments.dto';
import { Enrolment, EnrolmentPhase, MilestoneRecord } from './participant.entities';
import { ParticipantState, phaseInProgress, PhaseStep, Refusal as ProgressRefusal } from './progress';

/** Reading enrolments and their progress inside a transaction; shared by the enrolment, progress and query code. */

export async function activeParticipants(manager: EntityManager, projectId: string): Promise<number> {
  return manager.countBy(Enrolment, { projectId, status: 'active' });
}

/** The enrolment; 404 for unknown ids, other tenants' and, for a partner user, those of projects its organisation is not in. */
export async function findEnrolment(manager: EntityManager, enrolmentId: string): Promise<Enrolment> {
  const enrolment = await manager.findOneBy(Enrolment, { id: enrolmentId });
  if (!enrolment || !(await isProjectInScope(manager, enrolment.projectId))) throw new NotFoundProblem(`Enrolment ${enrolmentId} not found`);
  return enrolment;
}

/**
 * A participant of the project, by citizen: the enrolment they are active in, else their latest
 * (a participant may have left and come back). 404 for a citizen who never took part, and for
 * null (a citizen the request named but nobody knows).
 */
export async function participantEnrolment(manager: EntityManager, project: { id: string; code: string }, citizenId: string | null): Promise<Enrolment> {
  const enrolments = citizenId ? await manager.find(Enrolment, { where: { projectId: project.id, citizenId }, order: { enrolledOn: 'DESC', createdAt: 'DESC' } }) : [];
  const enrolment = enrolments.find((candidate) => candidate.status === 'active') ?? enrolments[0];
  if (!enrolment) throw new NotFoundProblem(`Project ${project.code} has no such participant`);
  return enrolment;
}

export async function replacementOf(manager: EntityManager, enrolmentId: string): Promise<string | null> {
  const replacement = await manager.findOne(Enrolment, { where: { replacesEnrolmentId: enrolmentId }, select: { id: true } });
  return replacement?.id ?? null;
}

export async function phaseProgressOf(manager: EntityManager, enrolmentId: string): Promise<EnrolmentPhase[]> {
  return manager.find(EnrolmentPhase, { where: { enrolmentId }, order: { startedOn: 'ASC' } });
}

export async function milestoneRecordsOf(manager: EntityManager, enrolmentId: string): Promise<MilestoneRecord[]> {
  return manager.find(MilestoneRecord, { where: { enrolmentId }, order: { reachedOn: 'ASC', recordedAt: 'ASC' } });
}

export const toPhaseStep = (phase: ProjectPhase): PhaseStep => ({
  code: phase.code,
  position: phase.position,
  completedBy: phase.completedBy,
  completionMilestoneCode: phase.completionMilestoneCode,
});

export async function participantState(manager: EntityManager, enrolment: Enrolment): Promise<ParticipantState> {
  return {
    status: enrolment.status,
    enrolledOn: enrolment.enrolledOn,
    leftOn: enrolment.leftOn,
    phases: (await phaseProgressOf(manager, enrolment.id)).map((phase) => ({
      phaseCode: phase.phaseCode,
      startedOn: phase.startedOn,
      completedOn: phase.completedOn,
      interruptedOn: phase.interruptedOn,
    })),
  };
}

/** The project's phase of that code: 404 when the project has none (the code is part of the path). */
export async function phaseOfProject(manager: EntityManager, projectId: string, phaseCode: string): Promise<ProjectPhase> {
  const phase = await manager.findOneBy(ProjectPhase, { projectId, code: phaseCode });
  if (!phase) throw new NotFoundProblem(`The project has no phase ${phaseCode}`);
  return phase;
}

export const conflict = (refusal: ProgressRefusal | null): void => {
  if (refusal) throw new ConflictProblem(refusal.code, refusal.detail);
};

/** 409 enrolment-refused with every reason (the failed criteria, the full capacity, the period), nothing written. */
export function enrolmentRefused(refusals: Refusal[]): ProblemException {
  return new ProblemException(
    HttpStatus.CONFLICT,
    'enrolment-refused',
    `The citizen can't be enrolled: ${refusals.map((refusal) => `${refusal.field} (${refusal.code})`).join(', ')}`,
    refusals,
  );
}

/** The views of enrolments of one project, with their progress, loaded in a few queries. */
export async function enrolmentViews(manager: EntityManager, projectId: string, enrolments: Enrolment[]): Promise<EnrolmentView[]> {
  if (enrolments.length === 0) return [];
  const ids = enrolments.map((enrolment) => enrolment.id);
  const positions = new Map((await phasesOf(manager, projectId)).map((phase) => [phase.code, phase.position]));
  const kinds = new Map((await milestonesOf(manager, projectId)).map((milestone: ProjectMilestone) => [milestone.code, milestone.kind]));
  const phases = await manager.find(EnrolmentPhase, { where: { enrolmentId: In(ids) }, order: { startedOn: 'ASC' } });
  const records = await manager.find(MilestoneRecord, { where: { enrolmentId: In(ids) }, order: { reachedOn: 'ASC', recordedAt: 'ASC' } });
  const replacements = await manager.find(Enrolment, { where: { replacesEnrolmentId: In(ids) }, select: { id: true, replacesEnrolmentId: true } });
  const replacedBy = new Map(replacements.map((replacement) => [replacement.replacesEnrolmentId!, replacement.id]));
  return enrolments.map((enrolment) => {
    const own = phases.filter((phase) => phase.enrolmentId === enrolment.id);
    return {
      id: enrolment.id,
      projectId: enrolment.projectId,
      citizenId: enrolment.citizenId,
      enrolledOn: enrolment.enrolledOn,
      areaCode: enrolment.areaCode,
      applicationId: enrolment.applicationId,
      status: enrolment.status,
      leftOn: enrolment.leftOn,
      leaveReason: enrolment.leaveReason,
      leavePlacementId: enrolment.leavePlacementId,
      replacesEnrolmentId: enrolment.replacesEnrolmentId,
      replacedByEnrolmentId: replacedBy.get(enrolment.id) ?? null,
      currentPhaseCode: phaseInProgress(own)?.phaseCode ?? null,
      phases: own
        .map((phase) => ({
          phaseCode: phase.phaseCode,
          position: positions.get(phase.phaseCode) ?? 0,
          startedOn: phase.startedOn,
          completedOn: phase.completedOn,
          completedBy: phase.completedBy,
          interruptedOn: phase.interruptedOn,
        }))
        .sort((a, b) => a.position - b.position),
      milestones: records
        .filter((record) => record.enrolmentId === enrolment.id)
        .map((record) => ({
          id: record.id,
          milestoneCode: record.milestoneCode,
          kind: kinds.get(record.milestoneCode) ?? 'other',
          reachedOn: record.reachedOn,
          result: record.result,
          phaseCode: record.phaseCode,
          placementId: record.placementId,
        })),
    };
  });
}

export async function enrolmentView(manager: EntityManager, enrolment: Enrolment): Promise<EnrolmentView> {
  const [view] = await enrolmentViews(manager, enrolment.projectId, [enrolment]);
  return view;
}
