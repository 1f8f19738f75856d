import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, IsDateTimeWithOffset, IsNotInFutureInstant, IsOptionalNotNull } from './validation';

const STAFF_IDS_DESCRIPTION = 'Medarbejdere på vagt (id fra sagsstammens medarbejderliste; skal være aktive)';

export class OpenSessionDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, description: STAFF_IDS_DESCRIPTION })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  staffIds: string[];

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-03-30T09:25:00+02:00',
    description: 'Hvornår skranken åbnede (standard: nu); kan ligge tilbage i tid (efterregistrering), ikke i fremtiden',
  })
  @IsOptionalNotNull()
  @IsDateTimeWithOffset()
  @IsNotInFutureInstant()
  at?: string;

  @ApiPropertyOptional({ description: 'true: en ekstra åbning uden for kalenderen (ikke på en lukkedag)' })
  @IsOptionalNotNull()
  @IsBoolean()
  extra?: boolean;
}

export class CloseSessionDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Hvornår skranken lukkede (standard: nu); ikke før åbningen, ikke i fremtiden' })
  @IsOptionalNotNull()
  @IsDateTimeWithOffset()
  @IsNotInFutureInstant()
  at?: string;
}

export class ChangeSessionStaffDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, description: STAFF_IDS_DESCRIPTION })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  staffIds: string[];
}

export class SessionsQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Fra og med åbningsdag (standard: i dag i København)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Til og med åbningsdag (standard: fra)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class SessionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) deskId: string;
  @ApiProperty() areaCode: string;
  @ApiProperty({ format: 'date', description: 'Åbningsdagen (dansk dato)' }) date: string;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ format: 'date-time' }) plannedCloseAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ description: 'Åben nu' }) open: boolean;
  @ApiProperty({ description: 'En ekstra åbning, uden for ugeskemaet' }) extra: boolean;
  @ApiProperty({ type: [String], format: 'uuid' }) staffIds: string[];
}

export class VisitCountsView {
  @ApiProperty({ type: 'integer' }) visits: number;
  @ApiProperty({ type: 'integer', description: 'Indkaldte borgere med sag' }) summoned: number;
  @ApiProperty({ type: 'integer', description: 'Borgere med sag der kom uden indkaldelse' }) walkInWithCase: number;
  @ApiProperty({ type: 'integer', description: 'Borgere uden sag og anonyme' }) withoutCase: number;
}

export class ClosedSessionView extends SessionView {
  @ApiProperty({ type: VisitCountsView, description: 'Besøgene i sessionen (som i DeskSessionClosed)' }) counts: VisitCountsView;
}
