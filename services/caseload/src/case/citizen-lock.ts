import { EntityManager } from 'typeorm';
import { ConflictProblem, NotFoundProblem } from '@fremskudt/service-kit';
import { Citizen } from '../citizens/citizen.entity';

/**
 * Loads a citizen for a command and locks the row until the transaction ends, so commands on
 * one citizen run one at a time and their events reach the outbox in the order they happened.
 * Unknown ids and other tenants' citizens (invisible under row-level security) are 404.
 */
export async function lockCitizen(manager: EntityManager, citizenId: string, options: { allowExited?: boolean } = {}): Promise<Citizen> {
  const citizen = await manager.findOne(Citizen, { where: { id: citizenId }, lock: { mode: 'pessimistic_write' } });
  if (!citizen) throw new NotFoundProblem(`Citizen ${citizenId} not found`);
  if (citizen.status === 'exited' && !options.allowExited) {
    throw new ConflictProblem('citizen-exited', `Citizen ${citizenId} has exited; register a re-entry first`);
  }
  return citizen;
}
