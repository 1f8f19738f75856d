import { accessLogMigration } from '@fremskudt/service-kit';

/** The access log of citizens' personal data, append-only for the service (see createAccessLog in service-kit). */
export const AccessLog1763900000510 = accessLogMigration(1763900000510);
