import { DynamicModule } from '@nestjs/common';
import { MigrationInterface } from 'typeorm';
import { CitizenAccessLogModule } from '@fremskudt/service-kit';
import { PartnerAccessModule } from '../partner-access';
import { AccessLog1763900000900 } from './1763900000900-access-log';
import { PartnerPseudonymHooks } from './partner-pseudonym.hooks';

/**
 * The access log of participants' and applicants' personal data (service-kit's, over this
 * service's own table): a partner's pseudonyms are logged as the citizens they stand for; the
 * export is for the citizens known here.
 */
export const accessLogModule = (): DynamicModule =>
  CitizenAccessLogModule.forService({ citizens: { table: 'citizen', idColumn: 'citizen_id' }, hooks: PartnerPseudonymHooks, imports: [PartnerAccessModule] });

export const accessLogMigrations: Array<new () => MigrationInterface> = [AccessLog1763900000900];
