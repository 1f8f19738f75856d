import { MessagingTables1763900000000 } from '@fremskudt/messaging';

/** The companies service's migrations, in order. Run by the owner role at start-up or as a job. */
export const companiesMigrations = [MessagingTables1763900000000];
