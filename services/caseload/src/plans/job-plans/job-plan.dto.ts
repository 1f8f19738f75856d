import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { JOB_PLAN_GOAL_KINDS, JobPlanGoalKind } from '@fremskudt/contracts';
import { CODE_PATTERN, IsCalendarDate, IsNotInFuture } from '../../case/validation';

export const MAX_GOALS = 20;

export class JobPlanGoalDto {
  @ApiProperty({ enum: JOB_PLAN_GOAL_KINDS, description: 'Hvad målet sigter mod' })
  @IsIn(JOB_PLAN_GOAL_KINDS)
  kind: JobPlanGoalKind;

  @ApiProperty({ example: 'Få fast arbejde i køkken på et plejehjem', description: 'Målet i ord (bliver i sagsstammen; sendes aldrig på emner)' })
  @IsString()
  @Length(1, 2000)
  description: string;

  @ApiProperty({ format: 'date', example: '2026-06-30', description: 'Hvornår målet skal være nået' })
  @IsCalendarDate()
  targetDate: string;
}

export class RevisedJobPlanGoalDto extends JobPlanGoalDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Et mål fra planen der videreføres (beholder sit id); udelades for et nyt mål' })
  @IsOptional()
  @IsUUID()
  goalId?: string;
}

export class CreateJobPlanDto {
  @ApiProperty({ type: [JobPlanGoalDto], minItems: 1, maxItems: MAX_GOALS, description: 'Planens daterede mål (1-20)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GOALS)
  @ValidateNested({ each: true })
  @Type(() => JobPlanGoalDto)
  goals: JobPlanGoalDto[];

  @ApiPropertyOptional({ format: 'date', description: 'Dato planen blev lavet (standard: i dag); ikke i fremtiden' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotInFuture()
  createdOn?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Seneste dato for revision (standard: tre måneder efter oprettelsen)' })
  @IsOptional()
  @IsCalendarDate()
  nextRevisionDue?: string;
}

export class ReviseJobPlanDto {
  @ApiProperty({ type: [RevisedJobPlanGoalDto], minItems: 1, maxItems: MAX_GOALS, description: 'Planens mål efter revisionen (1-20)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GOALS)
  @ValidateNested({ each: true })
  @Type(() => RevisedJobPlanGoalDto)
  goals: RevisedJobPlanGoalDto[];

  @ApiPropertyOptional({ format: 'date', description: 'Dato for revisionen (standard: i dag); ikke før seneste revision og ikke i fremtiden' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotInFuture()
  revisedOn?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Seneste dato for næste revision (standard: tre måneder efter revisionen)' })
  @IsOptional()
  @IsCalendarDate()
  nextRevisionDue?: string;
}

export class MissingJobPlansQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Datoen der spørges om (standard: i dag)' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  @ApiPropertyOptional({ example: 'tingbjerg', description: 'Kun borgere i dette boligområde' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'must be an area code (lower-case letters, digits, dashes)' })
  areaCode?: string;
}

export class JobPlanGoalView {
  @ApiProperty({ format: 'uuid', description: 'Målets id (det samme på tværs af revisioner)' }) goalId: string;
  @ApiProperty({ enum: JOB_PLAN_GOAL_KINDS }) kind: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'date' }) targetDate: string;
}

export class JobPlanRevisionView {
  @ApiProperty({ type: 'integer', description: 'Revisionsnummer; planen som oprettet er 1' }) revision: number;
  @ApiProperty({ format: 'date', description: 'Dato for oprettelsen (revision 1) eller revisionen' }) revisedOn: string;
  @ApiProperty({ format: 'date' }) nextRevisionDue: string;
  @ApiProperty({ type: [JobPlanGoalView] }) goals: JobPlanGoalView[];
}

export class JobPlanView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ format: 'uuid', description: 'Forløbet planen hører til' }) periodId: string;
  @ApiProperty({ format: 'date' }) createdOn: string;
  @ApiProperty({ type: 'integer', description: 'Nuværende revisionsnummer' }) currentRevision: number;
  @ApiProperty({ format: 'date', description: 'Dato for seneste revision (eller oprettelsen)' }) lastRevisedOn: string;
  @ApiProperty({ format: 'date', description: 'Seneste dato for næste revision' }) nextRevisionDue: string;
  @ApiProperty({ description: 'Planen hører til borgerens nuværende forløb' }) current: boolean;
  @ApiProperty({ type: [JobPlanGoalView], description: 'Målene i den nuværende revision' }) goals: JobPlanGoalView[];
  @ApiProperty({ type: [JobPlanRevisionView], description: 'Alle revisioner, ældste først' }) revisions: JobPlanRevisionView[];
}

export class CitizenJobPlansView {
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ type: [JobPlanView], description: 'Borgerens planer, nyeste først (én pr. forløb)' }) jobPlans: JobPlanView[];
}

export class CitizenWithoutJobPlanView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() areaCode: string;
  @ApiProperty({ type: 'integer', description: 'Alder på datoen' }) age: number;
}

export class MissingJobPlansView {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ type: [CitizenWithoutJobPlanView], description: 'Aktive borgere på 18-60 år uden jobplan i det nuværende forløb' })
  citizens: CitizenWithoutJobPlanView[];
}
