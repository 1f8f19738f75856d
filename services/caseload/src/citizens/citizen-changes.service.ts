import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { CitizenExited, CitizenReentered } from '@fremskudt/contracts';
import { UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { CaseEvents } from '../case/case-events';
import { CasePeriod } from '../case/case-period.entity';
import { lockCitizen } from '../case/citizen-lock';
import { CaseAssignment } from '../staff/case-assignment.entity';
import { CasePeriodView, ExitCitizenDto, ReenterCitizenDto } from './citizen-exit.dto';
import { ChangeCitizenProfileDto } from './citizen-profile.dto';
import { profileChanges } from './citizen-profile';
import { Citizen } from './citizen.entity';
import { toCitizenView } from './citizens.service';
import { CitizenView } from './register-citizen.dto';

const POSITIVE_EXITS: ReadonlySet<string> = new Set(['job', 'education']);

/** Changes to a registered citizen: profile attributes, exit and re-entry. */
@Injectable()
export class CitizenChangesService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(CaseEvents) private readonly events: CaseEvents,
  ) {}

  /** One event per evented attribute that really changes; the interpreter need is state only. */
  changeProfile(citizenId: string, command: ChangeCitizenProfileDto): Promise<CitizenView> {
    return this.unitOfWork.command(async (manager) => {
      const citizen = await lockCitizen(manager, citizenId);
      const changes = profileChanges(citizen, command);
      const interpreterChanged = command.interpreterNeeded !== undefined && command.interpreterNeeded !== citizen.interpreterNeeded;
      if (changes.length === 0 && !interpreterChanged) return toCitizenView(citizen);

      const updated: Partial<Citizen> = Object.fromEntries(changes.map((change) => [change.attribute, change.to]));
      if (interpreterChanged) updated.interpreterNeeded = command.interpreterNeeded;
      await manager.update(Citizen, { id: citizenId }, updated);
      for (const change of changes) {
        await this.events.publish(
          manager,
          change.contract,
          { citizenId, from: change.from, to: change.to, effectiveDate: command.effectiveDate } as never,
          command.effectiveDate,
        );
      }
      return toCitizenView(Object.assign(citizen, updated));
    });
  }

  /** Closes the open case period and the current case responsibility (kept in the history). */
  exit(citizenId: string, command: ExitCitizenDto): Promise<CitizenView> {
    return this.unitOfWork.command(async (manager) => {
      const citizen = await lockCitizen(manager, citizenId);
      const period = await manager.findOneByOrFail(CasePeriod, { id: citizen.currentPeriodId });
      if (command.exitDate < period.openedOn) {
        throw new ConflictProblem('exit-before-period-start', `The case period began ${period.openedOn}; the exit cannot be before that`);
      }
      const assignment = await manager.findOneBy(CaseAssignment, { citizenId, toDate: IsNull() });
      if (assignment && command.exitDate < assignment.fromDate) {
        throw new ConflictProblem('exit-before-assignment', `The current case responsibility began ${assignment.fromDate}; the exit cannot be before that`);
      }

      await manager.update(CasePeriod, { id: period.id }, { closedOn: command.exitDate, exitReason: command.reason });
      if (assignment) await manager.update(CaseAssignment, { id: assignment.id }, { toDate: command.exitDate });
      await manager.update(Citizen, { id: citizenId }, { status: 'exited' });
      await this.events.publish(
        manager,
        CitizenExited,
        { citizenId, periodId: period.id, reason: command.reason, exitDate: command.exitDate, positive: POSITIVE_EXITS.has(command.reason) },
        command.exitDate,
      );
      return toCitizenView(Object.assign(citizen, { status: 'exited' as const }));
    });
  }

  /** Opens a new case period for an exited citizen; the old periods stay as they were. */
  reenter(citizenId: string, command: ReenterCitizenDto): Promise<CitizenView> {
    return this.unitOfWork.command(async (manager) => {
      const citizen = await lockCitizen(manager, citizenId, { allowExited: true });
      if (citizen.status === 'active') throw new ConflictProblem('citizen-active', `Citizen ${citizenId} is active; only an exited citizen can re-enter`);
      const previous = await manager.findOneByOrFail(CasePeriod, { id: citizen.currentPeriodId });
      if (previous.closedOn && command.reentryDate < previous.closedOn) {
        throw new ConflictProblem('reentry-before-exit', `The citizen exited ${previous.closedOn}; the re-entry cannot be before that`);
      }

      const periodId = randomUUID();
      await manager.insert(CasePeriod, { id: periodId, tenantId: citizen.tenantId, citizenId, openedOn: command.reentryDate });
      const updated = {
        status: 'active' as const,
        currentPeriodId: periodId,
        areaCode: command.areaCode,
        benefitType: command.benefitType,
        readiness: command.readiness,
      };
      await manager.update(Citizen, { id: citizenId }, updated);
      await this.events.publish(
        manager,
        CitizenReentered,
        {
          citizenId,
          periodId,
          previousPeriodId: previous.id,
          reentryDate: command.reentryDate,
          areaCode: command.areaCode,
          benefitType: command.benefitType,
          readiness: command.readiness,
        },
        command.reentryDate,
      );
      return toCitizenView(Object.assign(citizen, updated));
    });
  }

  /** Every case period of the citizen, oldest first. */
  periods(citizenId: string): Promise<CasePeriodView[]> {
    return this.unitOfWork.run(async (manager) => {
      const citizen = await manager.findOneBy(Citizen, { id: citizenId });
      if (!citizen) throw new NotFoundProblem(`Citizen ${citizenId} not found`);
      const periods = await manager.find(CasePeriod, { where: { citizenId }, order: { openedOn: 'ASC' } });
      // Opened on the same day as an earlier one closed: the open or later-closed one goes last.
      periods.sort((a, b) => a.openedOn.localeCompare(b.openedOn) || (a.closedOn ?? '9999').localeCompare(b.closedOn ?? '9999'));
      return periods.map((period) => ({
        id: period.id,
        openedOn: period.openedOn,
        closedOn: period.closedOn,
        exitReason: period.exitReason,
        current: period.id === citizen.currentPeriodId,
      }));
    });
  }
}
