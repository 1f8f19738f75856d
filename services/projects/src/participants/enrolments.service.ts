import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, FindOptionsWhere } from 'typeorm';
import { ParticipantEnrolled, ParticipantLeft, ParticipantReplaced } from '@fremskudt/contracts';
import { OutboxWriter } from '@fremskudt/messaging';
import { UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem } from '@fremskudt/service-kit';
import { PartnerFeed, PartnerPseudonyms } from '../partner-access';
import { findProject, lockProject, uncheckedCriteria } from '../projects/project-store';
import { Project } from '../projects/project.entities';
import { copenhagenToday } from '../shared/dates';
import { eligibilityRefusals, intakeRefusals, Refusal } from './eligibility';
import {
  activeParticipants,
  conflict,
  enrolmentRefused,
  enrolmentView,
  enrolmentViews,
  findEnrolment,
  participantEnrolment,
  participantState,
  replacementOf,
} from './enrolment-store';
import { EligibilityCheckView, EnrolDto, EnrolmentsQuery, EnrolmentView, LeaveDto, ReplaceParticipantDto } from './enrolments.dto';
import { CaseloadCitizen, Enrolment, EnrolmentPhase } from './participant.entities';
import { decideLeave, decideReplacement, phaseInProgress } from './progress';
import { participantOf, ProgressService } from './progress.service';

/**
 * Why a citizen can't take a place in the project on a date: the criteria they fail and the
 * project's own limits. A null citizen is one the request named but nobody knows (citizenUnknown).
 */
export async function refusalsFor(manager: EntityManager, project: Project, citizenId: string | null, on: string): Promise<Refusal[]> {
  const citizen = citizenId ? await manager.findOneBy(CaseloadCitizen, { citizenId }) : null;
  return [...eligibilityRefusals(project.eligibility, citizen, on), ...intakeRefusals(project, await activeParticipants(manager, project.id), on)];
}

/**
 * Enrolment: a citizen takes a place in a project when caseload's facts about them meet the
 * project's criteria on the enrolment date and a place is free. The project's row is locked for
 * the check and the insert, so two enrolments can't both take the last place. A refusal is a 409
 * with every reason, and writes nothing (no enrolment, no event, no idempotency record).
 */
@Injectable()
export class EnrolmentsService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(ProgressService) private readonly progress: ProgressService,
    @Inject(PartnerPseudonyms) private readonly pseudonyms: PartnerPseudonyms,
    @Inject(PartnerFeed) private readonly partnerFeed: PartnerFeed,
  ) {}

  /** Enrols the citizen the request names (a partner user by its pseudonym of them). */
  enrol(projectId: string, command: EnrolDto): Promise<EnrolmentView> {
    return this.unitOfWork.command(async (manager) => {
      const project = await lockProject(manager, projectId);
      const citizenId = await this.pseudonyms.citizenNamed(manager, command.citizenId);
      const enrolment = await this.admit(manager, project, citizenId, command.enrolledOn, null);
      if (command.phaseCode) await this.progress.start(manager, project, enrolment, command.phaseCode, command.enrolledOn);
      return this.pseudonyms.presentOne(manager, await enrolmentView(manager, enrolment));
    });
  }

  /** The participant leaves with a reason; the phase in progress ends uncompleted (interrupted). Publishes ParticipantLeft. */
  leave(enrolmentId: string, command: LeaveDto): Promise<EnrolmentView> {
    return this.unitOfWork.command(async (manager) => {
      const enrolment = await this.lockEnrolment(manager, enrolmentId);
      const state = await participantState(manager, enrolment);
      conflict(decideLeave(state, command.leftOn));
      const current = phaseInProgress(state.phases);
      if (current) await manager.update(EnrolmentPhase, { enrolmentId, phaseCode: current.phaseCode }, { interruptedOn: command.leftOn });
      const left = { status: 'left' as const, leftOn: command.leftOn, leaveReason: command.reason, leavePlacementId: command.placementId ?? null };
      await manager.update(Enrolment, { id: enrolmentId }, left);
      Object.assign(enrolment, left);
      await this.outbox.publish(manager, ParticipantLeft, {
        ...participantOf(enrolment),
        leftOn: command.leftOn,
        reason: command.reason,
        phaseCode: current?.phaseCode ?? null,
        placementId: enrolment.leavePlacementId,
      });
      await this.partnerFeed.left(manager, enrolment, { leftOn: command.leftOn, reason: command.reason, phaseCode: current?.phaseCode ?? null });
      return this.pseudonyms.presentOne(manager, await enrolmentView(manager, enrolment));
    });
  }

  /**
   * A new participant takes the place of one who left: enrolled like anyone (eligibility and
   * capacity checked), linked to the leaver, and started in the phase the leaver was in unless
   * another is given. Publishes ParticipantEnrolled, ParticipantReplaced and PhaseStarted.
   */
  replace(enrolmentId: string, command: ReplaceParticipantDto): Promise<EnrolmentView> {
    return this.unitOfWork.command(async (manager) => {
      const leaver = await this.lockEnrolment(manager, enrolmentId);
      const project = await lockProject(manager, leaver.projectId);
      const state = await participantState(manager, leaver);
      conflict(decideReplacement(state, await replacementOf(manager, enrolmentId), command.enrolledOn));
      const replacement = await this.admit(manager, project, await this.pseudonyms.citizenNamed(manager, command.citizenId), command.enrolledOn, leaver);
      await this.outbox.publish(manager, ParticipantReplaced, {
        projectId: project.id,
        leftEnrolmentId: leaver.id,
        leftCitizenId: leaver.citizenId,
        replacementEnrolmentId: replacement.id,
        replacementCitizenId: replacement.citizenId,
        replacedOn: command.enrolledOn,
      });
      const interrupted = state.phases.find((phase) => phase.interruptedOn !== null)?.phaseCode;
      const phaseCode = command.phaseCode ?? interrupted;
      if (phaseCode) await this.progress.start(manager, project, replacement, phaseCode, command.enrolledOn);
      return this.pseudonyms.presentOne(manager, await enrolmentView(manager, replacement));
    });
  }

  /** The citizen as the request names them (a partner user: by its pseudonym, which the answer repeats). */
  checkEligibility(projectId: string, citizen: string, on = copenhagenToday()): Promise<EligibilityCheckView> {
    return this.unitOfWork.run(async (manager) => {
      const project = await findProject(manager, projectId);
      const refusals = await refusalsFor(manager, project, await this.pseudonyms.citizenNamed(manager, citizen), on);
      return {
        projectId,
        citizenId: citizen,
        on,
        eligible: refusals.length === 0,
        refusals,
        notChecked: uncheckedCriteria(project.eligibility),
        placesTaken: await activeParticipants(manager, projectId),
        capacity: project.capacity,
      };
    });
  }

  list(projectId: string, query: EnrolmentsQuery): Promise<EnrolmentView[]> {
    return this.unitOfWork.run(async (manager) => {
      await findProject(manager, projectId);
      const where: FindOptionsWhere<Enrolment> = { projectId };
      if (query.status) where.status = query.status;
      const enrolments = await manager.find(Enrolment, { where, order: { enrolledOn: 'ASC', createdAt: 'ASC' } });
      return this.pseudonyms.present(manager, await enrolmentViews(manager, projectId, enrolments));
    });
  }

  get(enrolmentId: string): Promise<EnrolmentView> {
    return this.unitOfWork.run(async (manager) => this.pseudonyms.presentOne(manager, await enrolmentView(manager, await findEnrolment(manager, enrolmentId))));
  }

  /** A participant of the project as the request names them (a partner user: by its pseudonym): their current or latest enrolment. */
  participant(projectId: string, participant: string): Promise<EnrolmentView> {
    return this.unitOfWork.run(async (manager) => {
      const enrolment = await participantEnrolment(manager, await findProject(manager, projectId), await this.pseudonyms.citizenNamed(manager, participant));
      return this.pseudonyms.presentOne(manager, await enrolmentView(manager, enrolment));
    });
  }

  /** The enrolment, read under its project's lock (404 for unknown ids and other municipalities'). */
  private async lockEnrolment(manager: EntityManager, enrolmentId: string): Promise<Enrolment> {
    const { projectId } = await findEnrolment(manager, enrolmentId);
    await lockProject(manager, projectId);
    return findEnrolment(manager, enrolmentId);
  }

  /**
   * Takes the citizen into the project (under the project's lock, held by the caller), in the place
   * of `replaces` if given, and publishes ParticipantEnrolled (and the partners' events); 409
   * already-enrolled or enrolment-refused before anything is written. A null citizen is one the
   * request named but nobody knows. The refusals name no citizen id: a partner user reads them too.
   */
  async admit(manager: EntityManager, project: Project, citizenId: string | null, enrolledOn: string, replaces: Enrolment | null): Promise<Enrolment> {
    if (citizenId && (await manager.existsBy(Enrolment, { projectId: project.id, citizenId, status: 'active' }))) {
      throw new ConflictProblem('already-enrolled', `The citizen already takes part in project ${project.code}`);
    }
    const refusals = await refusalsFor(manager, project, citizenId, enrolledOn);
    if (refusals.length || !citizenId) throw enrolmentRefused(refusals);
    const replacesEnrolmentId = replaces?.id ?? null;
    const citizen = (await manager.findOneBy(CaseloadCitizen, { citizenId }))!;
    // The citizen's application to the project, if they applied, is linked (recruitment's figures follow it to enrolment).
    const [application]: Array<{ id: string }> = await manager.query(`SELECT id FROM application WHERE project_id = $1 AND citizen_id = $2`, [project.id, citizenId]);
    const enrolment = manager.create(Enrolment, {
      id: randomUUID(),
      tenantId: project.tenantId,
      projectId: project.id,
      citizenId,
      enrolledOn,
      areaCode: citizen.areaCode,
      applicationId: application?.id ?? null,
      status: 'active',
      leftOn: null,
      leaveReason: null,
      leavePlacementId: null,
      replacesEnrolmentId,
      createdAt: new Date(),
    });
    await manager.insert(Enrolment, enrolment);
    await this.outbox.publish(manager, ParticipantEnrolled, {
      projectId: project.id,
      enrolmentId: enrolment.id,
      citizenId,
      enrolledOn,
      areaCode: enrolment.areaCode,
      replacesEnrolmentId,
    });
    await this.partnerFeed.enrolled(manager, enrolment, { enrolledOn, replaces });
    return enrolment;
  }
}
