import { Admin, Kafka, Partitioners, Producer } from 'kafkajs';
import { ContractRegistry, deadLetterTopicName, StreamDefinition, topicName } from '@fremskudt/contracts';
import { UnitOfWork } from '@fremskudt/persistence';
import { DeadLetterPublisher } from './dead-letter';
import { createKafka, MessagingLogger } from './kafka-client';
import { KafkaEventTransport } from './kafka-event-transport';
import { MessagingConfig, sleep } from './messaging-config';
import { OutboxRelay, OutboxStatus } from './outbox-relay';
import { ensureTopics } from './topics';

export interface MessagingRuntimeOptions {
  config: MessagingConfig;
  relayDatabaseUrl: string;
  registry: ContractRegistry;
  unitOfWork: UnitOfWork;
  logger: MessagingLogger;
  produces: readonly StreamDefinition[];
  consumes: readonly StreamDefinition[];
}

export interface KafkaHealth {
  brokerReachable: boolean;
  consumer: KafkaEventTransport["consumerState"];
  outbox: OutboxStatus | { error: string };
}

/**
 * Everything Kafka-facing in one service: topic provisioning, the producer, the outbox relay
 * and the consumer transport. Starts in the background with retries, so a service comes up and
 * takes commands (into its outbox) while Kafka is away, and catches up when it returns.
 */
export class MessagingRuntime {
  readonly transport: KafkaEventTransport;
  private readonly kafka: Kafka;
  private readonly probeKafka: Kafka;
  private readonly producer: Producer;
  private readonly relay: OutboxRelay;
  private probeAdmin: Admin | null = null;
  private topicsReady: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: MessagingRuntimeOptions) {
    const { config, logger } = options;
    this.kafka = createKafka(config, logger);
    this.probeKafka = createKafka({ ...config }, logger, 'health');
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Murmur2, as the Java client: partners' producers put the same key on the same partition.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.relay = new OutboxRelay({ databaseUrl: options.relayDatabaseUrl, serviceName: config.serviceName }, this.producer, logger);
    this.transport = new KafkaEventTransport({
      kafka: this.kafka,
      groupId: config.consumerGroupId,
      topics: options.consumes.map((stream) => topicName(config.topicPrefix, stream)),
      registry: options.registry,
      unitOfWork: options.unitOfWork,
      deadLetters: new DeadLetterPublisher(this.producer, config.consumerGroupId, this.deadLetterTopic),
      retry: config.retry,
      partitionsConsumedConcurrently: config.partitionsConsumedConcurrently,
      logger,
      beforeStart: () => this.ensureTopicsAndProducer(),
    });
  }

  get deadLetterTopic(): string {
    return deadLetterTopicName(this.options.config.consumerGroupId);
  }

  /** Every topic this service writes to or reads from. */
  get topics(): string[] {
    const { config, produces, consumes } = this.options;
    const streams = new Set([...produces, ...consumes]);
    return [...[...streams].map((stream) => topicName(config.topicPrefix, stream)), this.deadLetterTopic];
  }

  start(): void {
    void this.ensureTopicsAndProducer().then(() => this.relay.start());
  }

  /** Leaves the group, relays what is pending (bounded), then disconnects. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.transport.close();
    await this.relay.drain(5_000).catch((error) => this.options.logger.warn('outbox not drained at shutdown', { error: error.message }));
    await this.relay.stop();
    await this.producer.disconnect().catch(() => undefined);
    await this.probeAdmin?.disconnect().catch(() => undefined);
  }

  drainOutbox(timeoutMs?: number): Promise<void> {
    return this.relay.drain(timeoutMs);
  }

  async health(): Promise<KafkaHealth> {
    const [brokerReachable, outbox] = await Promise.all([
      this.probeBroker(),
      this.relay.status().catch((error: Error) => ({ error: error.message })),
    ]);
    return { brokerReachable, consumer: this.transport.consumerState, outbox };
  }

  /** Idempotent: provisioning runs once per process, retried until Kafka answers. */
  private ensureTopicsAndProducer(): Promise<void> {
    this.topicsReady ??= (async () => {
      for (let attempt = 1; !this.stopped; attempt++) {
        const admin = this.kafka.admin();
        try {
          await admin.connect();
          const created = await ensureTopics(
            admin,
            this.topics.map((topic) => ({
              topic,
              numPartitions: this.options.config.topicPartitions,
              replicationFactor: this.options.config.topicReplicationFactor,
            })),
          );
          if (created.length) this.options.logger.log('topics created', { topics: created });
          await this.producer.connect();
          return;
        } catch (error) {
          this.options.logger.warn('kafka not available yet; retrying', { error: (error as Error).message, attempt });
          await sleep(Math.min(5_000, 250 * attempt));
        } finally {
          await admin.disconnect().catch(() => undefined);
        }
      }
    })();
    return this.topicsReady;
  }

  private async probeBroker(): Promise<boolean> {
    try {
      this.probeAdmin ??= this.probeKafka.admin({ retry: { retries: 0 } });
      await this.probeAdmin.connect();
      await withTimeout(this.probeAdmin.describeCluster(), 2_000);
      return true;
    } catch {
      await this.probeAdmin?.disconnect().catch(() => undefined);
      this.probeAdmin = null;
      return false;
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);
}
