import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StaffRole } from '@fremskudt/contracts';

/** A consultant, mentor, company consultant or team lead of one tenant's outreach team. */
@Entity('staff_member')
export class StaffMember {
  /** The only staff id that leaves this service; the name stays here. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column()
  name: string;

  /** The identity broker's subject (token `sub`) the staff member signs in with; null until linked. */
  @Column({ name: 'login_subject', type: 'text', nullable: true })
  loginSubject: string | null;

  @Column({ type: 'text' })
  role: StaffRole;

  @Column({ name: 'team_code' })
  teamCode: string;

  @Column({ name: 'area_codes', type: 'text', array: true })
  areaCodes: string[];

  /** Resolved when registered (the tenant's setting unless given), so events always carry the real figure. */
  @Column({ name: 'caseload_capacity', type: 'integer' })
  caseloadCapacity: number;

  @Column()
  active: boolean;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
