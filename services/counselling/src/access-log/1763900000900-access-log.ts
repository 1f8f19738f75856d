import { accessLogMigration } from '@fremskudt/service-kit';

/** Counselling's own access log of citizens' personal data (their visits at the desks), append-only for the service. */
export const AccessLog1763900000900 = accessLogMigration(1763900000900);
