import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InterviewPlace } from '@fremskudt/contracts';

export type InterviewOutcome = 'held' | 'no-show' | 'cancelled';
export type CancelledBy = 'citizen' | 'job-centre';
/** Where the interview record comes from: a summons, or an interview first known from open counselling. */
export type InterviewSource = 'summons' | 'counselling';

/** A summons and its outcome, or an interview held in open counselling without one. */
@Entity('interview')
export class Interview {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'citizen_id', type: 'uuid' })
  citizenId: string;

  /** The case period the interview belongs to; due dates only count held interviews of the current one. */
  @Column({ name: 'period_id', type: 'uuid' })
  periodId: string;

  @Column({ type: 'text' })
  source: InterviewSource;

  /** Where the citizen was summoned (or, for a counselling record, where it was held). */
  @Column({ type: 'text' })
  place: InterviewPlace;

  @Column({ name: 'area_code', type: 'text', nullable: true })
  areaCode: string | null;

  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true })
  scheduledAt: Date | null;

  @Column({ name: 'summoned_at', type: 'timestamptz', nullable: true })
  summonedAt: Date | null;

  /** The legal deadline: as of the summons while open, as of the outcome once recorded. */
  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ type: 'text', nullable: true })
  outcome: InterviewOutcome | null;

  @Column({ name: 'outcome_recorded_at', type: 'timestamptz', nullable: true })
  outcomeRecordedAt: Date | null;

  @Column({ name: 'held_on', type: 'date', nullable: true })
  heldOn: string | null;

  /** Where it was actually held: open counselling when the citizen took it early at the desk. */
  @Column({ name: 'held_place', type: 'text', nullable: true })
  heldPlace: InterviewPlace | null;

  @Column({ name: 'held_area_code', type: 'text', nullable: true })
  heldAreaCode: string | null;

  @Column({ name: 'on_time', type: 'boolean', nullable: true })
  onTime: boolean | null;

  @Column({ name: 'next_due_date', type: 'date', nullable: true })
  nextDueDate: string | null;

  @Column({ name: 'cancelled_by', type: 'text', nullable: true })
  cancelledBy: CancelledBy | null;

  @Column({ name: 'follow_up_due', type: 'date', nullable: true })
  followUpDue: string | null;

  @Column({ name: 'counselling_visit_id', type: 'uuid', nullable: true })
  counsellingVisitId: string | null;
}
