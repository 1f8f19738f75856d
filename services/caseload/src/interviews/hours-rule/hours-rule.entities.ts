import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HoursRuleNotice as NoticeKind } from '../../rules';

/** A citizen whose benefit the benefit system says would be reduced on `benefitEffectDate`. */
@Entity('hours_rule_risk')
export class HoursRuleRisk {
  @PrimaryColumn({ name: 'citizen_id', type: 'uuid' })
  citizenId: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'benefit_effect_date', type: 'date' })
  benefitEffectDate: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  /** Set when the risk is gone: no further notices. */
  @Column({ name: 'cleared_at', type: 'timestamptz', nullable: true })
  clearedAt: Date | null;
}

/** A warning or hearing issued, at most once per citizen, kind and effective date. */
@Entity('hours_rule_notice')
export class HoursRuleNoticeRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'citizen_id', type: 'uuid' })
  citizenId: string;

  @Column({ type: 'text' })
  kind: NoticeKind;

  @Column({ name: 'benefit_effect_date', type: 'date' })
  benefitEffectDate: string;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Column({ type: 'date' })
  deadline: string;
}
