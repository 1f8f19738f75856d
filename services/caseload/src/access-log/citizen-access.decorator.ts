// The declaration lives in service-kit (every service keeps an access log); caseload's endpoints import it from here.
export {
  bodyCriterion,
  CITIZEN_ACCESS,
  CitizenAccess,
  listCriterion,
  MAX_PURPOSE_LENGTH,
  PURPOSE_HEADER,
  purposeOf,
  queryCriterion,
  withoutCprNumbers,
} from '@fremskudt/service-kit';
export type { CitizenAccessSpec, NamedCitizens } from '@fremskudt/service-kit';
