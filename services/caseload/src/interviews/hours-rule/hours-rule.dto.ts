import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../validation';

export class RegisterHoursRuleRiskDto {
  @ApiProperty({ format: 'date', description: 'Datoen hvor ydelsen nedsættes eller stopper, som ydelsessystemet oplyser den' })
  @IsCalendarDate()
  benefitEffectDate: string;
}

export class RunHoursRuleJobDto {
  @ApiPropertyOptional({ format: 'date', description: 'Kørselsdato (standard: i dag); til genkørsel af en overset dag, ikke en fremtidig' })
  @IsOptional()
  @IsCalendarDate()
  today?: string;
}

export class HoursRuleNoticeView {
  @ApiProperty({ format: 'uuid' }) noticeId: string;
  @ApiProperty({ enum: ['warning', 'hearing'], description: 'Varsling eller partshøring' }) kind: string;
  @ApiProperty({ format: 'date' }) benefitEffectDate: string;
  @ApiProperty({ format: 'date' }) issuedOn: string;
  @ApiProperty({ format: 'date', description: 'Seneste rettidige dato' }) deadline: string;
}

export class HoursRuleRiskView {
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ description: 'Ydelsen er i risiko (der sendes varsler)' }) atRisk: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Seneste registrerede virkningsdato' }) benefitEffectDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Varsling senest (seks måneder før)' }) warningDeadline: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Partshøring senest (en måned før)' }) hearingDeadline: string | null;
  @ApiProperty({ type: [HoursRuleNoticeView], description: 'Udsendte varslinger og partshøringer, alle virkningsdatoer' }) notices: HoursRuleNoticeView[];
}

export class LateNoticeView {
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ enum: ['warning', 'hearing'] }) notice: string;
  @ApiProperty({ format: 'date' }) benefitEffectDate: string;
  @ApiProperty({ format: 'date' }) deadline: string;
}

export class HoursRuleJobResultView {
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty({ description: 'Borgere med ydelsen i risiko som er gennemgået' }) citizensChecked: number;
  @ApiProperty({ description: 'Varslinger udsendt i denne kørsel' }) issuedWarnings: number;
  @ApiProperty({ description: 'Partshøringer udsendt i denne kørsel' }) issuedHearings: number;
  @ApiProperty({ description: 'Heraf udsendt efter fristen (virkningsdatoen er ikke nået)' }) issuedAfterDeadline: number;
  @ApiProperty({ type: [LateNoticeView], description: 'Ikke udsendt: virkningsdatoen er nået; skal håndteres manuelt' }) skippedLate: LateNoticeView[];
  @ApiProperty({ description: 'Afgåede borgere der er sprunget over' }) skippedExited: number;
  @ApiProperty({ description: 'Borgere hvor kørslen fejlede (logget; prøves igen næste kørsel)' }) failed: number;
}
