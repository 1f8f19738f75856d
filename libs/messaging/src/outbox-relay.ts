import { Client } from 'pg';
import { Message, Producer } from 'kafkajs';
import { OUTBOX_CHANNEL } from './messaging-tables.migration';
import { MessagingLogger } from './kafka-client';
import { sleep } from './messaging-config';
import { isInfrastructureError } from './infrastructure-errors';

export interface OutboxRelayOptions {
  /** Connection of the relay role (reads and marks every tenant's outbox rows). */
  databaseUrl: string;
  serviceName: string;
  batchSize?: number;
  /** Poll interval when nothing woke the relay (notifications are the fast path). */
  idlePollMs?: number;
  /** Sent rows are kept this long for diagnosis, then purged. */
  retainSentMs?: number;
}

interface OutboxRow {
  event_id: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  value: string;
}

export interface OutboxStatus {
  leader: boolean;
  pending: number;
  oldestPendingAgeMs: number | null;
  lastError: string | null;
}

/**
 * Publishes pending outbox rows to Kafka in commit order and marks them sent. One replica at a
 * time relays (a session advisory lock), which keeps per-key order across replicas. A crash
 * between send and mark re-sends: consumers are idempotent by event id, so nothing is lost and
 * nothing counts twice.
 */
export class OutboxRelay {
  private client: Client | null = null;
  private running = false;
  private leader = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private lastError: string | null = null;
  private lastPurge = 0;
  private readonly batchSize: number;
  private readonly idlePollMs: number;
  private readonly retainSentMs: number;

  constructor(
    private readonly options: OutboxRelayOptions,
    private readonly producer: Producer,
    private readonly logger: MessagingLogger,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.idlePollMs = options.idlePollMs ?? 500;
    this.retainSentMs = options.retainSentMs ?? 7 * 24 * 3600_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the batch in flight, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.disconnect();
  }

  /** Relays until the outbox is empty (used by graceful shutdown and tests). */
  async drain(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const status = await this.status();
      if (status.pending === 0) return;
      this.wake?.();
      await sleep(50);
    }
    throw new Error(`Outbox not drained within ${timeoutMs} ms`);
  }

  async status(): Promise<OutboxStatus> {
    const client = await this.connection();
    const { rows } = await client.query(
      `SELECT count(*)::int AS pending, (extract(epoch FROM now() - min(created_at)) * 1000)::bigint AS age
         FROM outbox WHERE sent_at IS NULL`,
    );
    return {
      leader: this.leader,
      pending: rows[0].pending,
      oldestPendingAgeMs: rows[0].age === null ? null : Number(rows[0].age),
      lastError: this.lastError,
    };
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        if (!this.leader && !(await this.becomeLeader())) {
          await this.idle(2_000);
          continue;
        }
        const sent = await this.relayBatch();
        await this.purgeSent();
        failures = 0;
        this.lastError = null;
        if (sent < this.batchSize) await this.idle(this.idlePollMs);
      } catch (error) {
        failures += 1;
        this.lastError = (error as Error).message;
        this.logger.warn('outbox relay failed; retrying', { error: this.lastError, failures });
        if (isInfrastructureError(error)) await this.disconnect();
        await this.idle(Math.min(5_000, 100 * 2 ** failures));
      }
    }
  }

  private async relayBatch(): Promise<number> {
    const client = await this.connection();
    const { rows } = await client.query<OutboxRow>(
      `SELECT event_id, topic, message_key, headers, value FROM outbox
        WHERE sent_at IS NULL ORDER BY seq LIMIT $1`,
      [this.batchSize],
    );
    if (!rows.length) return 0;
    const byTopic = new Map<string, Message[]>();
    for (const row of rows) {
      const messages = byTopic.get(row.topic) ?? [];
      messages.push({ key: row.message_key, value: row.value, headers: row.headers });
      byTopic.set(row.topic, messages);
    }
    await this.producer.sendBatch({
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    await client.query(`UPDATE outbox SET sent_at = now() WHERE event_id = ANY($1::uuid[])`, [
      rows.map((row) => row.event_id),
    ]);
    return rows.length;
  }

  private async purgeSent(): Promise<void> {
    if (Date.now() - this.lastPurge < 60_000) return;
    this.lastPurge = Date.now();
    const client = await this.connection();
    await client.query(`DELETE FROM outbox WHERE sent_at < now() - make_interval(secs => $1)`, [this.retainSentMs / 1000]);
  }

  private async becomeLeader(): Promise<boolean> {
    const client = await this.connection();
    const { rows } = await client.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [
      `fremskudt.outbox-relay.${this.options.serviceName}`,
    ]);
    this.leader = rows[0].locked === true;
    return this.leader;
  }

  private idle(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: `${this.options.serviceName}-outbox-relay`,
    });
    client.on('error', (error) => {
      this.lastError = error.message;
      void this.disconnect();
    });
    client.on('notification', () => this.wake?.());
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.client = client;
    return client;
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.leader = false; // the advisory lock died with the session
    await client?.end().catch(() => undefined);
  }
}
