import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_RANKED_LIMIT = 50;

export class MatchingQuery {
  @ApiPropertyOptional({ default: DEFAULT_RANKED_LIMIT, minimum: 1, maximum: 500, description: 'Højst så mange rangerede (de udelukkede vises alle)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class ReasonView {
  @ApiProperty({ example: 'branch-first-wish', description: 'Begrundelsens kode' }) code: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Point den gav (null for en udelukkelse)' }) points: number | null;
  @ApiProperty({ example: 'Borgerens førsteønske er branchen Køkken og kantine', description: 'Begrundelsen som tekst (dansk; engelsk på Accept-Language: en)' })
  text: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Fakta bag begrundelsen, fx km eller manglende beviser' })
  facts: Record<string, unknown>;
}

export class RankedOpeningView {
  @ApiProperty({ description: '1 er bedst' }) rank: number;
  @ApiProperty({ format: 'uuid' }) openingId: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty() branchCode: string;
  @ApiProperty() areaCode: string;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty({ description: 'Point 0-100' }) score: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Km fra borgerens boligområde (null: ukendt)' }) distanceKm: number | null;
  @ApiProperty({ type: [ReasonView] }) reasons: ReasonView[];
}

export class ExcludedOpeningView {
  @ApiProperty({ format: 'uuid' }) openingId: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty({ type: Number, nullable: true }) distanceKm: number | null;
  @ApiProperty({ type: [ReasonView], description: 'Alle grunde til udelukkelsen' }) reasons: ReasonView[];
}

export class OpeningsForCitizenView {
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ description: 'Borgerens boligområde' }) areaCode: string;
  @ApiProperty({ format: 'uuid', description: 'Jobønsket matchningen bygger på' }) jobWishId: string;
  @ApiProperty({ description: 'Antal åbne jobåbninger vurderet' }) considered: number;
  @ApiProperty({ type: [RankedOpeningView] }) ranked: RankedOpeningView[];
  @ApiProperty({ type: [ExcludedOpeningView] }) excluded: ExcludedOpeningView[];
}

export class RankedCandidateView {
  @ApiProperty({ description: '1 er bedst' }) rank: number;
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ description: 'Borgerens boligområde' }) areaCode: string;
  @ApiProperty({ description: 'Point 0-100' }) score: number;
  @ApiProperty({ type: Number, nullable: true }) distanceKm: number | null;
  @ApiProperty({ type: [ReasonView] }) reasons: ReasonView[];
}

export class ExcludedCandidateView {
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty() areaCode: string;
  @ApiProperty({ type: Number, nullable: true }) distanceKm: number | null;
  @ApiProperty({ type: [ReasonView] }) reasons: ReasonView[];
}

export class CandidatesForOpeningView {
  @ApiProperty({ format: 'uuid' }) openingId: string;
  @ApiProperty({ description: 'Antal borgere med et gældende jobønske vurderet' }) considered: number;
  @ApiProperty({ type: [RankedCandidateView] }) ranked: RankedCandidateView[];
  @ApiProperty({ type: [ExcludedCandidateView] }) excluded: ExcludedCandidateView[];
}
