import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/** Dated activities with a citizen: home visits and round-table meetings with named local actors. */
export class Activities1763900000303 implements MigrationInterface {
  name = 'Activities1763900000303';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE activity (
        id           uuid        PRIMARY KEY,
        tenant_id    text        NOT NULL,
        citizen_id   uuid        NOT NULL REFERENCES citizen (id),
        period_id    uuid        NOT NULL REFERENCES case_period (id),
        kind         text        NOT NULL CHECK (kind IN ('home-visit', 'round-table-meeting')),
        held_on      date        NOT NULL,
        staff_id     uuid        NOT NULL,
        note         text,
        recorded_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX activity_citizen ON activity (citizen_id, held_on)`);
    await enableTenantIsolation(queryRunner, 'activity', 'SELECT, INSERT');

    // The local actors at a round-table meeting; their names stay in this service.
    await queryRunner.query(`
      CREATE TABLE activity_local_actor (
        tenant_id    text     NOT NULL,
        activity_id  uuid     NOT NULL REFERENCES activity (id),
        code         text     NOT NULL,
        name         text     NOT NULL,
        position     smallint NOT NULL,
        PRIMARY KEY (activity_id, code)
      )`);
    await enableTenantIsolation(queryRunner, 'activity_local_actor', 'SELECT, INSERT');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE activity_local_actor, activity`);
  }
}
