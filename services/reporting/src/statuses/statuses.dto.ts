import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { BREAKDOWNS } from '../breakdowns/breakdown-cells';
import { BreakdownCellView } from '../breakdowns/breakdowns.dto';
import { CODE_PATTERN, PeriodDto, ScopeDto } from '../goals/goals.dto';
import { CitizensField, Format, FormatField, toList } from '../reports/query-fields';
import { GOAL_STATUSES } from './status-rule';

const CODE_MESSAGE = 'must be a code (lower-case letters, digits, dashes)';

export class StatusQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Med måldefinitionerne som de var på dette tidspunkt (en tidligere rapport); standard: nu' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @CitizensField('true: de pseudonyme borger-id’er bag tæller og nævner (revision); med format=csv én linje pr. id')
  citizens?: boolean;

  @FormatField()
  format?: Format;
}

export class StatusesQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Mål hvis periode slutter denne dag eller senere' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Mål hvis periode begynder denne dag eller før' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ example: 'tingbjerg', description: 'Kun mål hvis scope omfatter området' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  areaCode?: string;

  @ApiPropertyOptional({ description: 'Kun mål hvis scope omfatter teamet' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  teamCode?: string;

  @ApiPropertyOptional({ example: 'stafetten-2007', description: 'Kun projektets mål (projektets kode eller id, som i målets scope)' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  project?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Med måldefinitionerne som de var på dette tidspunkt; standard: nu' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({ enum: BREAKDOWNS, description: 'Hvert mål også fordelt på områderne (teamene) i dets scope; for hele kommunen: alle kendte' })
  @IsOptional()
  @IsIn(BREAKDOWNS)
  by?: (typeof BREAKDOWNS)[number];

  @FormatField()
  format?: Format;
}

export class IndicatorTableQuery extends StatusesQuery {
  @ApiPropertyOptional({
    type: String,
    example: 'tingbjerg,urbanplanen',
    description: 'Sammenligningskolonnens områder (kommasepareret); udeladt: hele kommunen. Mål med relativt måltal sammenlignes med deres egen gruppe.',
  })
  @IsOptional()
  @Transform(toList)
  @Matches(CODE_PATTERN, { each: true, message: CODE_MESSAGE })
  comparisonAreas?: string[];
}

export class StatusPeriodView extends PeriodDto {
  @ApiProperty({ format: 'date', description: 'Første dag' }) declare from: string;
  @ApiProperty({ format: 'date', description: 'Sidste dag (inklusive)' }) declare to: string;
  @ApiProperty({ example: '2007', description: 'Perioden som rapporterne skriver den' }) label: string;
}

export class ComparisonView {
  @ApiProperty({ type: ScopeDto, description: 'Sammenligningsgruppen ({} = hele kommunen)' }) scope: ScopeDto;
  @ApiProperty({ type: Number, nullable: true }) realised: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) numerator: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) denominator: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Borgere i sammenligningsgruppens population' }) populationSize: number | null;
}

export class AreaReachedView {
  @ApiProperty() areaCode: string;
  @ApiProperty() reached: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) reachedOn: string | null;
}

export class AssessmentView {
  @ApiProperty({ enum: ['met', 'partly-met', 'not-met'] }) status: string;
  @ApiProperty() comment: string;
  @ApiProperty() assessedBy: string;
  @ApiProperty({ format: 'date-time' }) assessedAt: string;
}

export class CitizensBehindView {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Pseudonyme id’er i tælleren' }) numerator: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Pseudonyme id’er i nævneren (populationen)' }) denominator: string[];
}

export class GoalStatusView {
  @ApiProperty() goalId: string;
  @ApiProperty({ description: 'Navnet på kaldets sprog' }) name: string;
  @ApiProperty() kind: string;
  @ApiProperty({ type: ScopeDto }) scope: ScopeDto;
  @ApiProperty({ type: StatusPeriodView }) period: StatusPeriodView;
  @ApiProperty({ type: 'integer', description: 'Definitionens version' }) definitionVersion: number;
  @ApiProperty({ format: 'date-time', description: 'Hvornår versionen blev gemt' }) definitionRecordedAt: string;
  @ApiProperty({ enum: GOAL_STATUSES }) status: string;
  @ApiProperty({ example: 'Opfyldt' }) statusLabel: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Realiseret værdi (andele som brøk)' }) realised: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Måltal (relative måltal udregnet)' }) target: number | null;
  @ApiProperty({ enum: ['at-least', 'at-most'] }) direction: string;
  @ApiProperty({ description: 'Delvist opfyldt fra denne andel af målet' }) partialThreshold: number;
  @ApiProperty({ type: 'integer', nullable: true }) numerator: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) denominator: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Borgere i populationen' }) populationSize: number | null;
  @ApiPropertyOptional({ type: ComparisonView, nullable: true, description: 'Sammenligningsgruppen (grundlaget for et relativt måltal)' }) comparison: ComparisonView | null;
  @ApiPropertyOptional({ type: [AreaReachedView], description: 'Milepæle: hvert område i scopet' }) areas?: AreaReachedView[];
  @ApiPropertyOptional({ type: AssessmentView, nullable: true, description: 'Manuelle mål: den seneste vurdering' }) assessment?: AssessmentView | null;
  @ApiPropertyOptional({ type: CitizensBehindView, description: 'Kun med citizens=true' }) citizens?: CitizensBehindView;
  @ApiPropertyOptional({ type: [BreakdownCellView], description: 'Kun med by: status pr. område eller team' }) breakdown?: BreakdownCellView[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Kun med by: hvorfor målet ikke kan fordeles sådan' }) breakdownProblem?: string | null;
  @ApiProperty({ format: 'date-time' }) computedAt: string;
}

export class GoalStatusesView {
  @ApiProperty() tenant: string;
  @ApiProperty({ description: 'Læsemodellerne genopbygges lige nu: tallene kan være ufuldstændige' }) rebuildInProgress: boolean;
  @ApiProperty({ type: [GoalStatusView] }) statuses: GoalStatusView[];
}

export class IndicatorRowView {
  @ApiProperty() goalId: string;
  @ApiProperty({ description: 'Indikatoren (målets navn)' }) indicator: string;
  @ApiProperty() period: string;
  @ApiProperty() kind: string;
  @ApiProperty({ type: Number, nullable: true }) target: number | null;
  @ApiProperty({ enum: ['at-least', 'at-most'] }) direction: string;
  @ApiProperty({ type: Number, nullable: true }) realised: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) numerator: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) denominator: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Borgere i populationen' }) populationSize: number | null;
  @ApiProperty({ enum: GOAL_STATUSES }) status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Sammenligningsgruppens realiserede værdi' }) comparison: number | null;
  @ApiProperty({ type: 'integer' }) definitionVersion: number;
  @ApiPropertyOptional({ type: [BreakdownCellView], description: 'Kun med by: pr. område eller team' }) breakdown?: BreakdownCellView[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Kun med by: hvorfor målet ikke kan fordeles sådan' }) breakdownProblem?: string | null;
}

export class IndicatorTableView {
  @ApiProperty() tenant: string;
  @ApiProperty({ type: ScopeDto, description: 'Sammenligningskolonnens gruppe (for mål uden relativt måltal)' }) comparisonScope: ScopeDto;
  @ApiProperty() rebuildInProgress: boolean;
  @ApiProperty({ type: [IndicatorRowView] }) rows: IndicatorRowView[];
}
