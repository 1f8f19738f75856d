import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, IsCode } from '@fremskudt/service-kit';
import { CitizenScopeDto } from '../report-scopes/report-scopes.dto';
import { CitizensField, Format, FormatField, toList } from '../reports/query-fields';
import { BREAKDOWNS } from '../breakdowns/breakdown-cells';
import { BreakdownBy, OUTCOMES } from './progression-queries';

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

  @ApiPropertyOptional({ enum: BREAKDOWNS, description: 'Fordelt på område eller team (på datoen)' })
  @IsOptional()
  @IsIn(BREAKDOWNS)
  by?: BreakdownBy;

  @CitizensField('true: de pseudonyme borger-id’er bag hver gruppe (revision); med format=csv én linje pr. id')
  citizens?: boolean;

  @FormatField()
  format?: Format;
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

  @ApiPropertyOptional({
    enum: BREAKDOWNS,
    description: 'Hver tabel også fordelt på område eller team, det borgeren havde på første dato (hvor startgruppen tages), så en der flytter, bliver i sin celle',
  })
  @IsOptional()
  @IsIn(BREAKDOWNS)
  by?: BreakdownBy;

  @CitizensField('true: de pseudonyme borger-id’er bag hver celle (revision); med format=csv én linje pr. id')
  citizens?: boolean;

  @FormatField()
  format?: Format;
}

export class GroupCountView {
  @ApiProperty({ enum: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] }) group: string;
  @ApiProperty({ type: 'integer' }) citizens: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Andel af de vurderede' }) share: number | null;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Kun med citizens=true: de pseudonyme borger-id’er i gruppen' }) citizenIds?: string[];
}

export class GroupDistributionView {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Området eller teamet (ved by); null: borgere uden område eller team på datoen' }) key?: string | null;
  @ApiProperty({ type: 'integer', description: 'Borgere i forløb i scopet på datoen' }) citizens: number;
  @ApiProperty({ type: 'integer', description: 'Heraf med en vurdering på eller før datoen' }) assessed: number;
  @ApiProperty({ type: 'integer' }) notAssessed: number;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Kun med citizens=true: de pseudonyme borger-id’er uden vurdering' }) notAssessedCitizenIds?: string[];
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
  @ApiProperty({ type: String, nullable: true, enum: BREAKDOWNS }) by: BreakdownBy | null;
  @ApiProperty({ type: GroupDistributionView }) total: GroupDistributionView;
  @ApiProperty({ type: [GroupDistributionView], description: 'Pr. område eller team (ved by)' }) breakdown: GroupDistributionView[];
}

export class OutcomeSharesView {
  @ApiProperty({ type: Number, nullable: true }) good: number | null;
  @ApiProperty({ type: Number, nullable: true }) poor: number | null;
  @ApiProperty({ type: Number, nullable: true }) jobOrEducation: number | null;
  @ApiProperty({ type: Number, nullable: true }) other: number | null;
}

export class TransitionCitizensView {
  @ApiProperty({ type: [String], format: 'uuid' }) good: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) poor: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) jobOrEducation: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) other: string[];
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
  @ApiPropertyOptional({ type: TransitionCitizensView, description: 'Kun med citizens=true: de pseudonyme borger-id’er i hver celle' }) citizenIds?: TransitionCitizensView;
}

/** The figures of a transition table, for a whole scope or one area or team of it. */
export class TransitionFiguresView {
  @ApiProperty({ type: 'integer', description: 'Borgere i forløb i scopet på første dato' }) inCaseAtStart: number;
  @ApiProperty({ type: 'integer', description: 'Heraf uden vurdering på første dato (ikke i en startgruppe)' }) notAssessedAtStart: number;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Kun med citizens=true: de pseudonyme borger-id’er uden vurdering på første dato' })
  notAssessedAtStartCitizenIds?: string[];
  @ApiProperty({ type: [TransitionRowView] }) rows: TransitionRowView[];
}

export class TransitionCellView extends TransitionFiguresView {
  @ApiProperty({ type: String, nullable: true, description: 'Området eller teamet på første dato; null: borgere uden område eller team da' }) key: string | null;
}

export class TransitionTableView extends TransitionFiguresView {
  @ApiProperty({ enum: ['effort', 'comparison'] }) role: 'effort' | 'comparison';
  @ApiProperty({ example: 'Fremskudt indsats' }) name: string;
  @ApiProperty({ type: CitizenScopeDto }) scope: CitizenScopeDto;
  @ApiProperty({ type: [TransitionCellView], description: 'Pr. område eller team på første dato (ved by); ellers tom' }) breakdown: TransitionCellView[];
}

export class ProgressionTransitionsView {
  @ApiProperty() tenant: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: String, nullable: true, enum: BREAKDOWNS }) by: BreakdownBy | null;
  @ApiProperty({ enum: OUTCOMES, isArray: true, description: 'Kolonnerne' }) outcomes: readonly string[];
  @ApiProperty({ type: [TransitionTableView], description: 'Indsatsen, og sammenligningsgruppen når der er en' }) tables: TransitionTableView[];
}
