import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LanguageLevel, WorkCondition } from '@fremskudt/contracts';

/** One version of a citizen's job wish; the current one has no `replacedAt`. */
@Entity('job_wish')
export class JobWish {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'citizen_id', type: 'uuid' }) citizenId: string;
  @Column({ name: 'branch_codes', type: 'text', array: true }) branchCodes: string[];
  @Column({ name: 'area_codes', type: 'text', array: true }) areaCodes: string[];
  @Column({ name: 'max_travel_km', type: 'double precision' }) maxTravelKm: number;
  @Column({ name: 'hours_min', type: 'double precision' }) hoursMin: number;
  @Column({ name: 'hours_max', type: 'double precision' }) hoursMax: number;
  @Column({ name: 'language_level', type: 'text' }) languageLevel: LanguageLevel;
  @Column({ type: 'text', array: true }) certificates: string[];
  @Column({ name: 'avoid_conditions', type: 'text', array: true }) avoidConditions: WorkCondition[];
  /** Other constraints in the consultant's words (childcare hours, health): stays here, never on an event. */
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @Column({ name: 'recorded_on', type: 'date' }) recordedOn: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
  @Column({ name: 'replaced_at', type: 'timestamptz', nullable: true }) replacedAt: Date | null;
}
