/**
 * Benchmark: the reporting consumer ingesting a Copenhagen-scale year from Kafka, and the time to
 * compute every goal status of the tenant afterwards.
 *
 * 1. Generates a year of one tenant's events (BENCH_CITIZENS citizens, default 13,000: every
 *    citizen registered, a job plan and its revision, six summoned interviews held or missed,
 *    offers, progression assessments, exits, placements and open-counselling visits in proportion;
 *    at least 300,000 events), validates every payload against its contract, and produces them.
 * 2. Baseline: a bare kafkajs consumer reads the same topics from the beginning and decodes each
 *    record (what any consumer must do at the least).
 * 3. The reporting service (fresh database) consumes them: inbox, projections, one transaction
 *    per batch, as in production. Measured until every event is recorded as processed.
 * 4. Loads Copenhagen's goal file and times GET /goal-statuses for the year (median of 3).
 *
 * The figure is the ratio reporting / baseline in events per second, both measured in this run.
 *
 *   npx nx bench reporting          (BENCH_CITIZENS=13000 by default)
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import {
  ActivationStarted,
  ALL_EVENT_CONTRACTS,
  CitizenExited,
  CitizenRegistered,
  ContractRegistry,
  decodeKafkaRecord,
  encodeKafkaRecord,
  EventContract,
  EXIT_REASONS,
  InterviewHeld,
  InterviewNoShow,
  InterviewSummoned,
  JobPlanCreated,
  JobPlanRevised,
  OfferCompleted,
  OfferPlanned,
  OfferStarted,
  PayloadOf,
  PlacementStarted,
  PROGRESSION_GROUPS,
  ProgressionAssessed,
  StreamDefinition,
  TalkStarted,
  topicName,
  VisitCheckedIn,
  VisitCompleted,
} from '@fremskudt/contracts';
import { asUser, envelopeFor, startTestService, testKafka, uniqueSuffix, uniqueTopicPrefix, waitFor } from '@fremskudt/testing';
import { AppModule, reportingService } from '../src/app.module';

const CITIZENS = Number(process.env.BENCH_CITIZENS ?? 13_000);
const MIN_EVENTS = Number(process.env.BENCH_MIN_EVENTS ?? 300_000);
const TENANT = 'kbh';
/** The year of Copenhagen's goal file (Jobpatruljen 2007), so every goal has a period to compute. */
const YEAR = 2007;
const AREAS = ['tingbjerg', 'hothers-plads', 'aldersrogade', 'lundtoftegade', 'akacieparken', 'urbanplanen'];
const DESKS = Object.fromEntries(AREAS.map((area) => [area, randomUUID()]));
const STAFF = Array.from({ length: 40 }, () => randomUUID());

interface Planned {
  contract: EventContract;
  payload: unknown;
}

/** A deterministic day of the year (YYYY-MM-DD) from a number. */
const dayOf = (n: number) => new Date(Date.UTC(YEAR, 0, 1 + (((n % 360) + 360) % 360))).toISOString().slice(0, 10);
/** The activation interval of the six-month rule, in days (caseload counts calendar months; near enough for load). */
const ACTIVATION_INTERVAL_DAYS = 182;
const later = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** One citizen's year, in the order caseload, companies and counselling would publish it. */
function citizenYear(index: number): Planned[] {
  const citizenId = randomUUID();
  const areaCode = AREAS[index % AREAS.length];
  const opened = dayOf(index % 60);
  const events: Planned[] = [];
  const add = <C extends EventContract>(contract: C, payload: PayloadOf<C>) => events.push({ contract, payload });
  add(CitizenRegistered, {
    citizenId,
    periodId: randomUUID(),
    periodOpenedOn: opened,
    birthDate: `${1945 + (index % 45)}-0${1 + (index % 9)}-1${index % 10}`,
    areaCode,
    benefitType: index % 5 === 0 ? 'integration-benefit' : 'cash-benefit',
    readiness: index % 3 === 0 ? 'job-ready' : 'activity-ready',
    matchGroup: null,
    step: null,
    interpreterNeeded: index % 7 === 0,
    registeredAt: at(opened, 9),
  } as PayloadOf<typeof CitizenRegistered>);
  const jobPlanId = randomUUID();
  const goals = [{ goalId: randomUUID(), kind: 'job' as const, targetDate: later(opened, 300) }];
  add(JobPlanCreated, { citizenId, jobPlanId, createdOn: later(opened, 10), nextRevisionDue: later(opened, 190), goals });
  add(JobPlanRevised, { citizenId, jobPlanId, revision: 2, revisedOn: later(opened, 180), nextRevisionDue: later(opened, 360), goals });
  for (let n = 0; n < 6; n += 1) {
    const interviewId = randomUUID();
    const dueDate = later(opened, 50 * (n + 1));
    const scheduled = later(dueDate, -3);
    const where = { interviewId, place: 'local-office' as const, areaCode, dueDate };
    add(InterviewSummoned, { citizenId, ...where, scheduledAt: at(scheduled, 10) });
    if ((index + n) % 12 === 0) add(InterviewNoShow, { citizenId, ...where, scheduledAt: at(scheduled, 10), followUpDue: later(scheduled, 2) });
    else add(InterviewHeld, { citizenId, ...where, heldOn: scheduled, onTime: true, nextDueDate: later(scheduled, 90) });
  }
  for (let n = 0; n < 2; n += 1) {
    const scores = { professionalSkills: 1 + ((index + n) % 5), jobOrEducationFocus: 3, personalAndSocialCompetences: 3, socialConditions: 2, health: 3 };
    const group = PROGRESSION_GROUPS[(index + n) % PROGRESSION_GROUPS.length];
    add(ProgressionAssessed, {
      citizenId,
      assessmentId: randomUUID(),
      assessedOn: later(opened, 20 + 280 * n),
      scores,
      group,
      outlook: 'ABCD'.includes(group) ? 'good' : 'poor',
    } as PayloadOf<typeof ProgressionAssessed>);
  }
  // Activations as caseload reports them: each start against its due date (six months after the
  // period opened, or after the latest activation started before it), as a timeliness goal reads them.
  let activationDue = later(opened, ACTIVATION_INTERVAL_DAYS);
  const activationStarted = (activationId: string, activationKind: 'offer' | 'placement', activationType: PayloadOf<typeof ActivationStarted>['activationType'], startedOn: string) => {
    const nextDueDate = later(startedOn, ACTIVATION_INTERVAL_DAYS);
    add(ActivationStarted, { citizenId, activationId, activationKind, activationType, startedOn, dueDate: activationDue, onTime: startedOn <= activationDue, nextDueDate });
    activationDue = nextDueDate;
  };
  if (index % 10 < 6) {
    const offerId = randomUUID();
    const offerType = (['course', 'mentor', 'language', 'education'] as const)[index % 4];
    // Some offers start late, after their due date (not for those with a placement after it, to keep the order of starts).
    const startedOn = later(opened, index % 12 === 5 && index % 10 !== 3 ? ACTIVATION_INTERVAL_DAYS + 20 : 30);
    add(OfferPlanned, { citizenId, offerId, offerType, providerCode: null, plannedStart: startedOn, plannedEnd: later(startedOn, 90), activationDueDate: activationDue });
    add(OfferStarted, { citizenId, offerId, offerType, startedOn });
    activationStarted(offerId, 'offer', offerType, startedOn);
    if (index % 2 === 0) add(OfferCompleted, { citizenId, offerId, offerType, completedOn: later(startedOn, 90) });
  }
  if (index % 10 === 3 || index % 10 === 7) {
    const placementId = randomUUID();
    const placementType = index % 4 === 3 ? 'wage-subsidy-job' : 'company-internship';
    const startedOn = later(opened, 140);
    add(PlacementStarted, { placementId, citizenId, companyId: randomUUID(), placementType, hoursPerWeek: 30, startedOn });
    activationStarted(placementId, 'placement', placementType, startedOn);
  }
  for (let n = 0; n < (index % 2) + 1; n += 1) {
    const visitId = randomUUID();
    const day = later(opened, 70 + 100 * n);
    const staffId = STAFF[(index + n) % STAFF.length];
    const visit = { visitId, deskId: DESKS[areaCode], areaCode, visitorKind: 'citizen-with-case' as const, citizenId, arrival: 'walk-in' as const };
    add(VisitCheckedIn, { ...visit, checkedInAt: at(day, 9), requestedStaffId: null });
    add(TalkStarted, { visitId, deskId: DESKS[areaCode], areaCode, staffId, startedAt: at(day, 10), waitedSeconds: 3600 });
    add(VisitCompleted, {
      ...visit,
      staffId,
      checkedInAt: at(day, 9),
      talkStartedAt: at(day, 10),
      endedAt: at(day, 11),
      waitedSeconds: 3600,
      topics: ['hours-rule'],
      actions: ['advice'],
    });
  }
  if (index % 7 === 0) {
    const reason = EXIT_REASONS[index % EXIT_REASONS.length];
    add(CitizenExited, { citizenId, periodId: randomUUID(), reason, exitDate: later(opened, 250), positive: reason === 'job' || reason === 'education' });
  }
  return events;
}

const perSecond = (events: number, ms: number) => Math.round((events / ms) * 1000);

async function produce(prefix: string, planned: Planned[]): Promise<Map<string, number>> {
  const registry = new ContractRegistry(ALL_EVENT_CONTRACTS);
  const byTopic = new Map<string, ReturnType<typeof encodeKafkaRecord>[]>();
  for (const { contract, payload } of planned) {
    registry.validatePayload(contract.type, payload); // a bad generator would only measure the dead-letter path
    const envelope = envelopeFor(contract, payload as never, TENANT);
    const topic = topicName(prefix, contract.stream);
    const records = byTopic.get(topic) ?? [];
    records.push(encodeKafkaRecord(envelope, contract.keyOf(payload as never)));
    byTopic.set(topic, records);
  }
  const kafka = testKafka();
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [...byTopic.keys()].map((topic) => ({ topic, numPartitions: 3 })), waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  for (const [topic, records] of byTopic) {
    for (let offset = 0; offset < records.length; offset += 1_000) {
      await producer.send({ topic, messages: records.slice(offset, offset + 1_000) });
    }
  }
  await producer.disconnect();
  return new Map([...byTopic].map(([topic, records]) => [topic, records.length]));
}

/** The least a consumer does: read every record of the topics from the beginning and decode it. */
async function bareConsumer(topics: string[], expected: number): Promise<number> {
  const consumer = testKafka().consumer({ groupId: `bench-baseline-${uniqueSuffix()}` });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  let seen = 0;
  let started = 0;
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        if (!started) started = performance.now();
        for (const message of batch.messages) {
          const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
          decodeKafkaRecord({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers });
          seen += 1;
        }
        if (seen >= expected) resolve();
      },
    });
  });
  await done;
  const elapsed = performance.now() - started;
  await consumer.disconnect();
  return elapsed;
}

async function main(): Promise<void> {
  if (!process.env.KAFKA_BROKERS) execFileSync('bash', [path.resolve(__dirname, '../../../deploy/local/kafka/kafka.sh'), 'start'], { stdio: 'inherit' });
  const prefix = uniqueTopicPrefix('bench-ingest');
  const planned = Array.from({ length: CITIZENS }, (_, index) => citizenYear(index)).flat();
  const interviews = planned.filter((event) => event.contract === InterviewSummoned).length;
  if (planned.length < MIN_EVENTS) throw new Error(`only ${planned.length} events for ${CITIZENS} citizens; raise BENCH_CITIZENS`);
  const producedAt = performance.now();
  const perTopic = await produce(prefix, planned);
  const produceMs = performance.now() - producedAt;

  const reportedStreams: readonly StreamDefinition[] = reportingService.consumes;
  const topics = reportedStreams.map((stream) => topicName(prefix, stream)).filter((topic) => perTopic.has(topic));
  const expected = topics.reduce((sum, topic) => sum + (perTopic.get(topic) ?? 0), 0);
  if (expected !== planned.length) throw new Error(`reporting consumes ${expected} of the ${planned.length} events: a stream is missing from its consumes`);

  console.error(`produced ${expected} events to ${topics.length} topics in ${(produceMs / 1000).toFixed(1)} s; baseline consumer ...`);
  const baselineMs = await bareConsumer(topics, expected);
  console.error(`baseline read them in ${(baselineMs / 1000).toFixed(1)} s; reporting ...`);

  const service = await startTestService(reportingService, AppModule.forRoot, { topicPrefix: prefix });
  try {
    const ingestStarted = performance.now();
    // Ingested = the service's consumer group has committed every offset of the topics (it
    // commits only after a batch's transaction, and also past events no projection reads).
    const admin = testKafka().admin();
    await admin.connect();
    const ends = new Map<string, number>();
    for (const topic of topics) {
      for (const partition of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}/${partition.partition}`, Number(partition.high));
    }
    await waitFor(
      async () => {
        const committed = await admin.fetchOffsets({ groupId: service.config.messaging.consumerGroupId, topics });
        return committed.every(({ topic, partitions }) => partitions.every((p) => Number(p.offset) >= (ends.get(`${topic}/${p.partition}`) ?? 0)));
      },
      { timeoutMs: 60 * 60_000, intervalMs: 250, what: `reporting to consume all ${expected} events` },
    );
    await admin.disconnect();
    const ingestMs = performance.now() - ingestStarted;
    const [facts] = await service.database.inspect<{ n: number }>(`SELECT count(*)::int AS n FROM domain_fact`);

    const goals = JSON.parse(readFileSync(path.resolve(__dirname, '../goals/kbh-jobpatruljen-2007.json'), 'utf8'));
    const api = () => request(service.http);
    await api().post('/goals/import').use(asUser(TENANT)).send(goals).expect((response) => {
      if (response.status >= 300) throw new Error(`goal import answered ${response.status}: ${JSON.stringify(response.body)}`);
    });
    const statusTimes: number[] = [];
    let goalCount = 0;
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      const response = await api().get(`/goal-statuses?from=${YEAR}-01-01&to=${YEAR}-12-31`).use(asUser(TENANT)).expect(200);
      statusTimes.push(performance.now() - started);
      goalCount = response.body.statuses.length;
    }
    statusTimes.sort((a, b) => a - b);

    const baselineRate = perSecond(expected, baselineMs);
    const reportingRate = perSecond(expected, ingestMs);
    console.log(
      JSON.stringify(
        {
          benchmark: 'reporting: ingest a Copenhagen-scale year, then compute every goal status',
          citizens: CITIZENS,
          events: expected,
          interviews,
          eventsPerTopic: Object.fromEntries([...perTopic].map(([topic, count]) => [topic.slice(prefix.length + 1), count])),
          facts: facts.n,
          produceSeconds: Number((produceMs / 1000).toFixed(1)),
          baselineBareConsumer: { seconds: Number((baselineMs / 1000).toFixed(1)), eventsPerSecond: baselineRate },
          reportingConsumer: { seconds: Number((ingestMs / 1000).toFixed(1)), eventsPerSecond: reportingRate },
          ratioReportingToBaseline: Number((reportingRate / baselineRate).toFixed(3)),
          goalStatuses: { goals: goalCount, medianMs: Math.round(statusTimes[1]), runsMs: statusTimes.map(Math.round) },
        },
        null,
        2,
      ),
    );
  } finally {
    await service.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
