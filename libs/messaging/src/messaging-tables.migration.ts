import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation, grantRelayAccess, grantSequenceUsage } from '@fremskudt/persistence';

export const OUTBOX_CHANNEL = 'fremskudt_outbox';

/**
 * The outbox (events written in the same transaction as the state change, relayed to Kafka)
 * and the inbox of processed event ids (idempotent consumers). Every service includes this
 * migration in its own list, first.
 */
export class MessagingTables1763900000000 implements MigrationInterface {
  name = 'MessagingTables1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        seq          bigserial PRIMARY KEY,
        event_id     uuid        NOT NULL UNIQUE,
        tenant_id    text        NOT NULL,
        topic        text        NOT NULL,
        message_key  text        NOT NULL,
        headers      jsonb       NOT NULL,
        value        text        NOT NULL,
        event_type   text        NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        sent_at      timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX outbox_pending ON outbox (seq) WHERE sent_at IS NULL`);
    await queryRunner.query(`CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL`);
    await enableTenantIsolation(queryRunner, 'outbox', 'INSERT, SELECT');
    await grantSequenceUsage(queryRunner, 'outbox_seq_seq');
    await grantRelayAccess(queryRunner, 'outbox', 'SELECT, UPDATE, DELETE');
    // Wakes the relay at commit instead of waiting for its next poll.
    await queryRunner.query(`
      CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('${OUTBOX_CHANNEL}', ''); RETURN NULL; END $$`);
    await queryRunner.query(`
      CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox
      FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox()`);

    await queryRunner.query(`
      CREATE TABLE processed_event (
        tenant_id      text        NOT NULL,
        consumer_group text        NOT NULL,
        event_id       uuid        NOT NULL,
        event_type     text        NOT NULL,
        processed_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, consumer_group, event_id)
      )`);
    await enableTenantIsolation(queryRunner, 'processed_event', 'INSERT, SELECT');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE processed_event`);
    await queryRunner.query(`DROP TABLE outbox`);
    await queryRunner.query(`DROP FUNCTION notify_outbox`);
  }
}
