import { EntityManager } from 'typeorm';
import { EventContract, EventEnvelope, PayloadOf } from '@fremskudt/contracts';
import { copenhagenDateOf as copenhagenDateOfInstant } from '@fremskudt/service-kit';
import { FactKind } from './fact-catalog';

/** Citizen attributes kept as dated history, so a population can be taken at any date. */
export const CITIZEN_ATTRIBUTES = ['area', 'benefit-type', 'readiness', 'team'] as const;
export type CitizenAttribute = (typeof CITIZEN_ATTRIBUTES)[number];

export interface FactRow {
  kind: string;
  occurredOn: string;
  citizenId?: string | null;
  /** The place's own area (desks, visits); citizen facts leave it out and count in the citizen's area at the time. */
  areaCode?: string | null;
  /** The thing the fact is about (offer, interview, visit, session), when there is one. */
  subjectId?: string | null;
  attributes?: Record<string, string | number | boolean | null>;
}

/**
 * Writes the read models for one event, in the transaction that records the event as processed.
 * Every write is keyed by the event (or by the aggregate with only the event's own columns
 * set), so applying an event twice, or events of different topics in any order, or a replay
 * next to the live consumer, leaves the same rows: the property the rebuild relies on.
 */
export class ReadModelWriter {
  constructor(
    private readonly manager: EntityManager,
    private readonly envelope: Pick<EventEnvelope, 'id' | 'time'>,
  ) {}

  /** One fact per event: its id is the event's id. */
  async fact(fact: FactRow): Promise<void> {
    await this.manager.query(
      `INSERT INTO domain_fact (tenant_id, fact_id, kind, occurred_on, citizen_id, area_code, subject_id, attributes)
       VALUES (current_setting('app.tenant_id'), $1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, fact_id) DO NOTHING`,
      [this.envelope.id, fact.kind, fact.occurredOn, fact.citizenId ?? null, fact.areaCode ?? null, fact.subjectId ?? null, JSON.stringify(fact.attributes ?? {})],
    );
  }

  async citizenBorn(citizenId: string, birthDate: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO reported_citizen (tenant_id, citizen_id, birth_date) VALUES (current_setting('app.tenant_id'), $1, $2)
       ON CONFLICT (tenant_id, citizen_id) DO UPDATE SET birth_date = EXCLUDED.birth_date`,
      [citizenId, birthDate],
    );
  }

  /** A dated value of a citizen attribute; the latest effective one (then the latest recorded) is the value on a date. */
  attribute(citizenId: string, attribute: CitizenAttribute, value: string, effectiveOn: string): Promise<void> {
    return this.attributes(citizenId, { [attribute]: value }, effectiveOn);
  }

  /** Several attributes effective on the same day, in one statement. */
  async attributes(citizenId: string, values: Partial<Record<CitizenAttribute, string>>, effectiveOn: string): Promise<void> {
    const entries = Object.entries(values);
    await this.manager.query(
      `INSERT INTO citizen_attribute_history (tenant_id, event_id, attribute, citizen_id, value, effective_on, recorded_at)
       SELECT current_setting('app.tenant_id'), $1, attribute, $2, value, $3, $4
         FROM unnest($5::text[], $6::text[]) AS given (attribute, value)
       ON CONFLICT (tenant_id, event_id, attribute) DO NOTHING`,
      [this.envelope.id, citizenId, effectiveOn, this.envelope.time, entries.map(([attribute]) => attribute), entries.map(([, value]) => value)],
    );
  }

  /** Sets when a case period opened; its end (if already known) is left alone. */
  async periodOpened(citizenId: string, periodId: string, openedOn: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO case_period (tenant_id, period_id, citizen_id, opened_on) VALUES (current_setting('app.tenant_id'), $1, $2, $3)
       ON CONFLICT (tenant_id, period_id) DO UPDATE SET opened_on = EXCLUDED.opened_on`,
      [periodId, citizenId, openedOn],
    );
  }

  /** Sets when and why a case period ended; its start (if already known) is left alone. */
  async periodClosed(citizenId: string, periodId: string, closedOn: string, exitReason: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO case_period (tenant_id, period_id, citizen_id, closed_on, exit_reason) VALUES (current_setting('app.tenant_id'), $1, $2, $3, $4)
       ON CONFLICT (tenant_id, period_id) DO UPDATE SET closed_on = EXCLUDED.closed_on, exit_reason = EXCLUDED.exit_reason`,
      [periodId, citizenId, closedOn, exitReason],
    );
  }

  /** One version of a project's definition or goals, keyed by the event (insert-only, so any order gives the same rows). */
  async projectDefinition(version: ProjectDefinitionVersion): Promise<void> {
    await this.manager.query(
      `INSERT INTO project_definition_history
         (tenant_id, event_id, project_id, project_code, aspect, effective_at, template_code, variant_code, start_date, end_date, area_codes, goals)
       VALUES (current_setting('app.tenant_id'), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (tenant_id, event_id) DO NOTHING`,
      [
        this.envelope.id,
        version.projectId,
        version.projectCode,
        version.aspect,
        version.effectiveAt,
        version.templateCode ?? null,
        version.variantCode ?? null,
        version.startDate ?? null,
        version.endDate ?? null,
        version.areaCodes ?? null,
        version.goals === undefined ? null : JSON.stringify(version.goals),
      ],
    );
  }
}

/** A project's definition (created or changed) or its own goals, as published at a moment. */
export interface ProjectDefinitionVersion {
  projectId: string;
  projectCode: string;
  aspect: 'definition' | 'goals';
  /** When it was created, changed or its goals set: the latest by this moment is the project's. */
  effectiveAt: string;
  templateCode?: string | null;
  variantCode?: string | null;
  startDate?: string;
  endDate?: string | null;
  areaCodes?: string[];
  goals?: unknown[];
}

/** How one event type changes the read models. */
export interface Projection {
  contract: EventContract;
  project(payload: unknown, writer: ReadModelWriter, envelope: EventEnvelope): Promise<void>;
}

/** A typed projection of one contract. */
export function projection<C extends EventContract>(
  contract: C,
  project: (payload: PayloadOf<C>, writer: ReadModelWriter, envelope: EventEnvelope) => Promise<void>,
): Projection {
  return { contract, project: (payload, writer, envelope) => project(payload as PayloadOf<C>, writer, envelope) };
}

/** What a stream contributes: the facts it records and how its events are projected. */
export interface StreamProjections {
  facts: readonly FactKind[];
  projections: readonly Projection[];
}

/** The calendar date in Copenhagen of an ISO instant on an event (caseload's and counselling's dates are Copenhagen dates). */
export function copenhagenDateOf(instant: string): string {
  return copenhagenDateOfInstant(new Date(instant));
}
