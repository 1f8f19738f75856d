import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { PARTNER_KINDS, PartnerKind } from '@fremskudt/contracts';
import { IsCode, IsOptionalNotNull } from '../shared/validation';

export class PartnerContactDto {
  @ApiProperty({ example: 'Hanne Jensen', description: 'Kontaktpersonens navn (bliver i projekttjenesten)' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: 'Konsulent', description: 'Kontaktpersonens rolle hos partneren' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 200)
  role?: string;

  @ApiPropertyOptional({ example: 'hanne@foa.dk' })
  @IsOptionalNotNull()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: '+45 12 34 56 78' })
  @IsOptionalNotNull()
  @IsString()
  @Length(4, 40)
  phone?: string;
}

export class CreatePartnerDto {
  @ApiProperty({ example: 'foa', description: 'Partnerens kode (entydig i kommunen; sendes på emner)' })
  @IsCode()
  code: string;

  @ApiProperty({ example: 'FOA' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: PARTNER_KINDS, description: 'Slags organisation' })
  @IsIn(PARTNER_KINDS)
  kind: PartnerKind;

  @ApiPropertyOptional({ type: [PartnerContactDto], description: 'Kontaktpersoner' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartnerContactDto)
  contacts?: PartnerContactDto[];
}

export const PARTNER_CHANGE_ATTRIBUTES = ['name', 'kind', 'contacts'] as const;

export class ChangePartnerDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: PARTNER_KINDS })
  @IsOptionalNotNull()
  @IsIn(PARTNER_KINDS)
  kind?: PartnerKind;

  @ApiPropertyOptional({ type: [PartnerContactDto], description: 'Erstatter kontaktpersonerne' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartnerContactDto)
  contacts?: PartnerContactDto[];
}

export class PartnersQuery {
  @ApiPropertyOptional({ enum: PARTNER_KINDS })
  @IsOptional()
  @IsIn(PARTNER_KINDS)
  kind?: PartnerKind;
}

export class PartnerContactView {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) role: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
}

export class PartnerView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PARTNER_KINDS }) kind: PartnerKind;
  @ApiProperty({ type: [PartnerContactView] }) contacts: PartnerContactView[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
