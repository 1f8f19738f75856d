import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { BENEFIT_TYPES, READINESS } from '@fremskudt/contracts';
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
}

export class CitizenView {
  @ApiProperty({ format: 'uuid', description: 'Pseudonymt id' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date' }) birthDate: string;
  @ApiProperty() areaCode: string;
  @ApiProperty({ enum: BENEFIT_TYPES }) benefitType: string;
  @ApiProperty({ enum: READINESS }) readiness: string;
  @ApiProperty({ enum: ['active', 'exited'] }) status: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
}
