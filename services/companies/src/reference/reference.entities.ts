import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A tenant's own branch, or its override of a default branch (label, retired). The defaults
 * (default-branches.ts) need no rows: the tenant's list is the defaults merged with these.
 */
@Entity('branch')
export class BranchRow {
  @PrimaryColumn({ name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn() code: string;
  @Column({ name: 'label_da' }) labelDa: string;
  @Column({ name: 'label_en' }) labelEn: string;
  @Column() active: boolean;
}

/** An area of the tenant (a housing area or a neighbourhood) with its approximate centre, for distances. */
@Entity('area')
export class AreaRow {
  @PrimaryColumn({ name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn() code: string;
  @Column() name: string;
  @Column() kind: string;
  @Column({ type: 'double precision' }) latitude: number;
  @Column({ type: 'double precision' }) longitude: number;
}

/** The tenant's rules for placements (defaults until the tenant sets its own). */
@Entity('companies_settings')
export class CompaniesSettingsRow {
  @PrimaryColumn({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'full_time_hours_per_week', type: 'double precision' }) fullTimeHoursPerWeek: number;
}
