import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DIRECTIONS, GOAL_KINDS } from './goal-definition';
import { PERIOD_TYPES } from './periods';

/** Area, team and project codes: the contracts' Code pattern. */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const CODE_MESSAGE = 'must be a code (lower-case letters, digits, dashes)';
/** Goal ids are chosen by the tenant (stable across versions and files), e.g. jp2007-jobplaner. */
export const GOAL_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;
const GOAL_ID_MESSAGE = 'must be a goal id (lower-case letters, digits, dashes; at most 100)';

export class LocalisedNameDto {
  @ApiProperty({ example: 'Kontanthjælpsmodtagere med jobplan', description: 'Navn på dansk' })
  @IsString()
  @Length(1, 300)
  da: string;

  @ApiProperty({ example: 'Cash-benefit recipients with a job plan', description: 'Navn på engelsk' })
  @IsString()
  @Length(1, 300)
  en: string;
}

export class ScopeDto {
  @ApiPropertyOptional({ type: [String], example: ['tingbjerg', 'urbanplanen'], description: 'Boligområder (koder); udeladt: alle' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(CODE_PATTERN, { each: true, message: CODE_MESSAGE })
  areas?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Teams (koder, den sagsansvarliges team); udeladt: alle' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(CODE_PATTERN, { each: true, message: CODE_MESSAGE })
  teams?: string[];

  @ApiPropertyOptional({
    example: 'stafetten-2007',
    description: 'Et projekt (kode eller id): populationen er projektets deltagere; andre hændelser tæller, når borgeren deltog i projektet den dag',
  })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  project?: string;
}

export class PeriodDto {
  @ApiProperty({ enum: PERIOD_TYPES, description: 'year, half-year, quarter, month eller range' })
  @IsIn(PERIOD_TYPES)
  type: (typeof PERIOD_TYPES)[number];

  @ApiPropertyOptional({ example: 2007, description: 'Året (alle typer undtagen range)' })
  @IsOptional()
  @IsInt()
  year?: number;

  @ApiPropertyOptional({ enum: [1, 2], description: 'Halvår (half-year)' })
  @IsOptional()
  @IsInt()
  half?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 4, description: 'Kvartal (quarter)' })
  @IsOptional()
  @IsInt()
  quarter?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 12, description: 'Måned (month)' })
  @IsOptional()
  @IsInt()
  month?: number;

  @ApiPropertyOptional({ format: 'date', description: 'Første dag (range)' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Sidste dag, inklusive (range)' })
  @IsOptional()
  @IsString()
  to?: string;
}

export class RelativeTargetDto {
  @ApiProperty({ type: ScopeDto, description: 'Sammenligningsgruppen, fx hele jobcentret ({})' })
  @ValidateNested()
  @Type(() => ScopeDto)
  scope: ScopeDto;

  @ApiPropertyOptional({ default: 1, description: 'Måltallet er sammenligningsgruppens realiserede værdi gange factor plus offset' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  factor?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  offset?: number;
}

export class TargetDto {
  @ApiPropertyOptional({ example: 0.9, description: 'Absolut måltal: andele som brøk (0,9 = 90 %), antal, rate pr. borger pr. måned' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number;

  @ApiPropertyOptional({ type: RelativeTargetDto, description: 'Måltal i forhold til en sammenligningsgruppes niveau i samme periode' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RelativeTargetDto)
  relativeTo?: RelativeTargetDto;
}

const DEFINITION_DESCRIPTION =
  'Datadefinitionen, der gør tæller, nævner og population eksplicit. share: {population, numerator} eller {numeratorEvents, denominatorEvents}; ' +
  'count: {events, distinctCitizens?}; rate: {events, population?}; timeliness: {of: "interviews"}; cohort: {start, reach, withinWeeks, population?}; ' +
  'milestone: {events, deadline?}; manual: {}. population: {inCase, benefitTypes, readiness, age: {min, max, on}, having}; ' +
  'prædikater: {fact, where, within, after} | {currentJobPlan: true} | {anyOf} | {allOf} | {not}; hændelser: {fact, where}.';

export class GoalDto {
  @ApiProperty({ example: 'jp2007-jobplaner', description: 'Målets id (vælges af kommunen; det samme på tværs af versioner)' })
  @Matches(GOAL_ID_PATTERN, { message: GOAL_ID_MESSAGE })
  id: string;

  @ApiProperty({ type: LocalisedNameDto })
  @ValidateNested()
  @Type(() => LocalisedNameDto)
  name: LocalisedNameDto;

  @ApiProperty({ type: ScopeDto, description: 'Hvem målet gælder: hele kommunen ({}), områder, teams eller et projekt' })
  @ValidateNested()
  @Type(() => ScopeDto)
  scope: ScopeDto;

  @ApiProperty({ type: PeriodDto })
  @ValidateNested()
  @Type(() => PeriodDto)
  period: PeriodDto;

  @ApiProperty({ enum: GOAL_KINDS, description: 'Måltype' })
  @IsIn(GOAL_KINDS)
  kind: (typeof GOAL_KINDS)[number];

  @ApiPropertyOptional({ type: TargetDto, description: 'Måltallet (ikke for milestone og manual)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetDto)
  target?: TargetDto;

  @ApiPropertyOptional({ enum: DIRECTIONS, default: 'at-least', description: 'at-least: mindst målet; at-most: højst (lavere er bedre)' })
  @IsOptional()
  @IsIn(DIRECTIONS)
  direction?: (typeof DIRECTIONS)[number];

  @ApiPropertyOptional({ example: 0.75, description: 'Delvist opfyldt fra denne andel af målet (standard: kommunens indstilling)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  partialThreshold?: number;

  @ApiProperty({ type: 'object', additionalProperties: true, description: DEFINITION_DESCRIPTION })
  @IsObject()
  definition: Record<string, unknown>;
}

export class ImportGoalsDto {
  @ApiPropertyOptional({ example: 'kbh', description: 'Kommunen filen er til; skal være kommunen i X-Tenant-Id, når den er angivet' })
  @IsOptional()
  @IsString()
  tenant?: string;

  @ApiPropertyOptional({ description: 'Filens beskrivelse (gemmes ikke)' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @ApiProperty({ type: [GoalDto], description: 'Målene; nye oprettes, ændrede får en ny version, uændrede røres ikke' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => GoalDto)
  goals: GoalDto[];
}

export class GoalView extends GoalDto {
  @ApiProperty({ type: 'integer', description: 'Versionen (1 for det oprettede mål)' }) version: number;
  @ApiProperty({ format: 'date-time', description: 'Hvornår versionen blev gemt; gælder fra da' }) recordedAt: string;
}

export class GoalVersionSummary {
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class GoalWithVersionsView extends GoalView {
  @ApiProperty({ type: [GoalVersionSummary], description: 'Alle versioner, ældste først' }) versions: GoalVersionSummary[];
}

export class ImportResultView {
  @ApiProperty({ type: [String], description: 'Nye mål' }) created: string[];
  @ApiProperty({ type: [String], description: 'Mål der fik en ny version' }) changed: string[];
  @ApiProperty({ type: [String], description: 'Mål der var som i filen' }) unchanged: string[];
}

export class GoalsQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Målene som de var defineret på dette tidspunkt (standard: nu)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class ManualAssessmentDto {
  @ApiProperty({ enum: ['met', 'partly-met', 'not-met'], description: 'Status sat af en person' })
  @IsIn(['met', 'partly-met', 'not-met'])
  status: 'met' | 'partly-met' | 'not-met';

  @ApiProperty({ example: 'Opfølgning på sygedagpenge er kun delvist gennemført', description: 'Begrundelse' })
  @IsString()
  @Length(1, 2000)
  comment: string;

  @ApiProperty({ example: 'ab12', description: 'Hvem vurderede (medarbejder-id eller initialer; erstattes af token i sikkerhedsopgaven)' })
  @IsString()
  @Length(1, 100)
  assessedBy: string;
}

export class ManualAssessmentView extends ManualAssessmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() goalId: string;
  @ApiProperty({ format: 'date-time' }) assessedAt: string;
}

export class ReportingSettingsDto {
  @ApiProperty({ example: 0.75, description: 'Delvist opfyldt fra denne andel af målet (over 0, højst 1)' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.001)
  @Max(1)
  partialThreshold: number;
}
