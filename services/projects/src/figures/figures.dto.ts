import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { LEAVE_REASONS, MILESTONE_KINDS } from '@fremskudt/contracts';
import { IsCalendarDate } from '../shared/validation';

export class FiguresQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Status pr. denne dato (standard: alt registreret)' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}

export class ParticipantFiguresView {
  @ApiProperty({ description: 'Tilmeldinger i alt (også udtrådte og erstatninger)' }) enrolled: number;
  @ApiProperty({ description: 'Aktive deltagere' }) active: number;
  @ApiProperty({ description: 'Udtrådte deltagere' }) left: number;
  @ApiProperty({ description: 'Udtrådte der er blevet erstattet' }) replaced: number;
  @ApiProperty({ description: 'Deltagere der erstattede en udtrådt' }) replacements: number;
  @ApiProperty({ type: 'integer', nullable: true }) capacity: number | null;
}


export class LeftByReasonView {
  @ApiProperty({ enum: LEAVE_REASONS }) reason: string;
  @ApiProperty() count: number;
}

export class EnrolledByAreaView {
  @ApiProperty() areaCode: string;
  @ApiProperty({ description: 'Tilmeldte fra området (boligområde ved tilmelding)' }) enrolled: number;
}

export class PhaseFiguresView {
  @ApiProperty() phaseCode: string;
  @ApiProperty() name: string;
  @ApiProperty() position: number;
  @ApiProperty({ description: 'Deltagere der er startet i fasen' }) started: number;
  @ApiProperty({ description: 'Deltagere i fasen nu' }) inProgress: number;
  @ApiProperty({ description: 'Deltagere der har afsluttet fasen' }) completed: number;
  @ApiProperty({ description: 'Deltagere der udtrådte under fasen' }) interrupted: number;
}

export class MilestoneFiguresView {
  @ApiProperty() milestoneCode: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: MILESTONE_KINDS }) kind: string;
  @ApiProperty({ description: 'Deltagere der har nået milepælen (for en eksamen: været til eksamen)' }) participants: number;
  @ApiProperty({ description: 'Registreringer i alt (en eksamen kan tages igen)' }) records: number;
  @ApiProperty({ description: 'Deltagere der har bestået (eksamen); for andre slags lig participants' }) passed: number;
  @ApiProperty({ description: 'Deltagere hvis seneste forsøg ikke blev bestået (eksamen)' }) failed: number;
}

export class MeetingsByAreaView {
  @ApiProperty() areaCode: string;
  @ApiProperty() meetings: number;
  @ApiProperty() attendees: number;
  @ApiProperty() interested: number;
}

export class RecruitmentFiguresView {
  @ApiProperty() informationMeetings: number;
  @ApiProperty() attendees: number;
  @ApiProperty() interested: number;
  @ApiProperty({ type: [MeetingsByAreaView], description: 'Per område' }) byArea: MeetingsByAreaView[];
  @ApiProperty() companyVisits: number;
  @ApiProperty() busTours: number;
  @ApiProperty({ description: 'Borgere med på virksomhedsbesøg og busture i alt' }) visitParticipants: number;
  @ApiProperty() applications: number;
  @ApiProperty() selected: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ description: 'Ansøgninger uden afgørelse' }) pending: number;
}

export class ProjectFiguresView {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Status pr. denne dato; null: alt registreret' }) on: string | null;
  @ApiProperty({ type: ParticipantFiguresView }) participants: ParticipantFiguresView;
  @ApiProperty({ type: [LeftByReasonView] }) leftByReason: LeftByReasonView[];
  @ApiProperty({ type: [EnrolledByAreaView] }) enrolledByArea: EnrolledByAreaView[];
  @ApiProperty({ type: [PhaseFiguresView], description: 'Per fase i rækkefølge' }) phases: PhaseFiguresView[];
  @ApiProperty({ type: [MilestoneFiguresView], description: 'Per milepæl' }) milestones: MilestoneFiguresView[];
  @ApiProperty({ type: RecruitmentFiguresView }) recruitment: RecruitmentFiguresView;
}
