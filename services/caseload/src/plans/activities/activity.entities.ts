import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ActivityKind = 'home-visit' | 'round-table-meeting';

@Entity('activity')
export class Activity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'citizen_id', type: 'uuid' })
  citizenId: string;

  @Column({ name: 'period_id', type: 'uuid' })
  periodId: string;

  @Column({ type: 'text' })
  kind: ActivityKind;

  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  /** Free text: stays in this service. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

@Entity('activity_local_actor')
export class ActivityLocalActor {
  @Column({ name: 'tenant_id' })
  tenantId: string;

  @PrimaryColumn({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  @PrimaryColumn()
  code: string;

  /** The actor's name (e.g. the housing association's social worker): stays in this service. */
  @Column()
  name: string;

  @Column({ type: 'smallint' })
  position: number;
}
