import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { ContractRegistry, decodeKafkaRecord, EventEnvelope, EventRejectedError, KafkaRecord } from '@fremskudt/contracts';
import { UnitOfWork } from '@fremskudt/persistence';
import { DeadLetterPublisher } from './dead-letter';
import { KafkaEventContext, NonRetryableError } from './event-context';
import { recordProcessedEvent } from './inbox';
import { isInfrastructureError } from './infrastructure-errors';
import { MessagingLogger } from './kafka-client';
import { backoffDelay, RetryPolicy, sleep } from './messaging-config';

export type ConsumerState = 'idle' | 'starting' | 'running' | 'crashed' | 'stopped';

export interface KafkaEventTransportOptions {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  registry: ContractRegistry;
  unitOfWork: UnitOfWork;
  deadLetters: DeadLetterPublisher;
  retry: RetryPolicy;
  partitionsConsumedConcurrently: number;
  logger: MessagingLogger;
  /** Called before consuming starts (e.g. topic provisioning); retried until it succeeds. */
  beforeStart?: () => Promise<void>;
}

type Outcome = 'processed' | 'duplicate' | 'ignored' | 'dead-lettered';

/**
 * A NestJS transport over kafkajs that handlers use with `@EventPattern(Contract.type)`.
 * Unlike Nest's stock Kafka server it consumes in batches, runs each event in a tenant-scoped
 * transaction together with its idempotency record, commits offsets only after that
 * transaction committed, retries with backoff, dead-letters what cannot be processed, keeps
 * the exact group id, and reports a crashed consumer as not ready.
 */
export class KafkaEventTransport extends Server implements CustomTransportStrategy {
  private consumer: Consumer | null = null;
  private state: ConsumerState = 'idle';
  private lastError: string | null = null;
  private stopping = false;
  private startup: Promise<void> | null = null;
  private joinedResolvers: Array<() => void> = [];

  constructor(private readonly options: KafkaEventTransportOptions) {
    super();
  }

  get consumerState(): { state: ConsumerState; lastError: string | null } {
    return { state: this.state, lastError: this.lastError };
  }

  /** Starts in the background so the HTTP side serves even while Kafka is away. */
  listen(callback: () => void): void {
    this.startup = this.startWithRetry();
    callback();
  }

  /** Resolves once the consumer has joined its group (tests, start-up scripts). */
  whenJoined(timeoutMs = 30_000): Promise<void> {
    if (this.state === 'running') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Consumer ${this.options.groupId} did not join in ${timeoutMs} ms`)), timeoutMs);
      this.joinedResolvers.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    this.stopping = true;
    await this.startup?.catch(() => undefined);
    // disconnect() waits for the batch in flight and leaves the group.
    await this.consumer?.disconnect().catch(() => undefined);
    this.state = 'stopped';
  }

  on(): never {
    throw new Error('KafkaEventTransport does not emit events; use consumerState');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async startWithRetry(): Promise<void> {
    this.state = 'starting';
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        await this.options.beforeStart?.();
        if (this.options.topics.length === 0) {
          this.markJoined(); // a service that consumes nothing has nothing to join
          return;
        }
        await this.startConsumer();
        return;
      } catch (error) {
        this.lastError = (error as Error).message;
        this.options.logger.warn('consumer start failed; retrying', { error: this.lastError, attempt });
        await this.consumer?.disconnect().catch(() => undefined);
        this.consumer = null;
        await sleep(Math.min(5_000, 250 * attempt));
      }
    }
  }

  private async startConsumer(): Promise<void> {
    const consumer = this.options.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      maxWaitTimeInMs: 100,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => this.markJoined());
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.lastError = payload.error.message;
      // kafkajs restarts by itself when it can; otherwise the consumer is dead for good.
      if (!payload.restart) this.state = 'crashed';
      this.options.logger.error('consumer crashed', { error: payload.error.message, restarting: payload.restart });
    });
    consumer.on(consumer.events.STOP, () => {
      if (!this.stopping) this.state = 'stopped';
    });
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  private markJoined(): void {
    this.state = 'running';
    this.lastError = null;
    this.joinedResolvers.splice(0).forEach((resolve) => resolve());
  }

  private async handleBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    let lastDone: string | null = null;
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      await this.handleMessage(batch.topic, batch.partition, message, heartbeat);
      resolveOffset(message.offset);
      lastDone = message.offset;
      await heartbeat();
    }
    if (lastDone !== null) {
      // Only now: every event up to here has committed its transaction (or been dead-lettered).
      await this.consumer!.commitOffsets([
        { topic: batch.topic, partition: batch.partition, offset: (BigInt(lastDone) + 1n).toString() },
      ]);
    }
  }

  private async handleMessage(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<Outcome> {
    let envelope: EventEnvelope;
    try {
      envelope = decodeKafkaRecord(toRecord(message));
      this.options.registry.validateEnvelope(envelope);
    } catch (error) {
      if (!(error instanceof EventRejectedError)) throw error;
      await this.deadLetter(topic, partition, message, error.reason, error.message, 0);
      return 'dead-lettered';
    }
    const handler = this.getHandlerByPattern(envelope.type);
    if (!handler) return 'ignored'; // an event of the stream this service does not need

    for (let attempt = 1; ; attempt++) {
      try {
        return await this.options.unitOfWork.runForTenant(envelope.tenant, async (manager) => {
          if (!(await recordProcessedEvent(manager, this.options.groupId, envelope.id, envelope.type))) return 'duplicate';
          const context = new KafkaEventContext([envelope, manager, { topic, partition, offset: message.offset, attempt }]);
          await lastValueFrom(this.transformToObservable(await handler(envelope.data, context)), { defaultValue: undefined });
          return 'processed';
        });
      } catch (error) {
        // The database is away: leave the event uncommitted; kafkajs restarts the batch later.
        if (isInfrastructureError(error)) throw error;
        const reason = (error as Error).message ?? String(error);
        if (error instanceof NonRetryableError || attempt >= this.options.retry.maxAttempts || this.stopping) {
          await this.deadLetter(topic, partition, message, 'handler-failed', reason, attempt);
          return 'dead-lettered';
        }
        this.options.logger.warn('event handler failed; retrying', { type: envelope.type, eventId: envelope.id, attempt, error: reason });
        await sleep(backoffDelay(this.options.retry, attempt));
        await heartbeat();
      }
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: Parameters<DeadLetterPublisher['publish']>[0]['reason'],
    error: string,
    attempts: number,
  ): Promise<void> {
    this.options.logger.error('event dead-lettered', { topic, partition, offset: message.offset, reason, error });
    await this.options.deadLetters.publish({ sourceTopic: topic, partition, message, reason, error, attempts });
  }
}

function toRecord(message: KafkaMessage): KafkaRecord {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) headers[name] = first.toString();
  }
  return { key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers };
}
