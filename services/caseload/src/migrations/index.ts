import { MessagingTables1763900000000 } from '@fremskudt/messaging';
import { Citizens1763900000100 } from './1763900000100-citizens';

/** The caseload service's migrations, in order. Run by the owner role at start-up or as a job. */
export const caseloadMigrations = [MessagingTables1763900000000, Citizens1763900000100];
