import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MilestoneKind, PartnerKind, PartnerRole, PhaseCompletion, ProjectTemplateCode } from '@fremskudt/contracts';
import type { CohortGoalDefinition, Eligibility } from './project-definition';

/** A contact person at a partner organisation (stays in this service; never on a topic). */
export interface PartnerContact {
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
}

/** An organisation the job centre works with in projects: union, training centre, housing partnership, NGO, … */
@Entity('partner')
export class Partner {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column() code: string;
  @Column() name: string;
  @Column({ type: 'text' }) kind: PartnerKind;
  @Column({ type: 'jsonb' }) contacts: PartnerContact[];
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('project')
export class Project {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column() code: string;
  @Column() name: string;
  @Column({ name: 'template_code', type: 'text', nullable: true }) templateCode: ProjectTemplateCode | null;
  @Column({ name: 'variant_code', type: 'text', nullable: true }) variantCode: string | null;
  @Column({ name: 'target_group', type: 'text', nullable: true }) targetGroup: string | null;
  @Column({ name: 'start_date', type: 'date' }) startDate: string;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate: string | null;
  @Column({ type: 'integer', nullable: true }) capacity: number | null;
  @Column({ name: 'budget_dkk', type: 'integer', nullable: true }) budgetDkk: number | null;
  @Column({ name: 'area_codes', type: 'text', array: true }) areaCodes: string[];
  @Column({ type: 'jsonb' }) eligibility: Eligibility;
  @Column({ type: 'jsonb' }) goals: CohortGoalDefinition[];
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('project_phase')
export class ProjectPhase {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' }) projectId: string;
  @PrimaryColumn() code: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ type: 'integer' }) position: number;
  @Column() name: string;
  @Column({ name: 'planned_weeks', type: 'integer', nullable: true }) plannedWeeks: number | null;
  @Column({ name: 'completed_by', type: 'text' }) completedBy: PhaseCompletion;
  @Column({ name: 'completion_milestone_code', type: 'text', nullable: true }) completionMilestoneCode: string | null;
}

@Entity('project_milestone')
export class ProjectMilestone {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' }) projectId: string;
  @PrimaryColumn() code: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column() name: string;
  @Column({ type: 'text' }) kind: MilestoneKind;
  @Column({ name: 'phase_code', type: 'text', nullable: true }) phaseCode: string | null;
}

/** A partner's part in one project: its roles (the steering group is the partners with `steering-group`). */
@Entity('project_partner')
export class ProjectPartner {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' }) projectId: string;
  @PrimaryColumn({ name: 'partner_id', type: 'uuid' }) partnerId: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ type: 'text', array: true }) roles: PartnerRole[];
  @Column({ name: 'joined_on', type: 'date' }) joinedOn: string;
}
