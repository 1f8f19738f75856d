import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { COMPANY_VISIT_KINDS, CompanyVisitKind } from '@fremskudt/contracts';
import { CITIZEN_IN_VIEW_DESCRIPTION, CITIZEN_REFERENCE_DESCRIPTION, IsCitizenReference } from '../partner-access/citizen-reference';
import { IsCalendarDate, IsCode, IsNotInFuture, IsOptionalNotNull } from '../shared/validation';
import { APPLICATION_DECISIONS, APPLICATION_STATUSES, ApplicationDecision, ApplicationStatus } from './recruitment.entities';

export class HoldInformationMeetingDto {
  @ApiProperty({ example: 'tingbjerg', description: 'Boligområdet mødet blev holdt i (et af projektets områder)' })
  @IsCode()
  areaCode: string;

  @ApiProperty({ format: 'date', description: 'Dato; ikke i fremtiden' })
  @IsCalendarDate()
  @IsNotInFuture()
  heldOn: string;

  @ApiProperty({ minimum: 0, description: 'Antal fremmødte' })
  @IsInt()
  @Min(0)
  @Max(100000)
  attendees: number;

  @ApiProperty({ minimum: 0, description: 'Antal fremmødte der viste interesse for projektet (højst de fremmødte)' })
  @IsInt()
  @Min(0)
  @Max(100000)
  interested: number;
}

export class InformationMeetingView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() areaCode: string;
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty() attendees: number;
  @ApiProperty() interested: number;
}

export class HoldCompanyVisitDto {
  @ApiProperty({ enum: COMPANY_VISIT_KINDS, description: 'Virksomhedsbesøg eller bustur' })
  @IsIn(COMPANY_VISIT_KINDS)
  kind: CompanyVisitKind;

  @ApiProperty({ format: 'date', description: 'Dato; ikke i fremtiden' })
  @IsCalendarDate()
  @IsNotInFuture()
  heldOn: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'De besøgte virksomheder (virksomhedstjenestens id; ingen opslag)' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  companyIds?: string[];

  @ApiProperty({ minimum: 0, description: 'Antal borgere der var med' })
  @IsInt()
  @Min(0)
  @Max(100000)
  participants: number;
}

export class CompanyVisitView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ enum: COMPANY_VISIT_KINDS }) kind: CompanyVisitKind;
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty({ type: [String] }) companyIds: string[];
  @ApiProperty() participants: number;
}

export class ApplyDto {
  @ApiProperty({ description: CITIZEN_REFERENCE_DESCRIPTION })
  @IsCitizenReference()
  citizenId: string;

  @ApiProperty({ format: 'date', description: 'Dato; ikke i fremtiden' })
  @IsCalendarDate()
  @IsNotInFuture()
  appliedOn: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Informationsmødet borgeren kom fra, hvis nogen' })
  @IsOptionalNotNull()
  @IsUUID()
  meetingId?: string;
}

export class DecideApplicationDto {
  @ApiProperty({ enum: APPLICATION_DECISIONS, description: 'Udvalgt eller afvist' })
  @IsIn(APPLICATION_DECISIONS)
  decision: ApplicationDecision;

  @ApiProperty({ format: 'date', description: 'Dato; ikke før ansøgningen, ikke i fremtiden' })
  @IsCalendarDate()
  @IsNotInFuture()
  decidedOn: string;
}

export class ApplicationsQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;
}

export class ApplicationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ description: CITIZEN_IN_VIEW_DESCRIPTION }) citizenId: string;
  @ApiProperty({ format: 'date' }) appliedOn: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) meetingId: string | null;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true }) decidedOn: string | null;
}
