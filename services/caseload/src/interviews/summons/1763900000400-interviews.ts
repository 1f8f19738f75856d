import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '@fremskudt/persistence';
import { grantToAppRole } from '../migration-grants';

/**
 * Summonses and interviews, and each citizen's interview state (last held, next due) so other
 * modules can read "next due interview" without replaying the interviews.
 */
export class Interviews1763900000400 implements MigrationInterface {
  name = 'Interviews1763900000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per summons, or per interview first known from open counselling (no summons).
    await queryRunner.query(`
      CREATE TABLE interview (
        id                    uuid        PRIMARY KEY,
        tenant_id             text        NOT NULL,
        citizen_id            uuid        NOT NULL REFERENCES citizen (id),
        period_id             uuid        NOT NULL REFERENCES case_period (id),
        source                text        NOT NULL CHECK (source IN ('summons', 'counselling')),
        place                 text        NOT NULL CHECK (place IN ('local-office', 'central-job-centre', 'home-visit', 'open-counselling')),
        area_code             text,
        scheduled_at          timestamptz,
        summoned_at           timestamptz,
        due_date              date        NOT NULL,
        outcome               text        CHECK (outcome IN ('held', 'no-show', 'cancelled')),
        outcome_recorded_at   timestamptz,
        held_on               date,
        held_place            text        CHECK (held_place IN ('local-office', 'central-job-centre', 'home-visit', 'open-counselling')),
        held_area_code        text,
        on_time               boolean,
        next_due_date         date,
        cancelled_by          text        CHECK (cancelled_by IN ('citizen', 'job-centre')),
        follow_up_due         date,
        counselling_visit_id  uuid,
        created_at            timestamptz NOT NULL DEFAULT now(),
        CHECK ((source = 'summons') = (scheduled_at IS NOT NULL AND summoned_at IS NOT NULL)),
        CHECK ((outcome IS NULL) = (outcome_recorded_at IS NULL)),
        CHECK ((outcome IS NOT DISTINCT FROM 'held') = (held_on IS NOT NULL AND held_place IS NOT NULL AND on_time IS NOT NULL AND next_due_date IS NOT NULL)),
        CHECK ((outcome IS NOT DISTINCT FROM 'cancelled') = (cancelled_by IS NOT NULL)),
        CHECK ((outcome IS NOT DISTINCT FROM 'no-show') = (follow_up_due IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX interview_citizen ON interview (citizen_id, period_id)`);
    await queryRunner.query(`CREATE INDEX interview_open_summons ON interview (tenant_id, scheduled_at) WHERE outcome IS NULL`);
    // A counselling visit counts once, even when the counselling service publishes it twice under new event ids.
    await queryRunner.query(`CREATE UNIQUE INDEX interview_counselling_visit ON interview (tenant_id, counselling_visit_id) WHERE counselling_visit_id IS NOT NULL`);
    await enableTenantIsolation(queryRunner, 'interview', 'SELECT, INSERT, UPDATE');

    // Kept up to date by every summons, outcome and counselling interview, in the same transaction.
    await queryRunner.query(`
      CREATE TABLE citizen_interview_status (
        citizen_id         uuid        PRIMARY KEY REFERENCES citizen (id),
        tenant_id          text        NOT NULL,
        period_id          uuid        NOT NULL REFERENCES case_period (id),
        last_held_on       date,
        next_due_date      date        NOT NULL,
        next_scheduled_at  timestamptz,
        open_summonses     integer     NOT NULL CHECK (open_summonses >= 0),
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX citizen_interview_status_due ON citizen_interview_status (tenant_id, next_due_date)`);
    await enableTenantIsolation(queryRunner, 'citizen_interview_status', 'SELECT, INSERT, UPDATE');

    // Every active citizen's next due interview, also for those with no interview activity yet
    // (their row in citizen_interview_status does not exist, or belongs to an earlier case period).
    // The fallback mirrors rules.nextInterviewDue: PostgreSQL's month arithmetic clamps to month
    // end the same way (30 Nov + 3 months = 28/29 Feb), and 3 is DEFAULT_TENANT_SETTINGS' interval.
    // security_invoker: the caller's tenant policies on the underlying tables apply.
    await queryRunner.query(`
      CREATE VIEW citizen_interview_due WITH (security_invoker = true) AS
      SELECT c.tenant_id,
             c.id                 AS citizen_id,
             c.current_period_id  AS period_id,
             s.last_held_on,
             COALESCE(s.next_due_date, (p.opened_on + make_interval(months => COALESCE(ts.interview_interval_months, 3)))::date) AS next_due_date,
             s.next_scheduled_at,
             COALESCE(s.open_summonses, 0) AS open_summonses
        FROM citizen c
        JOIN case_period p ON p.id = c.current_period_id
        LEFT JOIN citizen_interview_status s ON s.citizen_id = c.id AND s.period_id = c.current_period_id
        LEFT JOIN tenant_settings ts ON ts.tenant_id = c.tenant_id
       WHERE c.status = 'active'`);
    await grantToAppRole(queryRunner, 'SELECT', 'citizen_interview_due');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW citizen_interview_due`);
    await queryRunner.query(`DROP TABLE citizen_interview_status, interview`);
  }
}
