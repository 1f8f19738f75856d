import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { CitizenAssigned, CitizenTransferred } from '@fremskudt/contracts';
import { UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { copenhagenToday } from '../case/calendar';
import { CaseEvents } from '../case/case-events';
import { lockCitizen } from '../case/citizen-lock';
import { Citizen } from '../citizens/citizen.entity';
import { CaseAssignment } from './case-assignment.entity';
import { capacityDecision } from './caseload-capacity';
import { AssignConsultantDto, CaseAssignmentView } from './case-responsibility.dto';
import { StaffMember } from './staff-member.entity';
import { currentCaseloadCount } from './staff.service';

const toAssignmentView = (assignment: CaseAssignment, consultantName: string): CaseAssignmentView => ({
  id: assignment.id,
  citizenId: assignment.citizenId,
  consultantId: assignment.consultantId,
  consultantName,
  teamCode: assignment.teamCode,
  fromDate: assignment.fromDate,
  toDate: assignment.toDate,
  overCapacity: assignment.overCapacity,
  reason: assignment.reason,
});

/** Case responsibility: which job consultant holds a citizen's case, with the full history. */
@Injectable()
export class CaseResponsibilityService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(CaseEvents) private readonly events: CaseEvents,
  ) {}

  /**
   * Gives a job consultant responsibility for a citizen: CitizenAssigned when nobody had it,
   * CitizenTransferred (closing the previous assignment on the effective date) otherwise.
   * A full caseload is refused unless forced; the DTO already demands a reason with force.
   */
  assign(citizenId: string, command: AssignConsultantDto): Promise<CaseAssignmentView> {
    return this.unitOfWork.command(async (manager) => {
      await lockCitizen(manager, citizenId);
      const effectiveDate = command.effectiveDate ?? copenhagenToday();
      // Locking the consultant serialises concurrent assignments to them, so the capacity check holds.
      const consultant = await manager.findOne(StaffMember, { where: { id: command.consultantId }, lock: { mode: 'pessimistic_write' } });
      // 409, not 404: the citizen in the path exists; the consultant in the body is what is wrong.
      if (!consultant) throw new ConflictProblem('consultant-unknown', `No staff member ${command.consultantId} in this municipality`);
      const current = await manager.findOneBy(CaseAssignment, { citizenId, toDate: IsNull() });
      if (current?.consultantId === consultant.id) {
        throw new ConflictProblem('already-assigned', `Consultant ${consultant.id} already holds this citizen's case`);
      }
      if (!consultant.active || consultant.role !== 'job-consultant') {
        throw new ConflictProblem('not-a-consultant', `Staff member ${consultant.id} is not an active job consultant`);
      }
      if (current && effectiveDate < current.fromDate) {
        throw new ConflictProblem(
          'effective-before-current-assignment',
          `The current responsibility began ${current.fromDate}; a transfer cannot take effect before that`,
        );
      }
      const decision = capacityDecision(await currentCaseloadCount(manager, consultant.id), consultant.caseloadCapacity, command.force === true);
      if (decision === 'full') {
        throw new ConflictProblem('caseload-full', `The caseload of ${consultant.id} is full (capacity ${consultant.caseloadCapacity}); force with a reason to go over it`);
      }

      const assignment = manager.create(CaseAssignment, {
        id: randomUUID(),
        tenantId: consultant.tenantId,
        citizenId,
        consultantId: consultant.id,
        teamCode: consultant.teamCode,
        fromDate: effectiveDate,
        toDate: null,
        overCapacity: decision === 'forced-over',
        reason: command.reason?.trim() ?? null,
        assignedAt: new Date(),
      });
      const assignmentFacts = { citizenId, consultantId: consultant.id, teamCode: consultant.teamCode, effectiveDate, overCapacity: assignment.overCapacity };
      if (current) {
        await manager.update(CaseAssignment, { id: current.id }, { toDate: effectiveDate });
        const previous = await manager.findOneByOrFail(StaffMember, { id: current.consultantId });
        await manager.insert(CaseAssignment, assignment);
        // The team the case leaves is the previous consultant's team now (they may have moved team since).
        await this.events.publish(
          manager,
          CitizenTransferred,
          { ...assignmentFacts, previousConsultantId: previous.id, previousTeamCode: previous.teamCode },
          effectiveDate,
        );
      } else {
        await manager.insert(CaseAssignment, assignment);
        await this.events.publish(manager, CitizenAssigned, assignmentFacts, effectiveDate);
      }
      return toAssignmentView(assignment, consultant.name);
    });
  }

  /** Every assignment the citizen has had, oldest first; the current one has no toDate. */
  history(citizenId: string): Promise<CaseAssignmentView[]> {
    return this.unitOfWork.run(async (manager) => {
      if (!(await manager.existsBy(Citizen, { id: citizenId }))) throw new NotFoundProblem(`Citizen ${citizenId} not found`);
      const rows = await manager
        .createQueryBuilder(CaseAssignment, 'a')
        .innerJoin(StaffMember, 's', 's.id = a.consultant_id')
        .addSelect('s.name', 'consultant_name')
        .where('a.citizen_id = :citizenId', { citizenId })
        .orderBy('a.from_date', 'ASC')
        .addOrderBy('a.assigned_at', 'ASC')
        .getRawAndEntities();
      return rows.entities.map((assignment, index) => toAssignmentView(assignment, (rows.raw[index] as { consultant_name: string }).consultant_name));
    });
  }
}
