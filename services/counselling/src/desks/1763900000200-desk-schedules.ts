import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';

/**
 * Opening hours of the desks: the weekly schedule and its exceptions (closed days, extra
 * sessions). Nothing is deleted: a replaced weekly opening and a removed exception keep their
 * row with the time they stopped counting. Also the order of the tenant's topic list.
 */
export class DeskSchedules1763900000200 implements MigrationInterface {
  name = 'DeskSchedules1763900000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE desk_opening_hours (
        id           uuid        PRIMARY KEY,
        tenant_id    text        NOT NULL,
        desk_id      uuid        NOT NULL REFERENCES desk (id),
        weekday      smallint    NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        opens        time        NOT NULL,
        closes       time        NOT NULL CHECK (closes > opens),
        created_at   timestamptz NOT NULL DEFAULT now(),
        replaced_at  timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX desk_opening_hours_current ON desk_opening_hours (desk_id, weekday) WHERE replaced_at IS NULL`);
    await enableTenantIsolation(queryRunner, 'desk_opening_hours', 'SELECT, INSERT, UPDATE');

    await queryRunner.query(`
      CREATE TABLE desk_exception (
        id          uuid        PRIMARY KEY,
        tenant_id   text        NOT NULL,
        desk_id     uuid        NOT NULL REFERENCES desk (id),
        date        date        NOT NULL,
        kind        text        NOT NULL CHECK (kind IN ('closed', 'extra')),
        opens       time,
        closes      time,
        reason      text,
        created_at  timestamptz NOT NULL DEFAULT now(),
        removed_at  timestamptz,
        CHECK ((kind = 'closed' AND opens IS NULL AND closes IS NULL) OR (kind = 'extra' AND opens IS NOT NULL AND closes > opens))
      )`);
    // A date is closed once; the calendar reads a desk's exceptions by date.
    await queryRunner.query(`CREATE UNIQUE INDEX desk_exception_one_closed_day ON desk_exception (desk_id, date) WHERE kind = 'closed' AND removed_at IS NULL`);
    await queryRunner.query(`CREATE INDEX desk_exception_desk_date ON desk_exception (desk_id, date) WHERE removed_at IS NULL`);
    await enableTenantIsolation(queryRunner, 'desk_exception', 'SELECT, INSERT, UPDATE');

    // The tenant's topic list keeps its order; a topic left out of a new list stays (old visits
    // carry its code) but is retired: inactive and no longer listed.
    await queryRunner.query(`ALTER TABLE counselling_topic ADD COLUMN position integer NOT NULL DEFAULT 0, ADD COLUMN retired boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE counselling_topic DROP COLUMN position, DROP COLUMN retired`);
    await queryRunner.query(`DROP TABLE desk_exception, desk_opening_hours`);
  }
}
