import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/**
 * The partners' pseudonyms handed out so far, to resolve one back to the citizen when a partner
 * names a participant by it. A pseudonym is a keyed hash (see partner-access/pseudonym-key.ts):
 * it can be recomputed from a citizen id, never reversed, hence this table. Rows are written when
 * a citizen is enrolled in a project the partner takes part in, or first shown to the partner,
 * and never change.
 */
export class PartnerPseudonyms1763900000500 implements MigrationInterface {
  name = 'PartnerPseudonyms1763900000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE partner_pseudonym (
        tenant_id     text        NOT NULL,
        partner_code  text        NOT NULL,
        pseudonym     text        NOT NULL CHECK (pseudonym ~ '^[A-Za-z0-9_-]{22}$'),
        citizen_id    uuid        NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, partner_code, pseudonym),
        CONSTRAINT partner_pseudonym_one_per_citizen UNIQUE (tenant_id, partner_code, citizen_id),
        CONSTRAINT partner_pseudonym_partner FOREIGN KEY (tenant_id, partner_code) REFERENCES partner (tenant_id, code)
      )`);
    await enableTenantIsolation(queryRunner, 'partner_pseudonym', 'SELECT, INSERT');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE partner_pseudonym`);
  }
}
