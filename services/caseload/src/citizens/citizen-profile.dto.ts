import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { BENEFIT_TYPES, BenefitType, READINESS, Readiness } from '@fremskudt/contracts';
import { IsCalendarDate } from '../case/validation';
import { IsOptionalNotNull } from './require-any-of';

export class ChangeCitizenProfileDto {
  @ApiPropertyOptional({ example: 'urbanplanen', description: 'Nyt boligområde (kode)' })
  @IsOptionalNotNull()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'must be an area code (lower-case letters, digits, dashes)' })
  areaCode?: string;

  @ApiPropertyOptional({ enum: BENEFIT_TYPES, description: 'Ny ydelsestype' })
  @IsOptionalNotNull()
  @IsIn(BENEFIT_TYPES)
  benefitType?: BenefitType;

  @ApiPropertyOptional({ enum: READINESS, description: 'Ny vurdering: aktivitetsparat eller jobparat' })
  @IsOptionalNotNull()
  @IsIn(READINESS)
  readiness?: Readiness;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Ny matchgruppe 1-5' })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(5)
  matchGroup?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 4, description: 'Nyt trin i trappemodellen 0-4' })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(4)
  step?: number;

  @ApiPropertyOptional({ description: 'Borgeren har brug for tolk (ingen hændelse, kun tilstand)' })
  @IsOptionalNotNull()
  @IsBoolean()
  interpreterNeeded?: boolean;

  @ApiProperty({ format: 'date', description: 'Dato ændringen gælder fra' })
  @IsCalendarDate()
  effectiveDate: string;
}

export const PROFILE_ATTRIBUTES = ['areaCode', 'benefitType', 'readiness', 'matchGroup', 'step', 'interpreterNeeded'] as const;
