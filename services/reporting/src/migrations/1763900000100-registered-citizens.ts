import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/** Read model of registered citizens, fed by CitizenRegistered. */
export class RegisteredCitizens1763900000100 implements MigrationInterface {
  name = 'RegisteredCitizens1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE registered_citizen (
        tenant_id      text        NOT NULL,
        citizen_id     uuid        NOT NULL,
        area_code      text        NOT NULL,
        birth_date     date        NOT NULL,
        registered_at  timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, citizen_id)
      )`);
    await enableTenantIsolation(queryRunner, 'registered_citizen');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE registered_citizen`);
  }
}
