import { MessagingTables1763900000000 } from '@fremskudt/messaging';
import { RegisteredCitizens1763900000100 } from './1763900000100-registered-citizens';

/** The reporting service's migrations, in order. Run by the owner role at start-up or as a job. */
export const reportingMigrations = [MessagingTables1763900000000, RegisteredCitizens1763900000100];
