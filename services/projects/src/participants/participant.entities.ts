import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BenefitType, ExamResult, LeaveReason, PhaseCompletion, Readiness } from '@fremskudt/contracts';

/** A citizen with a case with the outreach team, as caseload's citizens topic describes them (read model). */
@Entity('citizen')
export class CaseloadCitizen {
  @PrimaryColumn({ name: 'citizen_id', type: 'uuid' }) citizenId: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'birth_date', type: 'date' }) birthDate: string;
  @Column({ name: 'area_code' }) areaCode: string;
  @Column({ name: 'benefit_type', type: 'text' }) benefitType: BenefitType;
  @Column({ type: 'text' }) readiness: Readiness;
  @Column({ name: 'match_group', type: 'integer', nullable: true }) matchGroup: number | null;
  @Column({ type: 'integer', nullable: true }) step: number | null;
  @Column({ name: 'interpreter_needed' }) interpreterNeeded: boolean;
  /** False after an exit, until a re-entry. */
  @Column() active: boolean;
}

export const ENROLMENT_STATUSES = ['active', 'left'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** One participant's stay in a project, from enrolment to leaving (or the project's end). */
@Entity('enrolment')
export class Enrolment {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId: string;
  @Column({ name: 'citizen_id', type: 'uuid' }) citizenId: string;
  @Column({ name: 'enrolled_on', type: 'date' }) enrolledOn: string;
  @Column({ name: 'area_code' }) areaCode: string;
  @Column({ name: 'application_id', type: 'uuid', nullable: true }) applicationId: string | null;
  @Column({ type: 'text' }) status: EnrolmentStatus;
  @Column({ name: 'left_on', type: 'date', nullable: true }) leftOn: string | null;
  @Column({ name: 'leave_reason', type: 'text', nullable: true }) leaveReason: LeaveReason | null;
  @Column({ name: 'leave_placement_id', type: 'uuid', nullable: true }) leavePlacementId: string | null;
  @Column({ name: 'replaces_enrolment_id', type: 'uuid', nullable: true }) replacesEnrolmentId: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A participant's stay in one phase: started, then completed, or interrupted by leaving. */
@Entity('enrolment_phase')
export class EnrolmentPhase {
  @PrimaryColumn({ name: 'enrolment_id', type: 'uuid' }) enrolmentId: string;
  @PrimaryColumn({ name: 'phase_code' }) phaseCode: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId: string;
  @Column({ name: 'started_on', type: 'date' }) startedOn: string;
  @Column({ name: 'completed_on', type: 'date', nullable: true }) completedOn: string | null;
  @Column({ name: 'completed_by', type: 'text', nullable: true }) completedBy: PhaseCompletion | null;
  @Column({ name: 'interrupted_on', type: 'date', nullable: true }) interruptedOn: string | null;
}

/** A milestone a participant reached; an exam sitting carries its result (a failed sitting may be followed by another). */
@Entity('milestone_record')
export class MilestoneRecord {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId: string;
  @Column({ name: 'enrolment_id', type: 'uuid' }) enrolmentId: string;
  @Column({ name: 'milestone_code' }) milestoneCode: string;
  @Column({ name: 'reached_on', type: 'date' }) reachedOn: string;
  @Column({ type: 'text', nullable: true }) result: ExamResult | null;
  @Column({ name: 'phase_code', type: 'text', nullable: true }) phaseCode: string | null;
  @Column({ name: 'placement_id', type: 'uuid', nullable: true }) placementId: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
}
