import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ContractRegistry, decodeKafkaRecord, EventEnvelope, EventRejectedError, topicName } from '@fremskudt/contracts';
import { createKafka } from '@fremskudt/messaging';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { ConflictProblem, messagingLogger, PLATFORM_CONFIG, PlatformConfig } from '@fremskudt/service-kit';
import { applyToReadModels, READ_MODEL_STREAMS } from './projections';
import { Rebuild, RebuildState } from './rebuild-state';

/** Every read-model table; a rebuild empties the tenant's rows of each before replaying. */
export const READ_MODEL_TABLES = ['domain_fact', 'case_period', 'citizen_attribute_history', 'reported_citizen', 'project_definition_history'] as const;

type KafkaHeaders = Record<string, Buffer | string | Array<Buffer | string> | undefined>;

const headerStrings = (headers: KafkaHeaders | undefined): Record<string, string> => {
  const strings: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) strings[name] = first.toString();
  }
  return strings;
};

/**
 * The full rebuild: empties the tenant's read models and replays every consumed topic from its
 * beginning into them, with a consumer group of its own, in batches (one transaction per batch).
 * The live consumer keeps running meanwhile: because every projection write is idempotent and
 * order-independent, an event applied by both ends up once, and the read models equal what
 * the incremental path built (a test asserts it). Events another tenant owns are skipped;
 * events the contracts refuse were dead-lettered by the live consumer and are skipped here.
 * It ends when it has read up to the topics' ends as they were at the start.
 */
@Injectable()
export class ReadModelRebuilds implements OnApplicationShutdown {
  private readonly logger = new Logger(ReadModelRebuilds.name);
  private readonly stops = new Set<() => Promise<void>>();

  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(ContractRegistry) private readonly registry: ContractRegistry,
    @Inject(RebuildState) private readonly state: RebuildState,
  ) {}

  /** Empties the tenant's read models and starts the replay; a repeat with the same Idempotency-Key answers the first rebuild. */
  async start(): Promise<Rebuild> {
    const tenant = TenantContext.currentTenant();
    const rebuild: Rebuild = { id: randomUUID(), tenant, status: 'running', startedAt: new Date().toISOString(), finishedAt: null, eventsApplied: 0, messagesRead: 0, error: null };
    const answered = await this.unitOfWork.command(async (manager) => {
      const running = this.state.running(tenant);
      if (running) throw new ConflictProblem('rebuild-running', `Rebuild ${running.id} of the read models is still running`);
      for (const table of READ_MODEL_TABLES) await manager.query(`DELETE FROM ${table}`);
      return { ...rebuild };
    });
    if (answered.id !== rebuild.id) return this.state.find(answered.id) ?? answered;
    this.state.add(rebuild);
    void this.replay(rebuild).then(
      () => Object.assign(rebuild, { status: 'completed', finishedAt: new Date().toISOString() }),
      (error: Error) => {
        this.logger.error({ message: 'read-model rebuild failed', rebuildId: rebuild.id, error: error.message });
        Object.assign(rebuild, { status: 'failed', finishedAt: new Date().toISOString(), error: error.message });
      },
    );
    return { ...rebuild };
  }

  get(id: string): Rebuild | undefined {
    return this.state.find(id);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.stops].map((stop) => stop()));
  }

  private async replay(rebuild: Rebuild): Promise<void> {
    const messaging = this.config.messaging;
    const kafka = createKafka(messaging, messagingLogger('rebuild'), 'rebuild');
    const topics = READ_MODEL_STREAMS.map((stream) => topicName(messaging.topicPrefix, stream));
    const groupId = `${messaging.consumerGroupId}.rebuild.${rebuild.id}`;

    const admin = kafka.admin();
    await admin.connect();
    // Where each partition ends now: the replay is complete when it has read up to there.
    const remaining = new Map<string, bigint>();
    for (const topic of topics) {
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(high) > BigInt(low)) remaining.set(`${topic}:${partition}`, BigInt(high));
      }
    }
    if (remaining.size === 0) {
      await admin.disconnect();
      return;
    }

    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
    let finish!: () => void;
    let fail!: (error: Error) => void;
    const done = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    const stop = async () => {
      await consumer.disconnect().catch(() => undefined);
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
    };
    this.stops.add(stop);
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) fail(payload.error);
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        autoCommit: true,
        partitionsConsumedConcurrently: messaging.partitionsConsumedConcurrently,
        eachBatch: async ({ batch, heartbeat }) => {
          const envelopes: EventEnvelope[] = [];
          for (const message of batch.messages) {
            const envelope = this.decode(message.key?.toString() ?? null, message.value?.toString() ?? null, headerStrings(message.headers));
            if (envelope?.tenant === rebuild.tenant) envelopes.push(envelope);
          }
          if (envelopes.length) {
            const applied = await this.unitOfWork.runForTenant(rebuild.tenant, async (manager) => {
              let count = 0;
              for (const envelope of envelopes) if (await applyToReadModels(manager, envelope)) count++;
              return count;
            });
            rebuild.eventsApplied += applied;
          }
          rebuild.messagesRead += batch.messages.length;
          await heartbeat();
          const key = `${batch.topic}:${batch.partition}`;
          const end = remaining.get(key);
          if (end !== undefined && BigInt(batch.lastOffset()) + 1n >= end) remaining.delete(key);
          if (remaining.size === 0) finish();
        },
      });
      await done;
    } finally {
      this.stops.delete(stop);
      await stop();
    }
  }

  /** The envelope of a record the live consumer would have applied; null for what it dead-lettered. */
  private decode(key: string | null, value: string | null, headers: Record<string, string>): EventEnvelope | null {
    try {
      const envelope = decodeKafkaRecord({ key, value, headers });
      this.registry.validateEnvelope(envelope);
      return envelope;
    } catch (error) {
      if (error instanceof EventRejectedError) return null;
      throw error;
    }
  }
}
