import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { EXAM_RESULTS, ExamResult, LEAVE_REASONS, LeaveReason, MILESTONE_KINDS, PHASE_COMPLETIONS } from '@fremskudt/contracts';
import { CITIZEN_IN_VIEW_DESCRIPTION, CITIZEN_REFERENCE_DESCRIPTION, IsCitizenReference } from '../partner-access/citizen-reference';
import { IsCalendarDate, IsCode, IsNotInFuture, IsOptionalNotNull } from '../shared/validation';
import { ENROLMENT_STATUSES, EnrolmentStatus } from './participant.entities';

export class EnrolDto {
  @ApiProperty({ description: CITIZEN_REFERENCE_DESCRIPTION })
  @IsCitizenReference()
  citizenId: string;

  @ApiProperty({ format: 'date', description: 'Tilmeldingsdatoen: deltagerens start (ikke i fremtiden)' })
  @IsCalendarDate()
  @IsNotInFuture()
  enrolledOn: string;

  @ApiPropertyOptional({ example: 'introduction', description: 'En fase deltageren starter i på tilmeldingsdagen (PhaseStarted)' })
  @IsOptionalNotNull()
  @IsCode()
  phaseCode?: string;
}

export class ReplaceParticipantDto {
  @ApiProperty({ description: `Den nye deltager. ${CITIZEN_REFERENCE_DESCRIPTION}` })
  @IsCitizenReference()
  citizenId: string;

  @ApiProperty({ format: 'date', description: 'Den nye deltagers start; ikke før den udtrådtes fratræden' })
  @IsCalendarDate()
  @IsNotInFuture()
  enrolledOn: string;

  @ApiPropertyOptional({ description: 'Fasen den nye deltager starter i (standard: den fase den udtrådte var i)' })
  @IsOptionalNotNull()
  @IsCode()
  phaseCode?: string;
}

export class StartPhaseDto {
  @ApiProperty({ format: 'date', description: 'Startdato; ikke før tilmeldingen eller forrige fases afslutning, ikke i fremtiden' })
  @IsCalendarDate()
  @IsNotInFuture()
  startedOn: string;
}

export class CompletePhaseDto {
  @ApiProperty({ format: 'date', description: 'Dato fasen blev afsluttet; ikke før dens start, ikke i fremtiden' })
  @IsCalendarDate()
  @IsNotInFuture()
  completedOn: string;
}

export class RecordMilestoneDto {
  @ApiProperty({ example: 'hygiene-certificate-exam', description: 'Projektets milepæl' })
  @IsCode()
  milestoneCode: string;

  @ApiProperty({ format: 'date', description: 'Dato milepælen blev nået (eksamensdagen); ikke i fremtiden' })
  @IsCalendarDate()
  @IsNotInFuture()
  reachedOn: string;

  @ApiPropertyOptional({ enum: EXAM_RESULTS, description: 'Kun og altid for eksamener: bestået eller ikke bestået' })
  @IsOptionalNotNull()
  @IsIn(EXAM_RESULTS)
  result?: ExamResult;

  @ApiPropertyOptional({ format: 'uuid', description: 'Kun for ansættelse og virksomhedsplacering: virksomhedstjenestens placering (kun id; ingen opslag)' })
  @IsOptionalNotNull()
  @IsUUID()
  placementId?: string;
}

export class LeaveDto {
  @ApiProperty({ format: 'date', description: 'Dato deltageren udtrådte; ikke i fremtiden' })
  @IsCalendarDate()
  @IsNotInFuture()
  leftOn: string;

  @ApiProperty({ enum: LEAVE_REASONS, description: 'Hvorfor' })
  @IsIn(LEAVE_REASONS)
  reason: LeaveReason;

  @ApiPropertyOptional({ format: 'uuid', description: 'Virksomhedstjenestens placering deltageren gik til, hvis kendt (kun id)' })
  @IsOptionalNotNull()
  @IsUUID()
  placementId?: string;
}

export class EnrolmentsQuery {
  @ApiPropertyOptional({ enum: ENROLMENT_STATUSES, description: 'Kun aktive eller kun udtrådte deltagere' })
  @IsOptional()
  @IsIn(ENROLMENT_STATUSES)
  status?: EnrolmentStatus;
}

export class EligibilityQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Datoen der vurderes på (standard: i dag)' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}

export class RefusalView {
  @ApiProperty({ example: 'eligibility.minAge', description: 'Kriteriet (eller borgeren, pladserne, perioden) der afviser' }) field: string;
  @ApiProperty({ example: 'tooYoung' }) code: string;
  @ApiProperty({ example: 'is 17 on 2007-11-01; the project takes from 18' }) message: string;
}

export class EligibilityCheckView {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ description: CITIZEN_IN_VIEW_DESCRIPTION }) citizenId: string;
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty({ description: 'Borgeren kan tilmeldes på datoen' }) eligible: boolean;
  @ApiProperty({ type: [RefusalView], description: 'Hver grund til afvisning' }) refusals: RefusalView[];
  @ApiProperty({ type: [String], description: 'Kriterier der ikke kan kontrolleres (sagsstammen oplyser ikke køn)' }) notChecked: string[];
  @ApiProperty({ description: 'Aktive deltagere nu' }) placesTaken: number;
  @ApiProperty({ type: 'integer', nullable: true }) capacity: number | null;
}

export class PhaseProgressView {
  @ApiProperty() phaseCode: string;
  @ApiProperty() position: number;
  @ApiProperty({ format: 'date' }) startedOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) completedOn: string | null;
  @ApiProperty({ enum: PHASE_COMPLETIONS, nullable: true }) completedBy: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Fasen sluttede ufuldført fordi deltageren udtrådte' }) interruptedOn: string | null;
}

export class MilestoneRecordView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() milestoneCode: string;
  @ApiProperty({ enum: MILESTONE_KINDS }) kind: string;
  @ApiProperty({ format: 'date' }) reachedOn: string;
  @ApiProperty({ enum: EXAM_RESULTS, nullable: true }) result: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Fasen deltageren var i' }) phaseCode: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) placementId: string | null;
}

export class EnrolmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ description: CITIZEN_IN_VIEW_DESCRIPTION }) citizenId: string;
  @ApiProperty({ format: 'date' }) enrolledOn: string;
  @ApiProperty({ description: 'Borgerens boligområde ved tilmeldingen' }) areaCode: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Borgerens ansøgning til projektet, hvis der er en' }) applicationId: string | null;
  @ApiProperty({ enum: ENROLMENT_STATUSES }) status: EnrolmentStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true }) leftOn: string | null;
  @ApiProperty({ enum: LEAVE_REASONS, nullable: true }) leaveReason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Virksomhedsplaceringen deltageren gik til (virksomhedstjenestens id)' }) leavePlacementId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Den udtrådte deltager denne erstatter' }) replacesEnrolmentId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Deltageren der erstattede denne' }) replacedByEnrolmentId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Fasen deltageren er i nu' }) currentPhaseCode: string | null;
  @ApiProperty({ type: [PhaseProgressView], description: 'Faserne deltageren har været i, i rækkefølge' }) phases: PhaseProgressView[];
  @ApiProperty({ type: [MilestoneRecordView], description: 'Milepælene deltageren har nået, efter dato' }) milestones: MilestoneRecordView[];
}
