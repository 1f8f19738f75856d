import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgreementKind, CompanyStatus, ContactEventKind, ContactKind, ContactOutcome } from '@fremskudt/contracts';

export interface CompanyAddress {
  street: string;
  postcode: string;
  city: string;
}

export interface CompanyAgreement {
  kind: AgreementKind;
  since: string;
  until: string | null;
}

/** A person at the company the job centre talks to (personal data: stays in this service, never on events). */
export interface ContactPerson {
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
}

@Entity('company')
export class Company {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column() cvr: string;
  @Column() name: string;
  @Column({ name: 'branch_code' }) branchCode: string;
  @Column({ type: 'jsonb', nullable: true }) address: CompanyAddress | null;
  @Column({ name: 'area_code', type: 'text', nullable: true }) areaCode: string | null;
  @Column({ type: 'text' }) status: CompanyStatus;
  @Column({ type: 'jsonb' }) agreements: CompanyAgreement[];
  @Column({ name: 'contact_persons', type: 'jsonb' }) contactPersons: ContactPerson[];
  @Column({ name: 'responsible_staff_id', type: 'uuid', nullable: true }) responsibleStaffId: string | null;
  @Column({ name: 'registered_at', type: 'timestamptz' }) registeredAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** One contact with a company: who had it, about which citizens and openings, the outcome and next step. */
@Entity('company_contact')
export class CompanyContact {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id' }) tenantId: string;
  @Column({ name: 'company_id', type: 'uuid' }) companyId: string;
  @Column({ type: 'text' }) kind: ContactKind;
  @Column({ name: 'event_kind', type: 'text', nullable: true }) eventKind: ContactEventKind | null;
  @Column({ name: 'occurred_on', type: 'date' }) occurredOn: string;
  @Column({ name: 'staff_id', type: 'uuid' }) staffId: string;
  @Column({ name: 'citizen_ids', type: 'uuid', array: true }) citizenIds: string[];
  @Column({ name: 'opening_ids', type: 'uuid', array: true }) openingIds: string[];
  @Column({ type: 'text' }) outcome: ContactOutcome;
  /** Free text: stays here, never on an event. */
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Column({ name: 'next_step', type: 'text', nullable: true }) nextStep: string | null;
  @Column({ name: 'next_step_on', type: 'date', nullable: true }) nextStepOn: string | null;
  @Column({ name: 'logged_at', type: 'timestamptz' }) loggedAt: Date;
}
