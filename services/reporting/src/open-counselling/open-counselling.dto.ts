import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, IsCode } from '@fremskudt/service-kit';

export class OpenCounsellingQuery {
  @ApiProperty({ format: 'date', example: '2015-03-01', description: 'Første dag' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ format: 'date', example: '2015-03-31', description: 'Sidste dag (inklusive)' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({ example: 'tingbjerg', description: 'Kun skrankerne i området' })
  @IsOptional()
  @IsCode()
  areaCode?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class VisitSplitView {
  @ApiProperty({ type: Number, description: 'Besøg' }) visits: number;
  @ApiProperty({ type: Number, description: 'Indkaldte borgere med sag' }) summoned: number;
  @ApiProperty({ type: Number, description: 'Borgere med sag, uden indkaldelse' }) walkInWithCase: number;
  @ApiProperty({ type: Number, description: 'Borgere uden sag og anonyme' }) withoutCase: number;
}

export class DeskFiguresView extends VisitSplitView {
  @ApiPropertyOptional({ format: 'uuid', description: 'Skranken (udeladt i totalen)' }) deskId?: string;
  @ApiPropertyOptional({ description: 'Skrankens område (udeladt i totalen)' }) areaCode?: string;
  @ApiProperty({ type: 'integer', description: 'Åbninger (sessioner)' }) sessions: number;
  @ApiProperty({ type: 'integer', description: 'Åbningsdage (dage med mindst én åbning)' }) openingDays: number;
  @ApiProperty({ type: 'integer', description: 'Åbninger der endnu ikke er lukket (deres besøg tælles først ved lukningen)' }) openSessions: number;
  @ApiProperty({ type: 'integer', description: 'Gennemførte samtaler (VisitCompleted)' }) completedVisits: number;
  @ApiProperty({ type: VisitSplitView, nullable: true, description: 'Pr. åbningsdag' }) perOpeningDay: VisitSplitView | null;
}

export class OpenCounsellingStatisticsView {
  @ApiProperty() tenant: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [DeskFiguresView], description: 'Pr. skranke, efter område' }) desks: DeskFiguresView[];
  @ApiProperty({ type: DeskFiguresView, description: 'Alle skranker' }) total: DeskFiguresView;
}
