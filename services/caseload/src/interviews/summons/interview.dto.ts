import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, Matches } from 'class-validator';
import { CANCELLED_BY, INTERVIEW_PLACES, InterviewPlace } from '@fremskudt/contracts';
import { isCalendarDate, RequiredOnlyWhen } from '../validation';

/** Places that are in a housing area and so need its code. */
export const PLACES_IN_AN_AREA: readonly InterviewPlace[] = ['local-office', 'open-counselling'];

export const INTERVIEW_OUTCOMES = ['held', 'no-show', 'cancelled'] as const;
export type RecordedOutcome = (typeof INTERVIEW_OUTCOMES)[number];

const AREA_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;
// Date-time with a zone (Z or ±hh:mm), so the scheduled instant is unambiguous.
const DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

export class SummonCitizenDto {
  @ApiProperty({ enum: INTERVIEW_PLACES, description: 'Hvor samtalen holdes' })
  @IsIn(INTERVIEW_PLACES)
  place: InterviewPlace;

  @ApiPropertyOptional({
    example: 'tingbjerg',
    description: 'Boligområde (kode); skal udfyldes for lokalkontor og Åben Rådgivning og udelades for andre steder',
  })
  @RequiredOnlyWhen<SummonCitizenDto>(
    (dto) => PLACES_IN_AN_AREA.includes(dto.place),
    (value) => typeof value === 'string' && AREA_CODE.test(value),
    {
      required: 'is required for a local office or open counselling',
      invalid: 'must be an area code (lower-case letters, digits, dashes)',
      forbidden: 'must be left out unless the place is a local office or open counselling',
    },
  )
  areaCode?: string;

  @ApiProperty({ format: 'date-time', example: '2025-03-04T10:00:00+01:00', description: 'Tidspunkt for samtalen (med tidszone)' })
  @IsISO8601({ strict: true })
  @Matches(DATE_TIME_WITH_ZONE, { message: 'must be a date-time with a time zone, e.g. 2025-03-04T10:00:00+01:00' })
  scheduledAt: string;
}

export class RecordOutcomeDto {
  @ApiProperty({ enum: INTERVIEW_OUTCOMES, description: 'Fremmøde (afholdt), udeblivelse eller afbud' })
  @IsIn(INTERVIEW_OUTCOMES)
  outcome: RecordedOutcome;

  @ApiPropertyOptional({ format: 'date', description: 'Dato samtalen blev holdt; skal udfyldes når den er afholdt, ellers udelades' })
  @RequiredOnlyWhen<RecordOutcomeDto>((dto) => dto.outcome === 'held', isCalendarDate, {
    required: 'is required when the interview was held',
    invalid: 'must be a date YYYY-MM-DD',
    forbidden: 'must be left out unless the outcome is held',
  })
  heldOn?: string;

  @ApiPropertyOptional({ enum: CANCELLED_BY, description: 'Hvem meldte afbud; skal udfyldes ved afbud, ellers udelades' })
  @RequiredOnlyWhen<RecordOutcomeDto>((dto) => dto.outcome === 'cancelled', (value) => CANCELLED_BY.includes(value as never), {
    required: 'is required when the interview was cancelled',
    invalid: `must be one of ${CANCELLED_BY.join(', ')}`,
    forbidden: 'must be left out unless the outcome is cancelled',
  })
  cancelledBy?: (typeof CANCELLED_BY)[number];
}

export class InterviewView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ format: 'uuid', description: 'Forløbet samtalen hører til' }) periodId: string;
  @ApiProperty({ enum: ['summons', 'counselling'], description: 'Indkaldelse, eller samtale kendt fra Åben Rådgivning uden indkaldelse' })
  source: string;
  @ApiProperty({ enum: INTERVIEW_PLACES, description: 'Stedet borgeren blev indkaldt til' }) place: string;
  @ApiProperty({ type: String, nullable: true }) areaCode: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) scheduledAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) summonedAt: string | null;
  @ApiProperty({ format: 'date', description: 'Frist (rettidighed)' }) dueDate: string;
  @ApiProperty({ enum: INTERVIEW_OUTCOMES, nullable: true, description: 'Udfald; null mens indkaldelsen er åben' }) outcome: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) heldOn: string | null;
  @ApiProperty({ enum: INTERVIEW_PLACES, nullable: true, description: 'Hvor samtalen faktisk blev holdt' }) heldPlace: string | null;
  @ApiProperty({ type: String, nullable: true }) heldAreaCode: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Afholdt senest på fristen' }) onTime: boolean | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Næste samtales frist efter denne' }) nextDueDate: string | null;
  @ApiProperty({ enum: CANCELLED_BY, nullable: true }) cancelledBy: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Opfølgning efter udeblivelse senest' }) followUpDue: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Opfølgningsopgaven efter en udeblivelse' })
  followUpTaskId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) outcomeRecordedAt: string | null;
}

export class CitizenInterviewsView {
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ format: 'uuid', description: 'Det aktuelle forløb' }) periodId: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Seneste afholdte samtale i forløbet' }) lastHeldOn: string | null;
  @ApiProperty({ format: 'date', description: 'Næste samtale skal holdes senest' }) nextDueDate: string;
  @ApiProperty({ description: 'Fristen er overskredet (i dag er efter fristen)' }) overdue: boolean;
  @ApiProperty({ type: [InterviewView], description: 'Indkaldelser og samtaler, ældste først' }) interviews: InterviewView[];
}
