import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessLogHooks } from '@fremskudt/service-kit';
import { PartnerPseudonyms } from '../partner-access';
import { currentPartnerViewer } from '../partner-access/partner-scope';
import { PSEUDONYM_PATTERN } from '../partner-access/pseudonym-key';

/**
 * A partner user names participants by its own pseudonym (and sees them so in every answer):
 * the access log keeps the citizen the pseudonym stands for, resolved in the row's transaction
 * as the partner's requests are, never the pseudonym alone. A name the partner was never given
 * (or a citizen id, which a partner never names) stands for nobody. Staff name citizens by id.
 */
@Injectable()
export class PartnerPseudonymHooks extends AccessLogHooks {
  constructor(@Inject(PartnerPseudonyms) private readonly pseudonyms: PartnerPseudonyms) {
    super();
  }

  override async citizenIdOf(name: string, manager: EntityManager): Promise<string | null> {
    if (!currentPartnerViewer()) return super.citizenIdOf(name, manager);
    return PSEUDONYM_PATTERN.test(name) ? this.pseudonyms.citizenNamed(manager, name) : null;
  }
}
