import { Logger, Module } from '@nestjs/common';
import { MigrationInterface } from 'typeorm';
import { PartnerPseudonyms1763900000500 } from './1763900000500-partner-pseudonyms';
import { PartnerFeed } from './partner-feed';
import { PartnerPseudonyms } from './partner-pseudonyms';
import { PARTNER_PSEUDONYM_KEY, PARTNER_PSEUDONYM_KEY_VARIABLE, readPartnerPseudonymKey } from './pseudonym-key';

export { CITIZEN_IN_VIEW_DESCRIPTION, CITIZEN_REFERENCE_DESCRIPTION, CitizenReferencePipe, IsCitizenReference } from './citizen-reference';
export { PartnerFeed } from './partner-feed';
export { PartnerPseudonyms } from './partner-pseudonyms';
export { isProjectInScope, withinScope } from './partner-scope';

/**
 * The key of the partners' pseudonyms, read once when the service starts. main.ts refuses to
 * start with a clear message first; this throws the same message for any other way in (tests).
 */
function pseudonymKey(): Buffer {
  const reading = readPartnerPseudonymKey(process.env);
  if (reading.problem !== undefined) throw new Error(reading.problem);
  if (reading.development) {
    new Logger('PartnerPseudonyms').warn(`${PARTNER_PSEUDONYM_KEY_VARIABLE} is not set: using the fixed development key (production refuses to start without a key)`);
  }
  return reading.key;
}

/**
 * What partner users may see and how: the scope of their projects (partner-scope.ts), their own
 * pseudonyms of the participants, and the partners' topic.
 */
@Module({
  providers: [{ provide: PARTNER_PSEUDONYM_KEY, useFactory: pseudonymKey }, PartnerPseudonyms, PartnerFeed],
  exports: [PartnerPseudonyms, PartnerFeed],
})
export class PartnerAccessModule {}

export const partnerAccessMigrations: Array<new () => MigrationInterface> = [PartnerPseudonyms1763900000500];
