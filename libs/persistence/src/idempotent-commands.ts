import { AsyncLocalStorage } from 'node:async_hooks';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from './migrations';

/**
 * Idempotent commands: a client that retries a command with the same idempotency key (say,
 * after a timeout) gets the first answer again and no second effect. The key, a fingerprint of
 * the request and the answer are stored in the same transaction as the command's effect.
 */
export interface CommandScope {
  readonly key: string;
  /** Hash of method, path and body: the same key with another request is refused. */
  readonly fingerprint: string;
  /** Set when the answer came from the log instead of running the command. */
  replayed: boolean;
}

const storage = new AsyncLocalStorage<CommandScope>();

export const CommandContext = {
  run<T>(scope: Omit<CommandScope, 'replayed'>, work: () => T): T {
    return storage.run({ ...scope, replayed: false }, work);
  },
  current(): CommandScope | undefined {
    return storage.getStore();
  },
};

export class IdempotencyKeyReusedError extends Error {
  constructor(readonly key: string) {
    super(`The idempotency key ${JSON.stringify(key)} was already used for another request`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

export const COMMAND_LOG_TABLE = 'command_log';

/** Every service that takes commands includes this migration in its own list. */
export class CommandLog1763900000050 implements MigrationInterface {
  name = 'CommandLog1763900000050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ${COMMAND_LOG_TABLE} (
        tenant_id        text        NOT NULL,
        idempotency_key  text        NOT NULL,
        fingerprint      text        NOT NULL,
        response         jsonb,
        created_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, idempotency_key)
      )`);
    await queryRunner.query(`CREATE INDEX command_log_created_at ON ${COMMAND_LOG_TABLE} (created_at)`);
    await enableTenantIsolation(queryRunner, COMMAND_LOG_TABLE, 'SELECT, INSERT, UPDATE, DELETE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${COMMAND_LOG_TABLE}`);
  }
}
