import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantContext } from '@fremskudt/persistence';
import { NotFoundProblem } from '@fremskudt/service-kit';
import { projectScope } from './partner-scope';
import { PARTNER_PSEUDONYM_KEY, partnerPseudonym } from './pseudonym-key';

/**
 * The partners' pseudonyms of citizens: computed with the key, recorded in partner_pseudonym so
 * a partner can name a participant by one, and put in place of the citizen id wherever a partner
 * user is shown a participant. Every pseudonym the service hands out (view or event) is recorded
 * first, so each one can be resolved back.
 */
@Injectable()
export class PartnerPseudonyms {
  constructor(@Inject(PARTNER_PSEUDONYM_KEY) private readonly key: Buffer) {}

  /**
   * The partner's pseudonyms of the citizens, by citizen id. Computed with the key the first time
   * the partner is given one for a citizen and recorded; the recorded one is used from then on,
   * so a new PARTNER_PSEUDONYM_KEY changes no pseudonym a partner already holds (it applies to
   * citizens the partner has not been shown yet).
   */
  async of(manager: EntityManager, partnerCode: string, citizenIds: readonly string[]): Promise<Map<string, string>> {
    const tenant = TenantContext.currentTenant();
    const citizens = [...new Set(citizenIds)];
    if (!citizens.length) return new Map();
    const pseudonyms = citizens.map((citizenId) => partnerPseudonym(this.key, tenant, partnerCode, citizenId));
    await manager.query(
      `INSERT INTO partner_pseudonym (tenant_id, partner_code, pseudonym, citizen_id)
       SELECT current_setting('app.tenant_id'), $1, pseudonym, citizen_id FROM unnest($2::text[], $3::uuid[]) AS given (pseudonym, citizen_id)
       ON CONFLICT DO NOTHING`,
      [partnerCode, pseudonyms, citizens],
    );
    // A statement of its own: it sees this insert and any a concurrent request committed first.
    const recorded: Array<{ citizen_id: string; pseudonym: string }> = await manager.query(
      `SELECT citizen_id, pseudonym FROM partner_pseudonym WHERE partner_code = $1 AND citizen_id = ANY($2::uuid[])`,
      [partnerCode, citizens],
    );
    return new Map(recorded.map((row) => [row.citizen_id, row.pseudonym]));
  }

  /**
   * The views as the request's user may see them: staff as they are; a partner user with its own
   * pseudonym in place of each citizen id.
   */
  async present<T extends { citizenId: string }>(manager: EntityManager, views: T[]): Promise<T[]> {
    const scope = await projectScope(manager);
    if (scope.kind === 'all') return views;
    // A partner without a partner here reached no project, so it has no views to see; refuse rather than show ids.
    if (!scope.partner) throw new NotFoundProblem('Not found');
    const pseudonyms = await this.of(manager, scope.partner.code, views.map((view) => view.citizenId));
    return views.map((view) => ({ ...view, citizenId: pseudonyms.get(view.citizenId)! }));
  }

  async presentOne<T extends { citizenId: string }>(manager: EntityManager, view: T): Promise<T> {
    const [presented] = await this.present(manager, [view]);
    return presented;
  }

  /**
   * The citizen a request names: staff name citizens by their id, a partner user by its own
   * pseudonym, resolved through partner_pseudonym. Null when the partner was never given that
   * pseudonym (a citizen id from a partner is such a case: it never resolves).
   */
  async citizenNamed(manager: EntityManager, reference: string): Promise<string | null> {
    const scope = await projectScope(manager);
    if (scope.kind === 'all') return reference;
    if (!scope.partner) return null;
    const [row]: Array<{ citizen_id: string }> = await manager.query(`SELECT citizen_id FROM partner_pseudonym WHERE partner_code = $1 AND pseudonym = $2`, [
      scope.partner.code,
      reference,
    ]);
    return row?.citizen_id ?? null;
  }
}
