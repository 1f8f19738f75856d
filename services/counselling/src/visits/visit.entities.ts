import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { VisitArrival, VisitorKind } from '@fremskudt/contracts';

export const VISIT_STATUSES = ['waiting', 'in-talk', 'done', 'left'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** One visit at a desk: in the queue (waiting, in talk), then done or left without a talk. */
@Entity('visit')
export class Visit {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  /** Queue order (bigserial, assigned by the database): first checked in, first called. */
  @Column({ name: 'queue_seq', type: 'bigint', insert: false, update: false }) queueSeq: string;
  @Column({ name: 'desk_id', type: 'uuid' }) deskId: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @Column({ name: 'area_code' }) areaCode: string;
  @Column({ name: 'visitor_kind', type: 'text' }) visitorKind: VisitorKind;
  @Column({ name: 'citizen_id', type: 'uuid', nullable: true }) citizenId: string | null;
  @Column({ type: 'text' }) arrival: VisitArrival;
  @Column({ name: 'requested_staff_id', type: 'uuid', nullable: true }) requestedStaffId: string | null;
  @Column({ type: 'text' }) status: VisitStatus;
  @Column({ name: 'checked_in_at', type: 'timestamptz' }) checkedInAt: Date;
  @Column({ name: 'talk_started_at', type: 'timestamptz', nullable: true }) talkStartedAt: Date | null;
  @Column({ name: 'staff_id', type: 'uuid', nullable: true }) staffId: string | null;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ type: 'text', array: true }) topics: string[];
  @Column({ type: 'text', array: true }) actions: string[];
}

/** A referral to a local actor of the desk's area, made in a visit's talk. */
@Entity('referral')
export class Referral {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'visit_id', type: 'uuid' }) visitId: string;
  @Column({ name: 'desk_id', type: 'uuid' }) deskId: string;
  @Column({ name: 'area_code' }) areaCode: string;
  @Column({ name: 'partner_code' }) partnerCode: string;
  @Column({ name: 'citizen_id', type: 'uuid', nullable: true }) citizenId: string | null;
  @Column({ name: 'referred_on', type: 'date' }) referredOn: string;
}
