import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('citizen')
export class Citizen {
  /** Pseudonymous id: the only id that leaves this service. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  /**
   * The CPR number, encrypted (CprProtector: AES-256-GCM, key id first). Never in clear in the
   * database; not loaded unless asked for (select: false), as nothing here shows it.
   */
  @Column({ name: 'cpr_encrypted', type: 'bytea', select: false })
  cprEncrypted: Buffer;

  /** The CPR number's keyed hash (HMAC-SHA256): lookup and uniqueness per tenant. */
  @Column({ name: 'cpr_hash', type: 'bytea', select: false })
  cprHash: Buffer;

  @Column()
  name: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ name: 'area_code' })
  areaCode: string;

  @Column({ name: 'benefit_type' })
  benefitType: string;

  @Column()
  readiness: string;

  @Column({ name: 'match_group', type: 'smallint', nullable: true })
  matchGroup: number | null;

  @Column({ type: 'smallint', nullable: true })
  step: number | null;

  @Column({ name: 'interpreter_needed' })
  interpreterNeeded: boolean;

  @Column()
  status: 'active' | 'exited';

  /** The open case period, or the last one when exited. */
  @Column({ name: 'current_period_id', type: 'uuid' })
  currentPeriodId: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
