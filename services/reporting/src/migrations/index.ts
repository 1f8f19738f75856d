import { MessagingTables1763900000000 } from '@fremskudt/messaging';
import { CommandLog1763900000050 } from '@fremskudt/persistence';
import { Goals1763900000410 } from '../goals/1763900000410-goals';
import { ReadModels1763900000400 } from '../read-models/1763900000400-read-models';
import { ProjectDefinitions1763900000420 } from '../read-models/1763900000420-project-definitions';
import { ReportScopes1763900000500 } from '../report-scopes/1763900000500-report-scopes';
import { RegisteredCitizens1763900000100 } from './1763900000100-registered-citizens';

/** The reporting service's migrations, in order. Run by the owner role at start-up or as a job. */
export const reportingMigrations = [
  MessagingTables1763900000000,
  CommandLog1763900000050,
  RegisteredCitizens1763900000100,
  ReadModels1763900000400,
  Goals1763900000410,
  ProjectDefinitions1763900000420,
  ReportScopes1763900000500,
];
