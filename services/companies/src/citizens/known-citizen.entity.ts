import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A citizen with a case with the outreach team, as caseload's citizens topic tells it: the
 * pseudonymous id, the housing area and whether the case is open. The companies service knows
 * no more about a citizen (no CPR number, no name).
 */
@Entity('known_citizen')
export class KnownCitizen {
  @PrimaryColumn({ name: 'citizen_id', type: 'uuid' }) citizenId: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'area_code' }) areaCode: string;
  @Column() active: boolean;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
