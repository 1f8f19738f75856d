import { Inject, Injectable } from '@nestjs/common';
import { AccessLogHooks } from '@fremskudt/service-kit';
import { cprBirthDate } from '../citizens/cpr';
import { CprProtector } from '../privacy/cpr-protection';

/**
 * Caseload's access log keeps a CPR number a search was made by only as its keyed hash (hex,
 * under `cprHash`): the log never holds it in clear, and an administrator holding the number
 * finds the searches for it by the same hash.
 */
@Injectable()
export class CprCriterionHooks extends AccessLogHooks {
  constructor(@Inject(CprProtector) private readonly cpr: CprProtector) {
    super();
  }

  override protectCriterion(criterion: Record<string, string>): Record<string, string> {
    const { cpr, ...rest } = criterion;
    if (cpr === undefined) return rest;
    return { ...rest, ...(cprBirthDate(cpr) ? { cprHash: this.cpr.hash(cpr).toString('hex') } : { cpr: '[invalid]' }) };
  }
}
