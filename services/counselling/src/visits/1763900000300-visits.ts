import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation, grantSequenceUsage } from '@fremskudt/persistence';

/**
 * Visits at the desks (the live queue and the history) and the referrals made in their talks.
 * `queue_seq` orders the queue: first checked in, first called.
 */
export class Visits1763900000300 implements MigrationInterface {
  name = 'Visits1763900000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE visit (
        id                  uuid        PRIMARY KEY,
        tenant_id           text        NOT NULL,
        queue_seq           bigserial   NOT NULL UNIQUE,
        desk_id             uuid        NOT NULL REFERENCES desk (id),
        session_id          uuid        NOT NULL REFERENCES desk_session (id),
        area_code           text        NOT NULL,
        visitor_kind        text        NOT NULL CHECK (visitor_kind IN ('citizen-with-case', 'citizen-without-case', 'anonymous')),
        citizen_id          uuid,
        arrival             text        NOT NULL CHECK (arrival IN ('summoned', 'walk-in')),
        requested_staff_id  uuid,
        status              text        NOT NULL CHECK (status IN ('waiting', 'in-talk', 'done', 'left')),
        checked_in_at       timestamptz NOT NULL,
        talk_started_at     timestamptz CHECK (talk_started_at >= checked_in_at),
        staff_id            uuid,
        ended_at            timestamptz CHECK (ended_at >= checked_in_at AND ended_at >= coalesce(talk_started_at, checked_in_at)),
        topics              text[]      NOT NULL DEFAULT '{}',
        actions             text[]      NOT NULL DEFAULT '{}',
        recorded_at         timestamptz NOT NULL DEFAULT now(),
        -- Only a citizen with a case is stored with a person id.
        CHECK ((visitor_kind = 'citizen-with-case') = (citizen_id IS NOT NULL)),
        CHECK ((status IN ('in-talk', 'done')) = (talk_started_at IS NOT NULL AND staff_id IS NOT NULL)),
        CHECK ((status IN ('done', 'left')) = (ended_at IS NOT NULL))
      )`);
    await grantSequenceUsage(queryRunner, 'visit_queue_seq_seq');
    await queryRunner.query(`CREATE INDEX visit_queue ON visit (desk_id, queue_seq) WHERE status IN ('waiting', 'in-talk')`);
    await queryRunner.query(`CREATE INDEX visit_desk_checked_in ON visit (desk_id, checked_in_at)`);
    await queryRunner.query(`CREATE INDEX visit_session ON visit (session_id)`);
    // A citizen stands in one queue at a time.
    await queryRunner.query(`CREATE UNIQUE INDEX visit_citizen_in_queue ON visit (citizen_id) WHERE status IN ('waiting', 'in-talk')`);
    await enableTenantIsolation(queryRunner, 'visit', 'SELECT, INSERT, UPDATE');

    await queryRunner.query(`
      CREATE TABLE referral (
        id            uuid        PRIMARY KEY,
        tenant_id     text        NOT NULL,
        visit_id      uuid        NOT NULL REFERENCES visit (id),
        desk_id       uuid        NOT NULL REFERENCES desk (id),
        area_code     text        NOT NULL,
        partner_code  text        NOT NULL,
        citizen_id    uuid,
        referred_on   date        NOT NULL,
        CONSTRAINT referral_once_per_partner UNIQUE (visit_id, partner_code)
      )`);
    await queryRunner.query(`CREATE INDEX referral_area_date ON referral (area_code, referred_on)`);
    await enableTenantIsolation(queryRunner, 'referral', 'SELECT, INSERT');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE referral, visit`);
  }
}
