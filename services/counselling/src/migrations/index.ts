import { MessagingTables1763900000000 } from '@fremskudt/messaging';
import { CommandLog1763900000050 } from '@fremskudt/persistence';
import { Desks1763900000100 } from './1763900000100-desks';

/** The platform tables and the core of desks, sessions and read models; each module adds its own after these. */
export const coreMigrations = [MessagingTables1763900000000, CommandLog1763900000050, Desks1763900000100];
