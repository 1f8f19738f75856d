import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { BENEFIT_TYPES, BenefitType, EXIT_REASONS, ExitReason, READINESS, Readiness } from '@fremskudt/contracts';
import { IsCalendarDate } from '../case/validation';

export class ExitCitizenDto {
  @ApiProperty({ enum: EXIT_REASONS, description: 'Afgangsårsag; job og uddannelse er positive afgange' })
  @IsIn(EXIT_REASONS)
  reason: ExitReason;

  @ApiProperty({ format: 'date', description: 'Afgangsdato' })
  @IsCalendarDate()
  exitDate: string;
}

export class ReenterCitizenDto {
  @ApiProperty({ format: 'date', description: 'Dato for genindskrivningen (tidligst den seneste afgangsdato)' })
  @IsCalendarDate()
  reentryDate: string;

  @ApiProperty({ example: 'tingbjerg', description: 'Boligområde ved genindskrivningen (kode)' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'must be an area code (lower-case letters, digits, dashes)' })
  areaCode: string;

  @ApiProperty({ enum: BENEFIT_TYPES, description: 'Ydelsestype ved genindskrivningen' })
  @IsIn(BENEFIT_TYPES)
  benefitType: BenefitType;

  @ApiProperty({ enum: READINESS, description: 'Aktivitetsparat eller jobparat ved genindskrivningen' })
  @IsIn(READINESS)
  readiness: Readiness;
}

export class CasePeriodView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) openedOn: string;
  @ApiProperty({ format: 'date', nullable: true, description: 'Afgangsdato; null mens forløbet er åbent' }) closedOn: string | null;
  @ApiProperty({ enum: EXIT_REASONS, nullable: true }) exitReason: string | null;
  @ApiProperty({ description: 'Borgerens aktuelle (eller seneste) forløb' }) current: boolean;
}
