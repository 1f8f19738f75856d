import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/** Offers (activations) the job centre plans with a citizen: planned → started → completed, or dropped. */
export class Offers1763900000301 implements MigrationInterface {
  name = 'Offers1763900000301';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE offer (
        id             uuid        PRIMARY KEY,
        tenant_id      text        NOT NULL,
        citizen_id     uuid        NOT NULL REFERENCES citizen (id),
        period_id      uuid        NOT NULL REFERENCES case_period (id),
        offer_type     text        NOT NULL,
        provider_code  text,
        planned_start  date        NOT NULL,
        planned_end    date        CHECK (planned_end >= planned_start),
        description    text,
        status         text        NOT NULL CHECK (status IN ('planned', 'started', 'completed', 'dropped')),
        started_on     date,
        completed_on   date        CHECK (completed_on >= started_on),
        dropped_on     date        CHECK (dropped_on >= started_on),
        drop_reason    text,
        planned_at     timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'planned') = (started_on IS NULL AND dropped_on IS NULL)),
        CHECK ((status = 'completed') = (completed_on IS NOT NULL)),
        CHECK ((status = 'dropped') = (dropped_on IS NOT NULL AND drop_reason IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX offer_citizen ON offer (citizen_id, planned_start)`);
    await enableTenantIsolation(queryRunner, 'offer', 'SELECT, INSERT, UPDATE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE offer`);
  }
}
