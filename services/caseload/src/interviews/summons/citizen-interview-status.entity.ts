import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A citizen's interview state in the current case period, kept by every summons, outcome and
 * counselling interview, so "next due interview" is one indexed read. For citizens without a row
 * (no interview activity in the current period yet) read the view `citizen_interview_due`, which
 * falls back to the period's opening date plus the tenant's interval.
 */
@Entity('citizen_interview_status')
export class CitizenInterviewStatus {
  @PrimaryColumn({ name: 'citizen_id', type: 'uuid' })
  citizenId: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  /** The period the row describes; a row of an earlier period is stale after a re-entry. */
  @Column({ name: 'period_id', type: 'uuid' })
  periodId: string;

  @Column({ name: 'last_held_on', type: 'date', nullable: true })
  lastHeldOn: string | null;

  @Column({ name: 'next_due_date', type: 'date' })
  nextDueDate: string;

  /** The earliest open summons, if any. */
  @Column({ name: 'next_scheduled_at', type: 'timestamptz', nullable: true })
  nextScheduledAt: Date | null;

  @Column({ name: 'open_summonses', type: 'integer' })
  openSummonses: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
