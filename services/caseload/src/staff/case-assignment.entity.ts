import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One stretch of case responsibility: a consultant (and their team at the time) held a citizen's
 * case from `fromDate` until `toDate` (the day a transfer or exit took effect; null while current).
 * Rows are never deleted, so the history of transfers is kept.
 */
@Entity('case_assignment')
export class CaseAssignment {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'citizen_id', type: 'uuid' })
  citizenId: string;

  @Column({ name: 'consultant_id', type: 'uuid' })
  consultantId: string;

  @Column({ name: 'team_code' })
  teamCode: string;

  @Column({ name: 'from_date', type: 'date' })
  fromDate: string;

  @Column({ name: 'to_date', type: 'date', nullable: true })
  toDate: string | null;

  /** True when forced over the consultant's capacity. */
  @Column({ name: 'over_capacity' })
  overCapacity: boolean;

  /** Why (required when forced over capacity); free text, so never on a topic. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt: Date;
}
