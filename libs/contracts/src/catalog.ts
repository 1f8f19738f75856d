import { CitizenRegistered } from './caseload/citizens.stream';
import { EventContract } from './core/event-contract';

/** Every event the platform defines. Add new events here, then run `npm run asyncapi` to regenerate `asyncapi.json`. */
export const ALL_EVENT_CONTRACTS: readonly EventContract[] = [CitizenRegistered];
