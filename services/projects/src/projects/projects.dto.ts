import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  BENEFIT_TYPES,
  BenefitType,
  COHORT_OUTCOMES,
  CohortOutcome,
  EXIT_REASONS,
  ExitReason,
  GOAL_DIRECTIONS,
  GoalDirection,
  LANGUAGE_REQUIREMENTS,
  LanguageRequirement,
  MILESTONE_KINDS,
  MilestoneKind,
  PARTNER_KINDS,
  PARTNER_ROLES,
  PartnerRole,
  PHASE_COMPLETIONS,
  PhaseCompletion,
  PLACEMENT_TYPES,
  PlacementType,
  PROJECT_TEMPLATES,
  ProjectTemplateCode,
  READINESS,
  Readiness,
  TARGET_GENDERS,
  TargetGender,
} from '@fremskudt/contracts';
import { AreCodes, IsCalendarDate, IsCode, IsNotInFuture, IsOptionalNotNull, IsOptionalOrNull } from '../shared/validation';

// ---- parts of a definition ----

export class EligibilityDto {
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: 120, description: 'Laveste alder på tilmeldingsdagen' })
  @IsOptionalOrNull()
  @IsInt()
  @Min(0)
  @Max(120)
  minAge?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: 120, description: 'Højeste alder på tilmeldingsdagen' })
  @IsOptionalOrNull()
  @IsInt()
  @Min(0)
  @Max(120)
  maxAge?: number | null;

  @ApiPropertyOptional({
    enum: TARGET_GENDERS,
    isArray: true,
    description: 'Målgruppens køn (tom: alle). Registreres, men kontrolleres ikke: sagsstammens emne oplyser ikke køn',
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(TARGET_GENDERS, { each: true })
  genders?: TargetGender[];

  @ApiPropertyOptional({ enum: LANGUAGE_REQUIREMENTS, description: 'without-interpreter: borgere der har brug for tolk kan ikke tilmeldes' })
  @IsOptionalNotNull()
  @IsIn(LANGUAGE_REQUIREMENTS)
  languageRequirement?: LanguageRequirement;

  @ApiPropertyOptional({ enum: BENEFIT_TYPES, isArray: true, description: 'Ydelsestyper (tom: alle)' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(BENEFIT_TYPES, { each: true })
  benefitTypes?: BenefitType[];

  @ApiPropertyOptional({ enum: READINESS, isArray: true, description: 'Aktivitetsparat og/eller jobparat (tom: alle)' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(READINESS, { each: true })
  readiness?: Readiness[];

  @ApiPropertyOptional({ type: [String], example: ['tingbjerg'], description: 'Boligområder borgeren skal bo i (tom: alle)' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @AreCodes()
  areaCodes?: string[];

  @ApiPropertyOptional({ type: [Number], example: [3, 4], description: 'Matchgrupper 1-5 (tom: alle)' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(5, { each: true })
  matchGroups?: number[];

  @ApiPropertyOptional({ type: [Number], example: [0, 1], description: 'Trin i trappemodellen 0-4 (tom: alle)' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(4, { each: true })
  steps?: number[];
}

export class PhaseDto {
  @ApiProperty({ example: 'introduction', description: 'Fasens kode (entydig i projektet)' })
  @IsCode()
  code: string;

  @ApiProperty({ example: 'Introduktion', description: 'Fasens navn' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: 520, description: 'Planlagt længde i uger' })
  @IsOptionalOrNull()
  @IsInt()
  @Min(1)
  @Max(520)
  plannedWeeks?: number | null;

  @ApiProperty({ enum: PHASE_COMPLETIONS, description: 'Hvad afslutter fasen: dens længde, en milepæl, eller en beslutning' })
  @IsIn(PHASE_COMPLETIONS)
  completedBy: PhaseCompletion;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Kun når completedBy er milestone: milepælen der afslutter fasen' })
  @IsOptionalOrNull()
  @IsCode()
  completionMilestoneCode?: string | null;
}

export class MilestoneDto {
  @ApiProperty({ example: 'hygiene-certificate-exam', description: 'Milepælens kode (entydig i projektet)' })
  @IsCode()
  code: string;

  @ApiProperty({ example: 'Eksamen i hygiejnebevis' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: MILESTONE_KINDS, description: 'exam har et resultat (bestået/ikke bestået); de andre er nået eller ej' })
  @IsIn(MILESTONE_KINDS)
  kind: MilestoneKind;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Fasen milepælen hører til, hvis nogen' })
  @IsOptionalOrNull()
  @IsCode()
  phaseCode?: string | null;
}

export class CohortGoalDto {
  @ApiProperty({ example: 'company-placement-26-weeks', description: 'Målets kode (entydig i projektet)' })
  @IsCode()
  code: string;

  @ApiProperty({ description: 'Målets navn på dansk' })
  @IsString()
  @Length(1, 300)
  nameDa: string;

  @ApiPropertyOptional({ description: 'Målets navn på engelsk (standard: det danske)' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 300)
  nameEn?: string;

  @ApiProperty({ enum: COHORT_OUTCOMES, description: 'Hvad der tæller som nået' })
  @IsIn(COHORT_OUTCOMES)
  outcome: CohortOutcome;

  @ApiPropertyOptional({ enum: PLACEMENT_TYPES, isArray: true, description: 'Virksomhedsplaceringer der tæller (standard efter outcome)' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(PLACEMENT_TYPES, { each: true })
  placementTypes?: PlacementType[];

  @ApiPropertyOptional({ enum: EXIT_REASONS, isArray: true, description: 'Afgangsårsager der tæller (standard efter outcome)' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(EXIT_REASONS, { each: true })
  exitReasons?: ExitReason[];

  @ApiProperty({ minimum: 1, maximum: 520, description: 'Uger fra deltagerens start (tilmeldingsdatoen)' })
  @IsInt()
  @Min(1)
  @Max(520)
  windowWeeks: number;

  @ApiProperty({ minimum: 0, maximum: 100, description: 'Målniveau i procent' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  targetPercent: number;

  @ApiPropertyOptional({ enum: GOAL_DIRECTIONS, default: 'at-least' })
  @IsOptionalNotNull()
  @IsIn(GOAL_DIRECTIONS)
  direction?: GoalDirection;
}

// ---- projects ----

export class CreateProjectDto {
  @ApiProperty({ example: 'stafetten-2007', description: 'Projektets kode (entydig i kommunen)' })
  @IsCode()
  code: string;

  @ApiProperty({ example: 'Stafetten' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ description: 'Beskrivelse af målgruppen (bliver i projekttjenesten)' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 2000)
  targetGroup?: string;

  @ApiProperty({ format: 'date', description: 'Projektets første dag (rekruttering medregnet)' })
  @IsCalendarDate()
  startDate: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'Projektets sidste dag, hvis kendt' })
  @IsOptionalOrNull()
  @IsCalendarDate()
  endDate?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, description: 'Hvor mange aktive deltagere projektet har plads til (tom: ubegrænset)' })
  @IsOptionalOrNull()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, description: 'Budget i kroner' })
  @IsOptionalOrNull()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  budgetDkk?: number | null;

  @ApiPropertyOptional({ type: [String], example: ['tingbjerg', 'akacieparken'], description: 'Boligområderne projektet rekrutterer i' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @AreCodes()
  areaCodes?: string[];

  @ApiPropertyOptional({ type: EligibilityDto, description: 'Hvem der kan tilmeldes (udeladt: alle)' })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility?: EligibilityDto;

  @ApiProperty({ type: [PhaseDto], description: 'Faserne i rækkefølge (mindst én)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => PhaseDto)
  phases: PhaseDto[];

  @ApiPropertyOptional({ type: [MilestoneDto], description: 'Milepælene deltagerne kan nå' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones?: MilestoneDto[];

  @ApiPropertyOptional({ type: [CohortGoalDto], description: 'Projektets egne mål (gives videre til rapporteringen)' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CohortGoalDto)
  goals?: CohortGoalDto[];
}

export class CreateFromTemplateDto {
  @ApiProperty({ enum: PROJECT_TEMPLATES, description: 'Skabelonen (se GET /templates)' })
  @IsIn(PROJECT_TEMPLATES)
  templateCode: ProjectTemplateCode;

  @ApiPropertyOptional({ example: 'care-home-helper', description: 'Skabelonens variant, når den har varianter (jobpakkens målrettede job)' })
  @IsOptionalNotNull()
  @IsCode()
  variantCode?: string;

  @ApiProperty({ example: 'stafetten-2007', description: 'Projektets kode (entydig i kommunen)' })
  @IsCode()
  code: string;

  @ApiPropertyOptional({ description: 'Navn (standard: skabelonens, med varianten)' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ description: 'Målgruppen (standard: skabelonens)' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 2000)
  targetGroup?: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  startDate: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptionalOrNull()
  @IsCalendarDate()
  endDate?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, description: 'Pladser (standard: skabelonens; null: ubegrænset)' })
  @IsOptionalOrNull()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0 })
  @IsOptionalOrNull()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  budgetDkk?: number | null;

  @ApiPropertyOptional({ type: [String], description: 'Boligområderne; for skabeloner med lokal målgruppe også de områder deltagerne skal bo i' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @AreCodes()
  areaCodes?: string[];

  @ApiPropertyOptional({ type: EligibilityDto, description: 'Kriterier der erstatter skabelonens (de udeladte beholdes)' })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility?: EligibilityDto;
}

export const PROJECT_CHANGE_ATTRIBUTES = ['name', 'targetGroup', 'endDate', 'capacity', 'budgetDkk', 'areaCodes', 'eligibility', 'phases', 'milestones'] as const;

export class ChangeProjectDto {
  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 2000)
  targetGroup?: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'null: ingen slutdato' })
  @IsOptionalOrNull()
  @IsCalendarDate()
  endDate?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, description: 'null: ubegrænset; ikke under antallet af aktive deltagere' })
  @IsOptionalOrNull()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0 })
  @IsOptionalOrNull()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  budgetDkk?: number | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @AreCodes()
  areaCodes?: string[];

  @ApiPropertyOptional({ type: EligibilityDto, description: 'Erstatter kriterierne (de udeladte bliver "alle")' })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility?: EligibilityDto;

  @ApiPropertyOptional({ type: [PhaseDto], description: 'Erstatter faserne; en fase deltagere har været i kan ikke fjernes' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => PhaseDto)
  phases?: PhaseDto[];

  @ApiPropertyOptional({ type: [MilestoneDto], description: 'Erstatter milepælene; en milepæl deltagere har nået kan ikke fjernes' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones?: MilestoneDto[];
}

export class ReplaceGoalsDto {
  @ApiProperty({ type: [CohortGoalDto], description: 'Alle projektets mål (tom: ingen)' })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CohortGoalDto)
  goals: CohortGoalDto[];
}

export class JoinPartnerDto {
  @ApiProperty({ format: 'uuid', description: 'Samarbejdspartneren (POST /partners)' })
  @IsUUID()
  partnerId: string;

  @ApiProperty({ enum: PARTNER_ROLES, isArray: true, description: 'Roller i projektet; styregruppen er partnerne med steering-group' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(PARTNER_ROLES, { each: true })
  roles: PartnerRole[];

  @ApiProperty({ format: 'date', description: 'Dagen partneren trådte ind' })
  @IsCalendarDate()
  @IsNotInFuture()
  joinedOn: string;
}

// ---- views ----

export class EligibilityView {
  @ApiProperty({ type: 'integer', nullable: true }) minAge: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) maxAge: number | null;
  @ApiProperty({ enum: TARGET_GENDERS, isArray: true }) genders: TargetGender[];
  @ApiProperty({ enum: LANGUAGE_REQUIREMENTS }) languageRequirement: LanguageRequirement;
  @ApiProperty({ enum: BENEFIT_TYPES, isArray: true }) benefitTypes: BenefitType[];
  @ApiProperty({ enum: READINESS, isArray: true }) readiness: Readiness[];
  @ApiProperty({ type: [String] }) areaCodes: string[];
  @ApiProperty({ type: [Number] }) matchGroups: number[];
  @ApiProperty({ type: [Number] }) steps: number[];
  @ApiProperty({ type: [String], description: 'Kriterier platformen ikke kan kontrollere ud fra sagsstammens emne (fx genders)' }) notChecked: string[];
}

export class PhaseView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Rækkefølge fra 1' }) position: number;
  @ApiProperty({ type: 'integer', nullable: true }) plannedWeeks: number | null;
  @ApiProperty({ enum: PHASE_COMPLETIONS }) completedBy: PhaseCompletion;
  @ApiProperty({ type: String, nullable: true }) completionMilestoneCode: string | null;
}

export class MilestoneView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: MILESTONE_KINDS }) kind: MilestoneKind;
  @ApiProperty({ type: String, nullable: true }) phaseCode: string | null;
}

export class CohortGoalView {
  @ApiProperty() code: string;
  @ApiProperty() nameDa: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ enum: COHORT_OUTCOMES }) outcome: CohortOutcome;
  @ApiProperty({ enum: PLACEMENT_TYPES, isArray: true }) placementTypes: PlacementType[];
  @ApiProperty({ enum: EXIT_REASONS, isArray: true }) exitReasons: ExitReason[];
  @ApiProperty() windowWeeks: number;
  @ApiProperty() targetPercent: number;
  @ApiProperty({ enum: GOAL_DIRECTIONS }) direction: GoalDirection;
}

export class ProjectPartnerView {
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PARTNER_KINDS }) kind: string;
  @ApiProperty({ enum: PARTNER_ROLES, isArray: true }) roles: PartnerRole[];
  @ApiProperty({ format: 'date' }) joinedOn: string;
}

export class ProjectView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PROJECT_TEMPLATES, nullable: true }) templateCode: ProjectTemplateCode | null;
  @ApiProperty({ type: String, nullable: true }) variantCode: string | null;
  @ApiProperty({ type: String, nullable: true }) targetGroup: string | null;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) capacity: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) budgetDkk: number | null;
  @ApiProperty({ type: [String] }) areaCodes: string[];
  @ApiProperty({ type: EligibilityView }) eligibility: EligibilityView;
  @ApiProperty({ type: [PhaseView], description: 'I rækkefølge' }) phases: PhaseView[];
  @ApiProperty({ type: [MilestoneView] }) milestones: MilestoneView[];
  @ApiProperty({ type: [CohortGoalView] }) goals: CohortGoalView[];
  @ApiProperty({ type: [ProjectPartnerView] }) partners: ProjectPartnerView[];
  @ApiProperty({ type: [ProjectPartnerView], description: 'Partnerne med rollen steering-group' }) steeringGroup: ProjectPartnerView[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ProjectSummaryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PROJECT_TEMPLATES, nullable: true }) templateCode: ProjectTemplateCode | null;
  @ApiProperty({ type: String, nullable: true }) variantCode: string | null;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) capacity: number | null;
  @ApiProperty({ type: [String] }) areaCodes: string[];
}

export class ProjectsQuery {
  @ApiPropertyOptional({ enum: PROJECT_TEMPLATES, description: 'Kun projekter lavet fra denne skabelon' })
  @IsOptional()
  @IsIn(PROJECT_TEMPLATES)
  templateCode?: ProjectTemplateCode;

  @ApiPropertyOptional({ example: 'tingbjerg', description: 'Kun projekter der rekrutterer i dette område' })
  @IsOptional()
  @IsCode()
  areaCode?: string;
}
