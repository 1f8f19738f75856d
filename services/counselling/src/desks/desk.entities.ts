import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('desk')
export class Desk {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'area_code' }) areaCode: string;
  @Column() name: string;
  @Column() location: string;
  @Column() active: boolean;
}

/** One opening of a desk. A visit can only be checked in during an open session. */
@Entity('desk_session')
export class DeskSession {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'desk_id', type: 'uuid' }) deskId: string;
  @Column({ type: 'date' }) date: string;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt: Date;
  @Column({ name: 'planned_close_at', type: 'timestamptz' }) plannedCloseAt: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column() extra: boolean;
  @Column({ name: 'staff_ids', type: 'uuid', array: true }) staffIds: string[];
}

/** A citizen with a case with the outreach team (read model of caseload's citizens topic). */
@Entity('case_citizen')
export class CaseCitizen {
  @PrimaryColumn({ name: 'citizen_id', type: 'uuid' }) citizenId: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'area_code' }) areaCode: string;
  @Column() active: boolean;
}

/** A member of the outreach team (read model of caseload's staff topic). */
@Entity('staff_member')
export class StaffMember {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column() role: string;
  @Column({ name: 'team_code' }) teamCode: string;
  @Column({ name: 'area_codes', type: 'text', array: true }) areaCodes: string[];
  @Column() active: boolean;
  /** The subject the staff member signs in with (caseload's StaffLoginLinked); null until linked. */
  @Column({ name: 'login_subject', type: 'text', nullable: true }) loginSubject: string | null;
}
