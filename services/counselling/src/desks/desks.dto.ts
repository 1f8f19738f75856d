import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { EXCEPTION_KINDS, ExceptionKind } from './schedule';
import { CODE_MESSAGE, CODE_PATTERN, IsCalendarDate, IsLocalTime, IsOptionalNotNull } from './validation';

// ---- desks ----

export class CreateDeskDto {
  @ApiProperty({ example: 'tingbjerg', description: 'Boligområdet (kode)' })
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  areaCode: string;

  @ApiProperty({ example: 'Åben Rådgivning Tingbjerg', description: 'Skrankens navn (entydigt i området)' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'Lokalkontoret i Tingbjerg Centret', description: 'Hvor skranken er' })
  @IsString()
  @Length(1, 300)
  location: string;
}

export class ChangeDeskDto {
  @ApiPropertyOptional({ description: 'Nyt navn (entydigt i området)' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ description: 'Nyt sted' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 300)
  location?: string;

  @ApiPropertyOptional({ description: 'false lukker skranken (ingen nye åbninger); ikke mens den har en åben session' })
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export const DESK_CHANGE_ATTRIBUTES = ['name', 'location', 'active'] as const;

const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class DesksQuery {
  @ApiPropertyOptional({ example: 'tingbjerg', description: 'Kun skranker i dette boligområde' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  areaCode?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: kun aktive, false: kun lukkede' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  active?: boolean;
}

export class DeskView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() areaCode: string;
  @ApiProperty() name: string;
  @ApiProperty() location: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Den åbne session, hvis skranken er åben nu' }) openSessionId: string | null;
}

// ---- opening hours ----

export class WeeklyOpeningDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'Ugedag: 1 = mandag ... 7 = søndag' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;

  @ApiProperty({ example: '09:30', description: 'Åbner (lokal tid i København, TT:MM)' })
  @IsLocalTime()
  opens: string;

  @ApiProperty({ example: '12:30', description: 'Lukker (lokal tid, efter åbning samme dag)' })
  @IsLocalTime()
  closes: string;
}

export class ReplaceOpeningHoursDto {
  @ApiProperty({ type: [WeeklyOpeningDto], description: 'Hele ugeskemaet (erstatter det nuværende); åbninger samme ugedag må ikke overlappe' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WeeklyOpeningDto)
  weekly: WeeklyOpeningDto[];
}

export class WeeklyOpeningView {
  @ApiProperty({ minimum: 1, maximum: 7 }) weekday: number;
  @ApiProperty({ example: '09:30' }) opens: string;
  @ApiProperty({ example: '12:30' }) closes: string;
}

export class CreateExceptionDto {
  @ApiProperty({ format: 'date', example: '2026-12-24', description: 'Datoen (dansk kalenderdato)' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ enum: EXCEPTION_KINDS, description: 'closed: skranken holder lukket den dag; extra: en ekstra åbning den dag' })
  @IsIn(EXCEPTION_KINDS)
  kind: ExceptionKind;

  @ApiPropertyOptional({ example: '13:00', description: 'Kun for extra: åbner (lokal tid)' })
  @IsOptionalNotNull()
  @IsLocalTime()
  opens?: string;

  @ApiPropertyOptional({ example: '16:00', description: 'Kun for extra: lukker (lokal tid)' })
  @IsOptionalNotNull()
  @IsLocalTime()
  closes?: string;

  @ApiPropertyOptional({ example: 'Juleaften', description: 'Begrundelse (vises i kalenderen; sendes aldrig på emner)' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 300)
  reason?: string;
}

export class ExceptionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) deskId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ enum: EXCEPTION_KINDS }) kind: ExceptionKind;
  @ApiProperty({ nullable: true, type: String, example: '13:00' }) opens: string | null;
  @ApiProperty({ nullable: true, type: String, example: '16:00' }) closes: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class OpeningHoursView {
  @ApiProperty({ format: 'uuid' }) deskId: string;
  @ApiProperty({ example: 'Europe/Copenhagen' }) timeZone: string;
  @ApiProperty({ type: [WeeklyOpeningView], description: 'Ugeskemaet, efter ugedag og tid' }) weekly: WeeklyOpeningView[];
  @ApiProperty({ type: [ExceptionView], description: 'Undtagelserne (lukkedage og ekstra åbninger), efter dato' }) exceptions: ExceptionView[];
}

// ---- calendar ----

export class CalendarQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Fra og med (standard: i dag i København)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Til og med (standard: seks dage efter fra; højst 366 dage)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class PlannedSessionView {
  @ApiProperty({ example: '09:30', description: 'Lokal tid' }) opens: string;
  @ApiProperty({ example: '12:30', description: 'Lokal tid' }) closes: string;
  @ApiProperty({ example: '2026-03-30T09:30:00+02:00', description: 'Åbner (med Københavns forskydning den dag)' }) startsAt: string;
  @ApiProperty({ example: '2026-03-30T12:30:00+02:00' }) endsAt: string;
  @ApiProperty({ description: 'En ekstra åbning (undtagelse), ikke fra ugeskemaet' }) extra: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) exceptionId: string | null;
}

export class CalendarDayView {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ minimum: 1, maximum: 7 }) weekday: number;
  @ApiProperty({ description: 'Lukket denne dag (undtagelse): ugeskemaets åbninger bortfalder' }) closed: boolean;
  @ApiProperty({ nullable: true, type: String }) closedReason: string | null;
  @ApiProperty({ type: [PlannedSessionView] }) sessions: PlannedSessionView[];
}

export class CalendarView {
  @ApiProperty({ format: 'uuid' }) deskId: string;
  @ApiProperty() areaCode: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ example: 'Europe/Copenhagen' }) timeZone: string;
  @ApiProperty({ type: [CalendarDayView], description: 'Dagene med planlagte åbninger eller en lukkedag, efter dato' }) days: CalendarDayView[];
}
