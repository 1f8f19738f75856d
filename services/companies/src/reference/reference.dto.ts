import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNumber, IsString, Length, Max, Min } from 'class-validator';
import { IsCode, IsOptionalNotNull } from '../shared/validation';
import { AREA_TEMPLATES } from './area-templates';

// ---- branches ----

export class CreateBranchDto {
  @ApiProperty({ example: 'security', description: 'Branchens kode (entydig i kommunen)' })
  @IsCode()
  code: string;

  @ApiProperty({ example: 'Vagt og sikkerhed', description: 'Navn på dansk' })
  @IsString()
  @Length(1, 100)
  labelDa: string;

  @ApiProperty({ example: 'Security', description: 'Navn på engelsk' })
  @IsString()
  @Length(1, 100)
  labelEn: string;
}

export class ChangeBranchDto {
  @ApiPropertyOptional({ description: 'Nyt navn på dansk' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 100)
  labelDa?: string;

  @ApiPropertyOptional({ description: 'Nyt navn på engelsk' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 100)
  labelEn?: string;

  @ApiPropertyOptional({ description: 'false: branchen kan ikke længere vælges (eksisterende data beholder den)' })
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export const BRANCH_CHANGE_ATTRIBUTES = ['labelDa', 'labelEn', 'active'] as const;

export class BranchView {
  @ApiProperty({ example: 'kitchen-canteen' }) code: string;
  @ApiProperty({ example: 'Køkken og kantine' }) labelDa: string;
  @ApiProperty({ example: 'Kitchen and canteen' }) labelEn: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'true: en af briefens fokusbrancher (standardlisten); false: kommunens egen' }) standard: boolean;
}

// ---- areas ----

export class PutAreaDto {
  @ApiProperty({ example: 'Tingbjerg', description: 'Områdets navn' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: ['housing-area', 'neighbourhood'], description: 'Boligområde (indsatsområde) eller anden bydel' })
  @IsIn(['housing-area', 'neighbourhood'])
  kind: 'housing-area' | 'neighbourhood';

  @ApiProperty({ example: 55.7167, description: 'Områdets omtrentlige midtpunkt: breddegrad' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude: number;

  @ApiProperty({ example: 12.4833, description: 'Længdegrad' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude: number;
}

export class AreaView {
  @ApiProperty({ example: 'tingbjerg' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['housing-area', 'neighbourhood'] }) kind: string;
  @ApiProperty() latitude: number;
  @ApiProperty() longitude: number;
}

export class AreaTemplateParams {
  @ApiProperty({ enum: AREA_TEMPLATES, description: 'Skabelonen: kommunens boligområder og bydele' })
  @IsIn(AREA_TEMPLATES)
  template: (typeof AREA_TEMPLATES)[number];
}

// ---- settings ----

export class CompaniesSettings {
  @ApiProperty({
    example: 30,
    description: 'Timer om ugen fra hvilke en placering regnes som fuldtid: en borger kan ikke have to fuldtidsplaceringer i samme periode',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(60)
  fullTimeHoursPerWeek: number;
}

export class CodeParams {
  @ApiProperty({ example: 'tingbjerg' })
  @IsCode()
  code: string;
}
