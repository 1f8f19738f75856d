import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import {
  LANGUAGE_LEVELS,
  LanguageLevel,
  OPENING_CLOSE_REASONS,
  OPENING_TYPES,
  OpeningCloseReason,
  OpeningType,
  WORK_CONDITIONS,
  WorkCondition,
} from '@fremskudt/contracts';
import { IsCalendarDate, IsCode, IsNotInFuture, IsOptionalNotNull } from '../shared/validation';
import { OPENING_STATUSES, OpeningStatus } from './opening.entity';

export class PublishOpeningDto {
  @ApiProperty({ enum: OPENING_TYPES, description: 'Ordinært job, praktikplads, løntilskudsplads eller uddannelsesplads' })
  @IsIn(OPENING_TYPES)
  openingType: OpeningType;

  @ApiProperty({ example: 'Køkkenmedhjælper', description: 'Stillingsbetegnelse (bliver i virksomhedstjenesten)' })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ example: 'kitchen-canteen', description: 'Branche fra kommunens liste (standard: virksomhedens branche)' })
  @IsOptionalNotNull()
  @IsCode()
  branchCode?: string;

  @ApiPropertyOptional({ example: 'tingbjerg', description: 'Hvor arbejdet er (standard: virksomhedens område)' })
  @IsOptionalNotNull()
  @IsCode()
  areaCode?: string;

  @ApiProperty({ example: 25, description: 'Timer om ugen' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(60)
  hoursPerWeek: number;

  @ApiPropertyOptional({ example: 2, default: 1, description: 'Antal pladser' })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(100)
  places?: number;

  @ApiPropertyOptional({ enum: LANGUAGE_LEVELS, default: 'none', description: 'Krævet dansk sprogniveau, mindst' })
  @IsOptionalNotNull()
  @IsIn(LANGUAGE_LEVELS)
  languageLevel?: LanguageLevel;

  @ApiPropertyOptional({ type: [String], example: ['hygiene-certificate'], description: 'Krævede beviser og certifikater (koder, fx hygiene-certificate, forklift-licence, driving-licence-b)' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsCode({ each: true })
  certificates?: string[];

  @ApiPropertyOptional({ enum: WORK_CONDITIONS, isArray: true, description: 'Arbejdsvilkår: nattevagter, weekendarbejde, tidlige morgener, tunge løft, kørsel' })
  @IsOptionalNotNull()
  @IsArray()
  @IsIn(WORK_CONDITIONS, { each: true })
  conditions?: WorkCondition[];

  @ApiPropertyOptional({ format: 'date', description: 'Ansøgningsfrist (sidste dag)' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  deadline?: string;
}

export class FillOpeningDto {
  @ApiPropertyOptional({ format: 'date', description: 'Dagen pladserne blev besat (standard: i dag)' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  @IsNotInFuture()
  filledOn?: string;
}

export class CloseOpeningDto {
  @ApiProperty({ enum: OPENING_CLOSE_REASONS, description: 'Hvorfor jobåbningen lukkes uden at være besat' })
  @IsIn(OPENING_CLOSE_REASONS)
  reason: OpeningCloseReason;

  @ApiPropertyOptional({ format: 'date', description: 'Dagen den lukkede (standard: i dag)' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  @IsNotInFuture()
  closedOn?: string;
}

export class OpeningsQuery {
  @ApiPropertyOptional({ enum: OPENING_STATUSES })
  @IsOptional()
  @IsIn(OPENING_STATUSES)
  status?: OpeningStatus;

  @ApiPropertyOptional({ enum: OPENING_TYPES })
  @IsOptional()
  @IsIn(OPENING_TYPES)
  openingType?: OpeningType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCode()
  branchCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCode()
  areaCode?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  companyId?: string;
}

export class OpeningView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty({ enum: OPENING_TYPES }) openingType: string;
  @ApiProperty() title: string;
  @ApiProperty() branchCode: string;
  @ApiProperty() areaCode: string;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty() places: number;
  @ApiProperty({ enum: LANGUAGE_LEVELS }) languageLevel: string;
  @ApiProperty({ type: [String] }) certificates: string[];
  @ApiProperty({ enum: WORK_CONDITIONS, isArray: true }) conditions: string[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) deadline: string | null;
  @ApiProperty({ enum: OPENING_STATUSES }) status: string;
  @ApiProperty({ format: 'date' }) publishedOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) filledOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) closedOn: string | null;
  @ApiProperty({ enum: OPENING_CLOSE_REASONS, nullable: true }) closeReason: string | null;
}
