import {
  CitizenAreaChanged,
  CitizenBenefitTypeChanged,
  CitizenMatchGroupChanged,
  CitizenReadinessChanged,
  CitizenStepChanged,
  EventContract,
} from '@fremskudt/contracts';
import type { Citizen } from './citizen.entity';

export type CitizenProfile = Pick<Citizen, 'areaCode' | 'benefitType' | 'readiness' | 'matchGroup' | 'step' | 'interpreterNeeded'>;
type EventedAttribute = 'areaCode' | 'benefitType' | 'readiness' | 'matchGroup' | 'step';

/** The attributes whose changes are events, with their contracts, in the order events are published. */
const EVENTED: ReadonlyArray<readonly [EventedAttribute, EventContract]> = [
  ['areaCode', CitizenAreaChanged],
  ['benefitType', CitizenBenefitTypeChanged],
  ['readiness', CitizenReadinessChanged],
  ['matchGroup', CitizenMatchGroupChanged],
  ['step', CitizenStepChanged],
];

export interface ProfileChange {
  attribute: EventedAttribute;
  contract: EventContract;
  from: string | number | null;
  to: string | number;
}

/**
 * The evented attributes a change request actually changes (given and different from now), with
 * from/to. Attributes left out or equal are no change; interpreterNeeded is state only, no event.
 */
export function profileChanges(current: CitizenProfile, requested: Partial<CitizenProfile>): ProfileChange[] {
  return EVENTED.flatMap(([attribute, contract]) => {
    const to = requested[attribute];
    if (to === undefined || to === null || to === current[attribute]) return [];
    return [{ attribute, contract, from: current[attribute], to }];
  });
}
