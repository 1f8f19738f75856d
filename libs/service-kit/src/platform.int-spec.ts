import { Controller, DynamicModule, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { CitizenRegistered, CitizensStream, PayloadOf } from '@fremskudt/contracts';
import { KafkaEventContext, MessagingTables1763900000000, NonRetryableError } from '@fremskudt/messaging';
import { enableTenantIsolation } from '@fremskudt/persistence';
import { envelopeFor, headerText, produceEvents, readTopic, startTestService, TestService, uniqueTopicPrefix, waitFor } from '@fremskudt/testing';
import { PlatformConfig } from './config/platform-config';
import { PlatformModule } from './platform.module';
import { ServiceDefinition } from './service-definition';

class Effects1763900000500 implements MigrationInterface {
  name = 'Effects1763900000500';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE effect (tenant_id text NOT NULL, citizen_id uuid NOT NULL, attempt int NOT NULL)`);
    await enableTenantIsolation(queryRunner, 'effect');
  }
  async down(): Promise<void> {}
}

/** Fails by area code: `flaky` on its first two attempts, `broken` always, `refused` without retries. */
@Controller()
class ProbeHandler {
  static attempts = new Map<string, number>();

  @EventPattern(CitizenRegistered.type)
  async handle(@Payload() event: PayloadOf<typeof CitizenRegistered>, @Ctx() context: KafkaEventContext): Promise<void> {
    const attempt = (ProbeHandler.attempts.get(event.citizenId) ?? 0) + 1;
    ProbeHandler.attempts.set(event.citizenId, attempt);
    // The write happens before the failure: a failed attempt must leave nothing behind.
    await context.manager.query(`INSERT INTO effect (tenant_id, citizen_id, attempt) VALUES ($1, $2, $3)`, [
      context.envelope.tenant,
      event.citizenId,
      attempt,
    ]);
    if (event.areaCode === 'flaky' && attempt <= 2) throw new Error(`transient failure ${attempt}`);
    if (event.areaCode === 'broken') throw new Error('handler always fails');
    if (event.areaCode === 'refused') throw new NonRetryableError('a rule refuses this event');
  }
}

const probeService: ServiceDefinition = {
  name: 'probe',
  defaultPort: 0,
  title: 'probe',
  description: 'A service that exists only in this test',
  entities: [],
  migrations: [MessagingTables1763900000000, Effects1763900000500],
  produces: [],
  consumes: [CitizensStream],
};

@Module({})
class ProbeModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return { module: ProbeModule, imports: [PlatformModule.forService(probeService, config)], controllers: [ProbeHandler] };
  }
}

describe('Kafka transport: retries, atomic effects and dead letters (real PostgreSQL and Kafka)', () => {
  let service: TestService;
  const prefix = uniqueTopicPrefix('transport');

  beforeAll(async () => {
    service = await startTestService(probeService, ProbeModule.forRoot, { topicPrefix: prefix, env: { CONSUMER_MAX_ATTEMPTS: '3' } });
  });
  afterAll(() => service?.dispose());

  const event = (areaCode: string) =>
    envelopeFor(
      CitizenRegistered,
      { citizenId: randomUUID(), birthDate: '1980-01-01', areaCode, benefitType: 'cash-benefit', readiness: 'job-ready', periodId: randomUUID(), periodOpenedOn: '2025-03-01', matchGroup: 4, step: 1, interpreterNeeded: true, registeredAt: new Date().toISOString() },
      'kbh',
    );

  const effects = (citizenId: string) =>
    service.database.inspect<{ attempt: number }>(`SELECT attempt FROM effect WHERE citizen_id = $1`, [citizenId]);

  it('retries a transient failure; only the successful attempt leaves its effect', async () => {
    const flaky = event('flaky');
    await produceEvents(prefix, [{ contract: CitizenRegistered, envelope: flaky }]);
    await waitFor(async () => (await effects(flaky.data.citizenId)).length > 0, { what: 'the effect of the third attempt' });
    expect(await effects(flaky.data.citizenId)).toEqual([{ attempt: 3 }]);
  });

  it('dead-letters a handler that keeps failing, with attempts and error, and carries on', async () => {
    const broken = event('broken');
    const refused = event('refused');
    const fine = event('fine');
    await produceEvents(prefix, [broken, refused, fine].map((envelope) => ({ contract: CitizenRegistered, envelope })));
    const letters = await readTopic(service.messaging.deadLetterTopic, 2);
    const byCitizen = new Map(letters.map((letter) => [letter.key?.toString(), letter]));

    const brokenLetter = byCitizen.get(broken.data.citizenId)!;
    expect(headerText(brokenLetter, 'dlt_reason')).toBe('handler-failed');
    expect(headerText(brokenLetter, 'dlt_error')).toBe('handler always fails');
    expect(headerText(brokenLetter, 'dlt_attempts')).toBe('3');
    expect(headerText(brokenLetter, 'ce_id')).toBe(broken.id);
    expect(JSON.parse(brokenLetter.value!.toString())).toEqual(broken.data);

    const refusedLetter = byCitizen.get(refused.data.citizenId)!;
    expect(headerText(refusedLetter, 'dlt_attempts')).toBe('1');
    expect(headerText(refusedLetter, 'dlt_error')).toBe('a rule refuses this event');

    await waitFor(async () => (await effects(fine.data.citizenId)).length === 1, { what: 'the event after the dead letters' });
    expect(await effects(broken.data.citizenId)).toEqual([]);
    expect(await effects(refused.data.citizenId)).toEqual([]);
  });

  it('reports readiness from the consumer, and not ready once it has stopped', async () => {
    expect((await service.messaging.health()).consumer.state).toBe('running');
    await service.messaging.transport.close();
    expect((await service.messaging.health()).consumer.state).toBe('stopped');
  });
});
