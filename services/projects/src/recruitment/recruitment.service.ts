import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, FindOptionsWhere } from 'typeorm';
import { CompanyVisitHeld, InformationMeetingHeld } from '@fremskudt/contracts';
import { OutboxWriter } from '@fremskudt/messaging';
import { UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { PartnerPseudonyms } from '../partner-access';
import { findProject, lockProject } from '../projects/project-store';
import { Project } from '../projects/project.entities';
import { badInput } from '../shared/validation';
import {
  ApplicationsQuery,
  ApplicationView,
  ApplyDto,
  CompanyVisitView,
  DecideApplicationDto,
  HoldCompanyVisitDto,
  HoldInformationMeetingDto,
  InformationMeetingView,
} from './recruitment.dto';
import { Application, CompanyVisit, InformationMeeting } from './recruitment.entities';

const toMeetingView = (meeting: InformationMeeting): InformationMeetingView => ({
  id: meeting.id,
  projectId: meeting.projectId,
  areaCode: meeting.areaCode,
  heldOn: meeting.heldOn,
  attendees: meeting.attendees,
  interested: meeting.interested,
});

const toVisitView = (visit: CompanyVisit): CompanyVisitView => ({
  id: visit.id,
  projectId: visit.projectId,
  kind: visit.kind,
  heldOn: visit.heldOn,
  companyIds: visit.companyIds,
  participants: visit.participants,
});

const toApplicationView = (application: Application): ApplicationView => ({
  id: application.id,
  projectId: application.projectId,
  citizenId: application.citizenId,
  appliedOn: application.appliedOn,
  meetingId: application.meetingId,
  status: application.status,
  decidedOn: application.decidedOn,
});

/** Recruitment happens inside the project's period (which begins with it). */
function assertInPeriod(project: Project, date: string): void {
  if (date < project.startDate) throw new ConflictProblem('before-project-start', `${date} is before the project starts on ${project.startDate}`);
  if (project.endDate !== null && date > project.endDate) throw new ConflictProblem('after-project-end', `${date} is after the project ended on ${project.endDate}`);
}

/**
 * Recruitment: information meetings in the project's areas (InformationMeetingHeld), company visits
 * and bus tours (CompanyVisitHeld), and applications with the selection (kept here; enrolment is
 * the fact other services hear about).
 */
@Injectable()
export class RecruitmentService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(PartnerPseudonyms) private readonly pseudonyms: PartnerPseudonyms,
  ) {}

  holdInformationMeeting(projectId: string, command: HoldInformationMeetingDto): Promise<InformationMeetingView> {
    if (command.interested > command.attendees) throw badInput({ field: 'interested', code: 'moreThanAttendees', message: 'must not be more than attendees' });
    return this.unitOfWork.command(async (manager) => {
      const project = await lockProject(manager, projectId);
      if (project.areaCodes.length && !project.areaCodes.includes(command.areaCode)) {
        throw new ConflictProblem('area-not-in-project', `Project ${project.code} recruits in ${project.areaCodes.join(', ')}, not ${command.areaCode}`);
      }
      assertInPeriod(project, command.heldOn);
      const meeting = manager.create(InformationMeeting, { id: randomUUID(), tenantId: project.tenantId, projectId, ...command, createdAt: new Date() });
      await manager.insert(InformationMeeting, meeting);
      await this.outbox.publish(manager, InformationMeetingHeld, {
        projectId,
        meetingId: meeting.id,
        areaCode: meeting.areaCode,
        heldOn: meeting.heldOn,
        attendees: meeting.attendees,
        interested: meeting.interested,
      });
      return toMeetingView(meeting);
    });
  }

  informationMeetings(projectId: string): Promise<InformationMeetingView[]> {
    return this.unitOfWork.run(async (manager) => {
      await findProject(manager, projectId);
      return (await manager.find(InformationMeeting, { where: { projectId }, order: { heldOn: 'ASC', createdAt: 'ASC' } })).map(toMeetingView);
    });
  }

  holdCompanyVisit(projectId: string, command: HoldCompanyVisitDto): Promise<CompanyVisitView> {
    return this.unitOfWork.command(async (manager) => {
      const project = await lockProject(manager, projectId);
      assertInPeriod(project, command.heldOn);
      const visit = manager.create(CompanyVisit, {
        id: randomUUID(),
        tenantId: project.tenantId,
        projectId,
        kind: command.kind,
        heldOn: command.heldOn,
        companyIds: command.companyIds ?? [],
        participants: command.participants,
        createdAt: new Date(),
      });
      await manager.insert(CompanyVisit, visit);
      await this.outbox.publish(manager, CompanyVisitHeld, {
        projectId,
        visitId: visit.id,
        kind: visit.kind,
        heldOn: visit.heldOn,
        companyIds: visit.companyIds,
        participants: visit.participants,
      });
      return toVisitView(visit);
    });
  }

  companyVisits(projectId: string): Promise<CompanyVisitView[]> {
    return this.unitOfWork.run(async (manager) => {
      await findProject(manager, projectId);
      return (await manager.find(CompanyVisit, { where: { projectId }, order: { heldOn: 'ASC', createdAt: 'ASC' } })).map(toVisitView);
    });
  }

  /** The citizen as the request names them: a partner user by its pseudonym, which must be one it was given (else 409 citizen-unknown). */
  apply(projectId: string, command: ApplyDto): Promise<ApplicationView> {
    return this.unitOfWork.command(async (manager) => {
      const project = await lockProject(manager, projectId);
      assertInPeriod(project, command.appliedOn);
      if (command.meetingId && !(await manager.existsBy(InformationMeeting, { id: command.meetingId, projectId }))) {
        throw new ConflictProblem('meeting-unknown', `Project ${project.code} has no information meeting ${command.meetingId}`);
      }
      const citizenId = await this.pseudonyms.citizenNamed(manager, command.citizenId);
      if (!citizenId) throw new ConflictProblem('citizen-unknown', `${command.citizenId} is no pseudonym your organisation was given`);
      if (await manager.existsBy(Application, { projectId, citizenId })) {
        throw new ConflictProblem('already-applied', `The citizen has already applied to project ${project.code}`);
      }
      const application = manager.create(Application, {
        id: randomUUID(),
        tenantId: project.tenantId,
        projectId,
        citizenId,
        appliedOn: command.appliedOn,
        meetingId: command.meetingId ?? null,
        status: 'applied',
        decidedOn: null,
        createdAt: new Date(),
      });
      await manager.insert(Application, application);
      return this.pseudonyms.presentOne(manager, toApplicationView(application));
    });
  }

  decide(applicationId: string, command: DecideApplicationDto): Promise<ApplicationView> {
    return this.unitOfWork.command(async (manager) => {
      const application = await this.lockApplication(manager, applicationId);
      if (application.status !== 'applied') throw new ConflictProblem('application-decided', `The application was already ${application.status} on ${application.decidedOn}`);
      if (command.decidedOn < application.appliedOn) {
        throw new ConflictProblem('date-before-application', `${command.decidedOn} is before the application on ${application.appliedOn}`);
      }
      const decided = { status: command.decision, decidedOn: command.decidedOn };
      await manager.update(Application, { id: applicationId }, decided);
      return this.pseudonyms.presentOne(manager, toApplicationView(Object.assign(application, decided)));
    });
  }

  applications(projectId: string, query: ApplicationsQuery): Promise<ApplicationView[]> {
    return this.unitOfWork.run(async (manager) => {
      await findProject(manager, projectId);
      const where: FindOptionsWhere<Application> = { projectId };
      if (query.status) where.status = query.status;
      return this.pseudonyms.present(manager, (await manager.find(Application, { where, order: { appliedOn: 'ASC', createdAt: 'ASC' } })).map(toApplicationView));
    });
  }

  private async lockApplication(manager: EntityManager, applicationId: string): Promise<Application> {
    const found = await manager.findOneBy(Application, { id: applicationId });
    if (!found) throw new NotFoundProblem(`Application ${applicationId} not found`);
    await lockProject(manager, found.projectId);
    return (await manager.findOneBy(Application, { id: applicationId }))!;
  }
}
