import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, IsCode } from '@fremskudt/service-kit';
import { CitizenScopeDto } from '../report-scopes/report-scopes.dto';
import { OUTCOMES } from './progression-queries';

/** `a,b` in a query string as a list (the indicator table's convention). */
export const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : value);

/** The scope a question is about, in the query: areas and/or teams; left out, the tenant's effort scope. */
export class ScopeQuery {
  @ApiPropertyOptional({ type: String, example: 'tingbjerg,urbanplanen', description: 'Områder (kommasepareret); udeladt (og teams udeladt): kommunens indsats-scope' })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(100)
  @IsCode({ each: true })
  areas?: string[];

  @ApiPropertyOptional({ type: String, example: 'fremskudt-nord', description: 'Teams (kommasepareret)' })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(100)
  @IsCode({ each: true })
  teams?: string[];
}

export class DistributionQuery extends ScopeQuery {
  @ApiProperty({ format: 'date', example: '2014-01-31', description: 'Datoen: hver borgers seneste vurdering på eller før den' })
  @IsCalendarDate()
  on: string;

  @ApiPropertyOptional({ enum: ['area', 'team'], description: 'Fordelt på område eller team (på datoen)' })
  @IsOptional()
  @IsIn(['area', 'team'])
  by?: 'area' | 'team';

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class TransitionsQuery extends ScopeQuery {
  @ApiProperty({ format: 'date', example: '2014-01-31', description: 'Første dato: startgruppen (god A-D, dårlig E-G) efter seneste vurdering' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ format: 'date', example: '2014-12-31', description: 'Anden dato: hvor borgerne er da' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({ type: String, description: 'Sammenligningsgruppens områder; udeladt (og comparisonTeams udeladt): kommunens sammenligningsgruppe' })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(100)
  @IsCode({ each: true })
  comparisonAreas?: string[];

  @ApiPropertyOptional({ type: String, description: 'Sammenligningsgruppens teams' })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(100)
  @IsCode({ each: true })
  comparisonTeams?: string[];

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class GroupCountView {
  @ApiProperty({ enum: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] }) group: string;
  @ApiProperty({ type: 'integer' }) citizens: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Andel af de vurderede' }) share: number | null;
}

export class GroupDistributionView {
  @ApiPropertyOptional({ description: 'Området eller teamet (ved by)' }) key?: string;
  @ApiProperty({ type: 'integer', description: 'Borgere i forløb i scopet på datoen' }) citizens: number;
  @ApiProperty({ type: 'integer', description: 'Heraf med en vurdering på eller før datoen' }) assessed: number;
  @ApiProperty({ type: 'integer' }) notAssessed: number;
  @ApiProperty({ type: 'integer', description: 'A-D' }) good: number;
  @ApiProperty({ type: 'integer', description: 'E-G' }) poor: number;
  @ApiProperty({ type: Number, nullable: true }) goodShare: number | null;
  @ApiProperty({ type: Number, nullable: true }) poorShare: number | null;
  @ApiProperty({ type: [GroupCountView] }) groups: GroupCountView[];
}

export class ProgressionDistributionView {
  @ApiProperty() tenant: string;
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty({ description: 'Scopets navn på kaldets sprog' }) scopeName: string;
  @ApiProperty({ type: CitizenScopeDto }) scope: CitizenScopeDto;
  @ApiProperty({ type: String, nullable: true, enum: ['area', 'team'] }) by: 'area' | 'team' | null;
  @ApiProperty({ type: GroupDistributionView }) total: GroupDistributionView;
  @ApiProperty({ type: [GroupDistributionView], description: 'Pr. område eller team (ved by)' }) breakdown: GroupDistributionView[];
}

export class OutcomeSharesView {
  @ApiProperty({ type: Number, nullable: true }) good: number | null;
  @ApiProperty({ type: Number, nullable: true }) poor: number | null;
  @ApiProperty({ type: Number, nullable: true }) jobOrEducation: number | null;
  @ApiProperty({ type: Number, nullable: true }) other: number | null;
}

export class TransitionRowView {
  @ApiProperty({ enum: ['good', 'poor'], description: 'Startgruppe: god (A-D) eller dårlig (E-G)' }) start: 'good' | 'poor';
  @ApiProperty({ example: 'God (A-D)' }) startLabel: string;
  @ApiProperty({ type: 'integer', description: 'Borgere i startgruppen' }) citizens: number;
  @ApiProperty({ type: 'integer', description: 'I forløb, seneste vurdering A-D' }) good: number;
  @ApiProperty({ type: 'integer', description: 'I forløb, seneste vurdering E-G' }) poor: number;
  @ApiProperty({ type: 'integer', description: 'Afgået til job eller uddannelse' }) jobOrEducation: number;
  @ApiProperty({ type: 'integer', description: 'Anden afgang' }) other: number;
  @ApiProperty({ type: OutcomeSharesView, description: 'Andele af startgruppen' }) shares: OutcomeSharesView;
}

export class TransitionTableView {
  @ApiProperty({ enum: ['effort', 'comparison'] }) role: 'effort' | 'comparison';
  @ApiProperty({ example: 'Fremskudt indsats' }) name: string;
  @ApiProperty({ type: CitizenScopeDto }) scope: CitizenScopeDto;
  @ApiProperty({ type: 'integer', description: 'Borgere i forløb i scopet på første dato' }) inCaseAtStart: number;
  @ApiProperty({ type: 'integer', description: 'Heraf uden vurdering på første dato (ikke i en startgruppe)' }) notAssessedAtStart: number;
  @ApiProperty({ type: [TransitionRowView] }) rows: TransitionRowView[];
}

export class ProgressionTransitionsView {
  @ApiProperty() tenant: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ enum: OUTCOMES, isArray: true, description: 'Kolonnerne' }) outcomes: readonly string[];
  @ApiProperty({ type: [TransitionTableView], description: 'Indsatsen, og sammenligningsgruppen når der er en' }) tables: TransitionTableView[];
}
