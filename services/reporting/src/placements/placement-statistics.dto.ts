import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { PLACEMENT_TYPES } from '@fremskudt/contracts';
import { Format, FormatField } from '../reports/query-fields';

const IsCalendarDate = () => applyDecorators(IsISO8601({ strict: true }), Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' }));

export class PlacementStatisticsQuery {
  @ApiPropertyOptional({ format: 'date', example: '2026-01-01', description: 'Startet fra og med (udeladt: fra første)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-06-30', description: 'Startet til og med (udeladt: til seneste)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @FormatField()
  format?: Format;
}

export class TypeCount {
  @ApiProperty({ enum: PLACEMENT_TYPES }) placementType: string;
  @ApiProperty() count: number;
}

export class AreaPlacementCount {
  @ApiProperty({ description: 'Borgerens boligområde, som rapporteringen kender det ("unknown" hvis borgeren ikke er kendt her)' }) areaCode: string;
  @ApiProperty() count: number;
}

export class MonthCount {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty() count: number;
}

export class PlacementStatistics {
  @ApiProperty({ description: 'Kommunens id' }) tenant: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) from: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) to: string | null;
  @ApiProperty({ description: 'Startede placeringer i perioden, alle typer' }) started: number;
  @ApiProperty({ description: 'Heraf startede virksomhedsplaceringer: virksomhedspraktik og løntilskud' }) companyPlacements: number;
  @ApiProperty({ type: [TypeCount], description: 'Fordelt på type' }) byType: TypeCount[];
  @ApiProperty({ type: [AreaPlacementCount], description: 'Fordelt på borgerens boligområde' }) byArea: AreaPlacementCount[];
  @ApiProperty({ type: [MonthCount], description: 'Fordelt på startmåned' }) byMonth: MonthCount[];
}
