import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One fact about a citizen, from this service's events or another service's, for the timeline. */
@Entity('timeline_entry')
export class TimelineEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'citizen_id', type: 'uuid' })
  citizenId: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  /** CloudEvents type, e.g. dk.fremskudt.caseload.interview-held.v1. */
  @Column({ name: 'event_type' })
  eventType: string;

  /** The service the fact comes from: caseload, counselling, companies, projects. */
  @Column()
  source: string;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;
}
