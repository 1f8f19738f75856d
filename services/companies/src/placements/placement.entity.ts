import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PlacementEndReason, PlacementType } from '@fremskudt/contracts';

export const PLACEMENT_STATUSES = ['planned', 'started', 'ended'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

/** A citizen's placement in a company: planned, started, ended (with the reason). */
@Entity('placement')
export class Placement {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'citizen_id', type: 'uuid' }) citizenId: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId: string;
  @Column({ name: 'opening_id', type: 'uuid', nullable: true }) openingId: string | null;
  @Column({ name: 'placement_type', type: 'text' }) placementType: PlacementType;
  @Column({ name: 'hours_per_week', type: 'double precision' }) hoursPerWeek: number;
  @Column({ type: 'text' }) status: PlacementStatus;
  @Column({ name: 'planned_start', type: 'date' }) plannedStart: string;
  @Column({ name: 'planned_end', type: 'date', nullable: true }) plannedEnd: string | null;
  @Column({ name: 'started_on', type: 'date', nullable: true }) startedOn: string | null;
  @Column({ name: 'ended_on', type: 'date', nullable: true }) endedOn: string | null;
  @Column({ name: 'end_reason', type: 'text', nullable: true }) endReason: PlacementEndReason | null;
  /** The job centre's mentor following the citizen (a staff id), if any. */
  @Column({ name: 'mentor_staff_id', type: 'uuid', nullable: true }) mentorStaffId: string | null;
  /** The company's own mentor or contact for the citizen (a name: stays here). */
  @Column({ name: 'company_mentor', type: 'text', nullable: true }) companyMentor: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
