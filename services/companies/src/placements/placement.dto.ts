import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PLACEMENT_END_REASONS, PLACEMENT_TYPES, PlacementEndReason, PlacementType } from '@fremskudt/contracts';
import { IsCalendarDate, IsNotInFuture, IsOptionalNotNull } from '../shared/validation';
import { PLACEMENT_STATUSES, PlacementStatus } from './placement.entity';

export class PlanPlacementDto {
  @ApiProperty({ format: 'uuid', description: 'Borgerens pseudonyme id (en borger i kommunens forløb)' })
  @IsUUID('4')
  citizenId: string;

  @ApiProperty({ format: 'uuid', description: 'Virksomheden' })
  @IsUUID('4')
  companyId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Jobåbningen placeringen besætter (åben, og virksomhedens egen)' })
  @IsOptionalNotNull()
  @IsUUID('4')
  openingId?: string;

  @ApiProperty({ enum: PLACEMENT_TYPES, description: 'Virksomhedspraktik, løntilskud, ordinært job, fleksjob eller deltidsjob' })
  @IsIn(PLACEMENT_TYPES)
  placementType: PlacementType;

  @ApiProperty({ format: 'date', description: 'Planlagt start' })
  @IsCalendarDate()
  plannedStart: string;

  @ApiPropertyOptional({ format: 'date', description: 'Planlagt slut (ikke før start); udeladt: ikke fastlagt' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  plannedEnd?: string;

  @ApiProperty({ example: 30, description: 'Timer om ugen' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(60)
  hoursPerWeek: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Jobcentrets mentor for borgeren (medarbejder-id)' })
  @IsOptionalNotNull()
  @IsUUID('4')
  mentorStaffId?: string;

  @ApiPropertyOptional({ example: 'Hanne Holm, køkkenchef', description: 'Virksomhedens mentor eller kontaktperson for borgeren (bliver her)' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 200)
  companyMentor?: string;
}

export class StartPlacementDto {
  @ApiProperty({ format: 'date', description: 'Dagen borgeren faktisk startede (ikke i fremtiden)' })
  @IsCalendarDate()
  @IsNotInFuture()
  startedOn: string;

  @ApiPropertyOptional({ example: 25, description: 'Timer om ugen, hvis de blev andre end planlagt' })
  @IsOptionalNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(60)
  hoursPerWeek?: number;
}

export class EndPlacementDto {
  @ApiProperty({ format: 'date', description: 'Dagen placeringen sluttede (ikke før start, ikke i fremtiden)' })
  @IsCalendarDate()
  @IsNotInFuture()
  endedOn: string;

  @ApiProperty({ enum: PLACEMENT_END_REASONS, description: 'Gennemført, ansat, faldet fra, eller aflyst af virksomheden' })
  @IsIn(PLACEMENT_END_REASONS)
  reason: PlacementEndReason;
}

export class PlacementsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  citizenId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  companyId?: string;

  @ApiPropertyOptional({ enum: PLACEMENT_STATUSES })
  @IsOptional()
  @IsIn(PLACEMENT_STATUSES)
  status?: PlacementStatus;
}

export class PlacementView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) openingId: string | null;
  @ApiProperty({ enum: PLACEMENT_TYPES }) placementType: string;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty({ description: 'Fuldtid efter kommunens grænse (GET /settings)' }) fullTime: boolean;
  @ApiProperty({ enum: PLACEMENT_STATUSES }) status: string;
  @ApiProperty({ format: 'date' }) plannedStart: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) plannedEnd: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startedOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endedOn: string | null;
  @ApiProperty({ enum: PLACEMENT_END_REASONS, nullable: true }) endReason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) mentorStaffId: string | null;
  @ApiProperty({ type: String, nullable: true }) companyMentor: string | null;
}
