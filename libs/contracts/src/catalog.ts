import { CASE_WORK_EVENTS } from './caseload/case-work.events';
import { CITIZEN_PROFILE_EVENTS } from './caseload/citizens.stream';
import { COMPANIES_EVENTS } from './companies/companies.stream';
import { PlacementEnded, PlacementPlanned, PlacementStarted } from './companies/placements.stream';
import { EventContract } from './core/event-contract';
import { COUNSELLING_EVENTS } from './counselling/visits.stream';
import { PARTNER_PARTICIPANT_EVENTS } from './projects/partner-participants.stream';
import { PROJECT_EVENTS } from './projects/projects.stream';

/** Every event the platform defines. Add new events here, then run `npm run asyncapi` to regenerate `asyncapi.json`. */
export const ALL_EVENT_CONTRACTS: readonly EventContract[] = [
  ...CITIZEN_PROFILE_EVENTS,
  ...CASE_WORK_EVENTS,
  ...COUNSELLING_EVENTS,
  PlacementPlanned,
  PlacementStarted,
  PlacementEnded,
  ...COMPANIES_EVENTS,
  ...PROJECT_EVENTS,
  ...PARTNER_PARTICIPANT_EVENTS,
];
