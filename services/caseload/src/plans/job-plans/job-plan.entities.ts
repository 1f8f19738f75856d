import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A citizen's job plan in one case period; revisions replace its goals, the plan stays. */
@Entity('job_plan')
export class JobPlan {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'citizen_id', type: 'uuid' })
  citizenId: string;

  @Column({ name: 'period_id', type: 'uuid' })
  periodId: string;

  @Column({ name: 'created_on', type: 'date' })
  createdOn: string;

  /** 1 as created; each revision adds one. */
  @Column({ name: 'current_revision', type: 'integer' })
  currentRevision: number;

  /** The date of the latest revision (the creation date until the first revision). */
  @Column({ name: 'last_revised_on', type: 'date' })
  lastRevisedOn: string;

  @Column({ name: 'next_revision_due', type: 'date' })
  nextRevisionDue: string;
}

@Entity('job_plan_revision')
export class JobPlanRevision {
  @Column({ name: 'tenant_id' })
  tenantId: string;

  @PrimaryColumn({ name: 'job_plan_id', type: 'uuid' })
  jobPlanId: string;

  @PrimaryColumn({ type: 'integer' })
  revision: number;

  @Column({ name: 'revised_on', type: 'date' })
  revisedOn: string;

  @Column({ name: 'next_revision_due', type: 'date' })
  nextRevisionDue: string;
}

@Entity('job_plan_goal')
export class JobPlanGoal {
  @Column({ name: 'tenant_id' })
  tenantId: string;

  @PrimaryColumn({ name: 'job_plan_id', type: 'uuid' })
  jobPlanId: string;

  @PrimaryColumn({ type: 'integer' })
  revision: number;

  @PrimaryColumn({ name: 'goal_id', type: 'uuid' })
  goalId: string;

  @Column({ type: 'smallint' })
  position: number;

  @Column()
  kind: string;

  /** The goal's wording: free text, never on a topic. */
  @Column()
  description: string;

  @Column({ name: 'target_date', type: 'date' })
  targetDate: string;
}
