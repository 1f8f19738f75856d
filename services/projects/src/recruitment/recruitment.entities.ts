import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CompanyVisitKind } from '@fremskudt/contracts';

/** An information meeting about a project in a housing area. */
@Entity('information_meeting')
export class InformationMeeting {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId: string;
  @Column({ name: 'area_code' }) areaCode: string;
  @Column({ name: 'held_on', type: 'date' }) heldOn: string;
  @Column({ type: 'integer' }) attendees: number;
  @Column({ type: 'integer' }) interested: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A company visit or bus tour for potential participants. */
@Entity('company_visit')
export class CompanyVisit {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId: string;
  @Column({ type: 'text' }) kind: CompanyVisitKind;
  @Column({ name: 'held_on', type: 'date' }) heldOn: string;
  @Column({ name: 'company_ids', type: 'uuid', array: true }) companyIds: string[];
  @Column({ type: 'integer' }) participants: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export const APPLICATION_STATUSES = ['applied', 'selected', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_DECISIONS = ['selected', 'rejected'] as const;
export type ApplicationDecision = (typeof APPLICATION_DECISIONS)[number];

/** A citizen's application to a project, and the selection. */
@Entity('application')
export class Application {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId: string;
  @Column({ name: 'citizen_id', type: 'uuid' }) citizenId: string;
  @Column({ name: 'applied_on', type: 'date' }) appliedOn: string;
  @Column({ name: 'meeting_id', type: 'uuid', nullable: true }) meetingId: string | null;
  @Column({ type: 'text' }) status: ApplicationStatus;
  @Column({ name: 'decided_on', type: 'date', nullable: true }) decidedOn: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
