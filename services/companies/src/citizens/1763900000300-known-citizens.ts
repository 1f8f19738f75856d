import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/** Read model of caseload's citizens: who has a case with the outreach team, where they live, whether the case is open. */
export class KnownCitizens1763900000300 implements MigrationInterface {
  name = 'KnownCitizens1763900000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE known_citizen (
        citizen_id  uuid        PRIMARY KEY,
        tenant_id   text        NOT NULL,
        area_code   text        NOT NULL,
        active      boolean     NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await enableTenantIsolation(queryRunner, 'known_citizen', 'SELECT, INSERT, UPDATE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE known_citizen`);
  }
}
