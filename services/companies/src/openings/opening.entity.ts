import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LanguageLevel, OpeningCloseReason, OpeningType, WorkCondition } from '@fremskudt/contracts';

export const OPENING_STATUSES = ['open', 'filled', 'closed'] as const;
export type OpeningStatus = (typeof OPENING_STATUSES)[number];

/** A job opening a company offers: what, where, how many hours, how many places, and what it requires. */
@Entity('opening')
export class Opening {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId: string;
  @Column({ name: 'opening_type', type: 'text' }) openingType: OpeningType;
  /** Free text: stays here, never on an event. */
  @Column() title: string;
  @Column({ name: 'branch_code' }) branchCode: string;
  @Column({ name: 'area_code' }) areaCode: string;
  @Column({ name: 'hours_per_week', type: 'double precision' }) hoursPerWeek: number;
  @Column({ type: 'integer' }) places: number;
  @Column({ name: 'language_level', type: 'text' }) languageLevel: LanguageLevel;
  @Column({ type: 'text', array: true }) certificates: string[];
  @Column({ type: 'text', array: true }) conditions: WorkCondition[];
  @Column({ type: 'date', nullable: true }) deadline: string | null;
  @Column({ type: 'text' }) status: OpeningStatus;
  @Column({ name: 'published_on', type: 'date' }) publishedOn: string;
  @Column({ name: 'filled_on', type: 'date', nullable: true }) filledOn: string | null;
  @Column({ name: 'closed_on', type: 'date', nullable: true }) closedOn: string | null;
  @Column({ name: 'close_reason', type: 'text', nullable: true }) closeReason: OpeningCloseReason | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
