import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CitizenAssigned,
  CitizenAreaChanged,
  CitizenExited,
  CitizenRegistered,
  DeskSessionOpened,
  EventContract,
  ExitReason,
  InterviewHeld,
  InterviewNoShow,
  InterviewSummoned,
  JobPlanCreated,
  OfferCompleted,
  OfferStarted,
  OfferType,
  PlacementStarted,
} from '@fremskudt/contracts';
import { topicName } from '@fremskudt/contracts';
import { fieldsOf, KBH, serviceTestbed, SLAGELSE, testKafka, UNKNOWN_ID, waitFor } from '@fremskudt/testing';
import { AppModule, reportingService } from '../../src/app.module';
import { READ_MODEL_STREAMS } from '../../src/read-models';

export { fieldsOf, KBH, SLAGELSE, UNKNOWN_ID };

/** An event as another service would publish it: the contract, the payload, and a fixed id (so it can be delivered twice). */
export interface PlayedEvent {
  contract: EventContract;
  payload: unknown;
  id: string;
}

const event = (contract: EventContract, payload: unknown): PlayedEvent => ({ contract, payload, id: randomUUID() });

/**
 * Builders of the events the reporting service consumes, as caseload, counselling and companies
 * publish them, for one citizen at a time. Dates are plain calendar dates.
 */
export class CitizenStory {
  readonly citizenId = randomUUID();
  private periodId = randomUUID();
  readonly events: PlayedEvent[] = [];

  constructor(
    readonly areaCode: string,
    registeredOn: string,
    { birthDate = '1975-06-15', benefitType = 'cash-benefit' as const } = {},
  ) {
    this.events.push(
      event(CitizenRegistered, {
        citizenId: this.citizenId,
        periodId: this.periodId,
        periodOpenedOn: registeredOn,
        birthDate,
        areaCode,
        benefitType,
        readiness: 'activity-ready',
        matchGroup: null,
        step: null,
        interpreterNeeded: false,
        registeredAt: `${registeredOn}T09:00:00Z`,
      }),
    );
  }

  jobPlan(createdOn: string): this {
    this.events.push(
      event(JobPlanCreated, {
        citizenId: this.citizenId,
        jobPlanId: randomUUID(),
        createdOn,
        nextRevisionDue: createdOn,
        goals: [{ goalId: randomUUID(), kind: 'job', targetDate: createdOn }],
      }),
    );
    return this;
  }

  offer(offerType: OfferType, startedOn: string, completedOn?: string): this {
    const offerId = randomUUID();
    this.events.push(event(OfferStarted, { citizenId: this.citizenId, offerId, offerType, startedOn }));
    if (completedOn) this.events.push(event(OfferCompleted, { citizenId: this.citizenId, offerId, offerType, completedOn }));
    return this;
  }

  exit(reason: ExitReason, exitDate: string): this {
    this.events.push(event(CitizenExited, { citizenId: this.citizenId, periodId: this.periodId, reason, exitDate, positive: reason === 'job' || reason === 'education' }));
    this.periodId = randomUUID();
    return this;
  }

  moved(to: string, effectiveDate: string): this {
    this.events.push(event(CitizenAreaChanged, { citizenId: this.citizenId, from: this.areaCode, to, effectiveDate }));
    return this;
  }

  assigned(teamCode: string, effectiveDate: string): this {
    this.events.push(event(CitizenAssigned, { citizenId: this.citizenId, consultantId: randomUUID(), teamCode, effectiveDate, overCapacity: false }));
    return this;
  }

  /** A summons due on `dueDate`, then held on `heldOn` (on time when not after the due date) or a no-show. */
  interview(dueDate: string, outcome: { heldOn: string } | 'no-show'): this {
    const base = { citizenId: this.citizenId, interviewId: randomUUID(), place: 'local-office' as const, areaCode: this.areaCode, dueDate };
    this.events.push(event(InterviewSummoned, { ...base, scheduledAt: `${dueDate}T08:00:00Z` }));
    if (outcome === 'no-show') this.events.push(event(InterviewNoShow, { ...base, scheduledAt: `${dueDate}T08:00:00Z`, followUpDue: dueDate }));
    else this.events.push(event(InterviewHeld, { ...base, heldOn: outcome.heldOn, onTime: outcome.heldOn <= dueDate, nextDueDate: dueDate }));
    return this;
  }

  placement(startedOn: string): this {
    this.events.push(
      event(PlacementStarted, {
        placementId: randomUUID(),
        citizenId: this.citizenId,
        companyId: randomUUID(),
        placementType: 'company-internship',
        hoursPerWeek: 20,
        startedOn,
      }),
    );
    return this;
  }
}

/** Counselling opened a desk session in an area on a date. */
export const deskOpened = (areaCode: string, date: string): PlayedEvent =>
  event(DeskSessionOpened, {
    deskId: randomUUID(),
    sessionId: randomUUID(),
    areaCode,
    date,
    openedAt: `${date}T07:30:00Z`,
    plannedCloseAt: `${date}T10:30:00Z`,
    staffIds: [randomUUID()],
    extra: false,
  });

/** The Copenhagen 2007 goal file the service ships (services/reporting/goals). */
export function copenhagenGoalFile(): { tenant: string; goals: Array<Record<string, unknown> & { id: string }> } {
  return JSON.parse(readFileSync(path.join(__dirname, '../../goals/kbh-jobpatruljen-2007.json'), 'utf8'));
}

/** One reporting service with its own database and topic prefix per test file, and event playback. */
export function reportingTestbed(label: string) {
  const testbed = serviceTestbed(label, reportingService, AppModule.forRoot, { probe: false });

  /** Plays the events (their ids fixed, so playing them again is a redelivery) as the tenant's. */
  const playEvents = (tenant: string, events: PlayedEvent[]) => testbed.play(tenant, events.map(({ contract, payload, id }) => ({ contract, payload, id })));

  /** Waits until the reporting inbox holds all the events (each processed once). */
  const processed = (events: PlayedEvent[]) =>
    testbed.eventually<{ n: number }>(
      `SELECT count(*)::int AS n FROM processed_event WHERE event_id = ANY($1::uuid[])`,
      [events.map((e) => e.id)],
      (rows) => rows[0].n === events.length,
      `${events.length} events processed`,
    );

  /**
   * Waits until the service's consumer group has committed every message on the topics it reads
   * (it commits only after an event's transaction, so then everything played has been handled,
   * duplicates included).
   */
  const caughtUp = async (timeoutMs = 30_000) => {
    const admin = testKafka().admin();
    await admin.connect();
    try {
      const groupId = testbed.service.config.messaging.consumerGroupId;
      const topics = READ_MODEL_STREAMS.map((stream) => topicName(testbed.prefix, stream));
      await waitFor(
        async () => {
          for (const topic of topics) {
            const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
            const committedBy = new Map(committed.partitions.map((p) => [p.partition, BigInt(p.offset)]));
            if (ends.some((end) => BigInt(end.high) > BigInt(end.low) && (committedBy.get(end.partition) ?? -1n) < BigInt(end.high))) return false;
          }
          return true;
        },
        { timeoutMs, intervalMs: 100, what: `consumer group ${groupId} to catch up` },
      );
    } finally {
      await admin.disconnect();
    }
  };

  return {
    get service() {
      return testbed.service;
    },
    prefix: testbed.prefix,
    api: testbed.api,
    inspect: testbed.inspect,
    eventually: testbed.eventually,
    openApiDocument: testbed.openApiDocument,
    playEvents,
    processed,
    caughtUp,
  };
}

/** A CSV document as the service writes it (byte-order mark, CRLF, RFC 4180 quoting) read back into its lines' fields. */
export function csvRows(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') field += body[++i];
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}

/** A CSV document's lines as records by its header's columns. */
export function csvRecords(text: string, separator = ';'): { columns: string[]; records: Array<Record<string, string>> } {
  const [columns, ...rows] = csvRows(text, separator);
  return { columns, records: rows.map((row) => Object.fromEntries(row.map((value, i) => [columns[i], value]))) };
}
