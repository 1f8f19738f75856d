import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { withoutCprNumbers } from './citizen-access.decorator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a service decides about its access log rows, in the row's own transaction (tenant set).
 * The defaults suit a service whose users name citizens by their id and search by nothing
 * secret; a service overrides what it does otherwise (caseload hashes a CPR criterion with its
 * key, projects resolves a partner's pseudonym to the citizen it stands for).
 */
@Injectable()
export class AccessLogHooks {
  /**
   * The citizen id a name from the request or its answer stands for; null when it names nobody
   * (a malformed id: the request is refused with 400 and logged without a citizen).
   */
  async citizenIdOf(name: string, _manager: EntityManager): Promise<string | null> {
    return UUID.test(name) ? name.toLowerCase() : null;
  }

  /** The criterion as stored. A `cpr` value arrives in clear: by default only as the CPR-free text of it. */
  protectCriterion(criterion: Record<string, string>): Record<string, string> {
    const { cpr, ...rest } = criterion;
    return cpr === undefined ? rest : { ...rest, cpr: withoutCprNumbers(cpr) };
  }
}
