import { MessagingTables1763900000000 } from '@fremskudt/messaging';
import { CommandLog1763900000050 } from '@fremskudt/persistence';

/** The platform tables (outbox, inbox, command log); each module adds its own migrations after these. */
export const coreMigrations = [MessagingTables1763900000000, CommandLog1763900000050];
