import { MessagingTables1763900000000 } from '@fremskudt/messaging';
import { CommandLog1763900000050 } from '@fremskudt/persistence';
import { Citizens1763900000100 } from './1763900000100-citizens';

/** The migrations of the citizen core and the platform tables; each module adds its own after these. */
export const coreMigrations = [MessagingTables1763900000000, CommandLog1763900000050, Citizens1763900000100];
