import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNumber, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { LANGUAGE_LEVELS, LanguageLevel, WORK_CONDITIONS, WorkCondition } from '@fremskudt/contracts';
import { IsCode, IsOptionalNotNull } from '../shared/validation';

/** The default reach: how far from home a citizen can work when the consultant does not say. */
export const DEFAULT_MAX_TRAVEL_KM = 10;

export class RecordJobWishDto {
  @ApiProperty({ type: [String], example: ['kitchen-canteen', 'cleaning'], description: 'Ønskede brancher fra kommunens liste, det mest ønskede først' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsCode({ each: true })
  branchCodes: string[];

  @ApiPropertyOptional({ type: [String], example: ['tingbjerg'], description: 'Områder borgeren gerne vil arbejde i (udeladt: hvor som helst inden for rækkevidde)' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsCode({ each: true })
  areaCodes?: string[];

  @ApiPropertyOptional({ example: 10, default: DEFAULT_MAX_TRAVEL_KM, description: 'Hvor langt fra sit boligområde borgeren kan arbejde (km)' })
  @IsOptionalNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(200)
  maxTravelKm?: number;

  @ApiProperty({ example: 20, description: 'Færreste ønskede timer om ugen' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(60)
  hoursMin: number;

  @ApiProperty({ example: 30, description: 'Flest timer om ugen borgeren kan arbejde (ikke under hoursMin)' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(60)
  hoursMax: number;

  @ApiProperty({ enum: LANGUAGE_LEVELS, description: 'Borgerens danskniveau' })
  @IsIn(LANGUAGE_LEVELS)
  languageLevel: LanguageLevel;

  @ApiPropertyOptional({ type: [String], example: ['hygiene-certificate'], description: 'Beviser og certifikater borgeren har (koder)' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsCode({ each: true })
  certificates?: string[];

  @ApiPropertyOptional({ enum: WORK_CONDITIONS, isArray: true, description: 'Arbejdsvilkår borgeren ikke kan tage' })
  @IsOptionalNotNull()
  @IsArray()
  @IsIn(WORK_CONDITIONS, { each: true })
  avoidConditions?: WorkCondition[];

  @ApiPropertyOptional({ description: 'Andre forbehold med konsulentens ord (bliver her; sendes aldrig på hændelser)' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 2000)
  notes?: string;

  @ApiProperty({ format: 'uuid', description: 'Konsulenten der registrerer ønsket' })
  @IsUUID('4')
  recordedBy: string;
}

export class JobWishView {
  @ApiProperty({ format: 'uuid', description: 'Denne udgave af ønsket' }) id: string;
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ type: [String] }) branchCodes: string[];
  @ApiProperty({ type: [String] }) areaCodes: string[];
  @ApiProperty() maxTravelKm: number;
  @ApiProperty() hoursMin: number;
  @ApiProperty() hoursMax: number;
  @ApiProperty({ enum: LANGUAGE_LEVELS }) languageLevel: string;
  @ApiProperty({ type: [String] }) certificates: string[];
  @ApiProperty({ enum: WORK_CONDITIONS, isArray: true }) avoidConditions: string[];
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty({ format: 'date' }) recordedOn: string;
  @ApiProperty({ description: 'Det gældende ønske (false: erstattet af et senere)' }) current: boolean;
}
