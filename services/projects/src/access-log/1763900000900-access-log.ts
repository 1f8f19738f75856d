import { accessLogMigration } from '@fremskudt/service-kit';

/** The projects service's own access log of citizens' personal data (participants and applicants), append-only for the service. */
export const AccessLog1763900000900 = accessLogMigration(1763900000900);
