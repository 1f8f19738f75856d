// The entry type and the log's hook live in service-kit (every service keeps an access log).
export { CITIZEN_ACCESS_ACTIONS, CITIZEN_ACCESS_OUTCOMES, CitizenAccessLog, outcomeOf } from '@fremskudt/service-kit';
export type { CitizenAccessAction, CitizenAccessEntry, CitizenAccessOutcome } from '@fremskudt/service-kit';
