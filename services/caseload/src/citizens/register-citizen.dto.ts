import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { BENEFIT_TYPES, READINESS } from '@fremskudt/contracts';
import { IsCalendarDate, IsNotInFuture } from '../case/validation';
import { IsCpr } from './cpr';

export class RegisterCitizenDto {
  @ApiProperty({ example: '010190-1234', description: 'CPR-nummer, DDMMÅÅ-SSSS eller DDMMÅÅSSSS' })
  @IsCpr()
  cpr: string;

  @ApiProperty({ example: 'Amina Hassan', description: 'Fulde navn' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'tingbjerg', description: 'Boligområde (kode)' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'must be an area code (lower-case letters, digits, dashes)' })
  areaCode: string;

  @ApiProperty({ enum: BENEFIT_TYPES, description: 'Ydelsestype' })
  @IsIn(BENEFIT_TYPES)
  benefitType: (typeof BENEFIT_TYPES)[number];

  @ApiProperty({ enum: READINESS, description: 'Aktivitetsparat eller jobparat' })
  @IsIn(READINESS)
  readiness: (typeof READINESS)[number];

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Matchgruppe 1-5, hvis vurderet' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  matchGroup?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 4, description: 'Trin i trappemodellen 0-4, hvis vurderet' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(4)
  step?: number;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Dagen borgeren kom i forløb hos teamet (standard: i dag); en tidligere dag når en eksisterende sag flyttes ind',
  })
  @IsOptional()
  @IsCalendarDate()
  @IsNotInFuture()
  registeredOn?: string;

  @ApiPropertyOptional({ default: false, description: 'Borgeren har brug for tolk' })
  @IsOptional()
  @IsBoolean()
  interpreterNeeded?: boolean;
}

export class CitizenView {
  @ApiProperty({ format: 'uuid', description: 'Pseudonymt id' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date' }) birthDate: string;
  @ApiProperty() areaCode: string;
  @ApiProperty({ enum: BENEFIT_TYPES }) benefitType: string;
  @ApiProperty({ enum: READINESS }) readiness: string;
  @ApiProperty({ type: 'integer', nullable: true }) matchGroup: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) step: number | null;
  @ApiProperty() interpreterNeeded: boolean;
  @ApiProperty({ enum: ['active', 'exited'] }) status: string;
  @ApiProperty({ format: 'uuid', description: 'Det aktuelle (eller seneste) forløb' }) currentPeriodId: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
}
