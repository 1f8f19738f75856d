import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ExceptionKind } from './schedule';

/** One weekly opening of a desk; replaced (not deleted) when the weekly schedule is replaced. */
@Entity('desk_opening_hours')
export class DeskOpeningHours {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'desk_id', type: 'uuid' }) deskId: string;
  @Column({ type: 'smallint' }) weekday: number;
  /** PostgreSQL answers 'HH:MM:SS'; the API speaks 'HH:MM'. */
  @Column({ type: 'time' }) opens: string;
  @Column({ type: 'time' }) closes: string;
  @Column({ name: 'replaced_at', type: 'timestamptz', nullable: true }) replacedAt: Date | null;
}

/** A closed day or an extra session of a desk; removed (not deleted) when withdrawn. */
@Entity('desk_exception')
export class DeskException {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'desk_id', type: 'uuid' }) deskId: string;
  @Column({ type: 'date' }) date: string;
  @Column({ type: 'text' }) kind: ExceptionKind;
  @Column({ type: 'time', nullable: true }) opens: string | null;
  @Column({ type: 'time', nullable: true }) closes: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true }) removedAt: Date | null;
}
