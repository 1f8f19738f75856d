import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OfferStatus } from './offer-state';

@Entity('offer')
export class Offer {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'citizen_id', type: 'uuid' })
  citizenId: string;

  @Column({ name: 'period_id', type: 'uuid' })
  periodId: string;

  @Column({ name: 'offer_type' })
  offerType: string;

  @Column({ name: 'provider_code', type: 'text', nullable: true })
  providerCode: string | null;

  @Column({ name: 'planned_start', type: 'date' })
  plannedStart: string;

  @Column({ name: 'planned_end', type: 'date', nullable: true })
  plannedEnd: string | null;

  /** Free text: stays in this service. */
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text' })
  status: OfferStatus;

  @Column({ name: 'started_on', type: 'date', nullable: true })
  startedOn: string | null;

  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn: string | null;

  @Column({ name: 'dropped_on', type: 'date', nullable: true })
  droppedOn: string | null;

  @Column({ name: 'drop_reason', type: 'text', nullable: true })
  dropReason: string | null;

  @Column({ name: 'planned_at', type: 'timestamptz' })
  plannedAt: Date;
}
