import { accessLogMigration } from '@fremskudt/service-kit';

/** The companies service's own access log of citizens' personal data (job wishes, matching, placements, contacts about them), append-only for the service. */
export const AccessLog1763900000900 = accessLogMigration(1763900000900);
