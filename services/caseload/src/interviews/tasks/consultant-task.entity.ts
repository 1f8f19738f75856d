import { Column, Entity, PrimaryColumn } from 'typeorm';

export const TASK_KINDS = ['no-show-follow-up', 'hours-rule-warning', 'hours-rule-hearing'] as const;
export const TASK_STATUSES = ['open', 'done'] as const;
/** How the consultant's follow-up went (Slagelse: phone or visit). */
export const TASK_OUTCOMES = ['phoned', 'visited', 'reached-otherwise', 'not-reached'] as const;

export type TaskKind = (typeof TASK_KINDS)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/**
 * Something the citizen's consultant must do by a date. Tasks are internal work, not facts for
 * other services: no events. Who does it is the citizen's case-responsible consultant.
 */
@Entity('consultant_task')
export class ConsultantTask {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'citizen_id', type: 'uuid' })
  citizenId: string;

  @Column({ type: 'text' })
  kind: TaskKind;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ type: 'text' })
  status: TaskStatus;

  /** The no-show the task follows up. */
  @Column({ name: 'interview_id', type: 'uuid', nullable: true })
  interviewId: string | null;

  /** The hours-rule notice the task follows up. */
  @Column({ name: 'notice_id', type: 'uuid', nullable: true })
  noticeId: string | null;

  @Column({ name: 'created_on', type: 'date' })
  createdOn: string;

  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: TaskOutcome | null;
}
