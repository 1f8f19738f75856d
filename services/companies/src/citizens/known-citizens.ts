import { EntityManager, In } from 'typeorm';
import { ConflictProblem } from '@fremskudt/service-kit';
import { KnownCitizen } from './known-citizen.entity';

/**
 * The citizen a command is about, from the read model, locked until the transaction ends so that
 * commands about one citizen (placements, job wishes) run one at a time. 409 citizen-unknown when
 * this tenant's outreach team has no such citizen (or caseload's event has not arrived yet).
 */
export async function lockKnownCitizen(manager: EntityManager, citizenId: string): Promise<KnownCitizen> {
  const citizen = await manager.findOne(KnownCitizen, { where: { citizenId }, lock: { mode: 'pessimistic_write' } });
  if (!citizen) throw citizenUnknown(citizenId);
  return citizen;
}

/** Like lockKnownCitizen, and 409 citizen-exited when the citizen's case is closed. */
export async function lockActiveCitizen(manager: EntityManager, citizenId: string): Promise<KnownCitizen> {
  const citizen = await lockKnownCitizen(manager, citizenId);
  if (!citizen.active) throw new ConflictProblem('citizen-exited', `Citizen ${citizenId} has left the outreach team (exited)`);
  return citizen;
}

/** 409 citizen-unknown naming the first of the ids this tenant does not know. */
export async function assertCitizensKnown(manager: EntityManager, citizenIds: readonly string[]): Promise<void> {
  if (!citizenIds.length) return;
  const known = new Set((await manager.find(KnownCitizen, { where: { citizenId: In([...citizenIds]) }, select: { citizenId: true } })).map((c) => c.citizenId));
  const unknown = citizenIds.find((id) => !known.has(id));
  if (unknown) throw citizenUnknown(unknown);
}

const citizenUnknown = (citizenId: string) =>
  new ConflictProblem('citizen-unknown', `Citizen ${citizenId} is not a citizen of this tenant's outreach team (not registered in caseload, or not yet known here)`);
