import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProgressionGroup } from '../../rules';

/** A progression assessment: the five scores and the group computed by the rule when it was recorded. */
@Entity('progression_assessment')
export class ProgressionAssessment {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'citizen_id', type: 'uuid' })
  citizenId: string;

  @Column({ name: 'period_id', type: 'uuid' })
  periodId: string;

  @Column({ name: 'assessed_on', type: 'date' })
  assessedOn: string;

  @Column({ name: 'professional_skills', type: 'smallint' })
  professionalSkills: number;

  @Column({ name: 'job_or_education_focus', type: 'smallint' })
  jobOrEducationFocus: number;

  @Column({ name: 'personal_and_social_competences', type: 'smallint' })
  personalAndSocialCompetences: number;

  @Column({ name: 'social_conditions', type: 'smallint' })
  socialConditions: number;

  @Column({ type: 'smallint' })
  health: number;

  @Column({ name: 'progression_group', type: 'text' })
  group: ProgressionGroup;

  @Column({ type: 'text' })
  outlook: 'good' | 'poor';

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
