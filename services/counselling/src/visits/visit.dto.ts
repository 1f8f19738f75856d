import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
  registerDecorator,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import { VISIT_ACTIONS, VISIT_ARRIVALS, VISITOR_KINDS, VisitAction, VisitArrival, VisitorKind } from '@fremskudt/contracts';
import { VISIT_STATUSES } from './visit.entities';

const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const CODE_MESSAGE = 'must be a code (lower-case letters, digits, dashes)';
const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO date-time with a zone offset (Z or ±hh:mm): a time without one is ambiguous across daylight saving. */
const IsDateTimeWithOffset = () =>
  applyDecorators(IsISO8601({ strict: true }), Matches(DATE_TIME_WITH_OFFSET, { message: 'must be an ISO date-time with offset, e.g. 2015-03-03T10:15:00+01:00' }));

const IsCalendarDate = () => applyDecorators(IsISO8601({ strict: true }), Matches(DATE, { message: 'must be a date YYYY-MM-DD' }));

/**
 * `citizenId` is required for a citizen with a case and forbidden for everyone else: visits of
 * citizens without a case and of anonymous visitors carry no person id, not even in our tables.
 */
function IsCitizenIdOfVisitorKind(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'citizenIdOfVisitorKind',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const kind = (args.object as { visitorKind?: unknown }).visitorKind;
          if (kind === 'citizen-with-case') return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
          return value === undefined || value === null;
        },
        defaultMessage: (args?: ValidationArguments) =>
          (args?.object as { visitorKind?: unknown })?.visitorKind === 'citizen-with-case'
            ? "must be the citizen's id (a UUID) for a citizen with a case"
            : 'must be left out: only citizens with a case are registered with a person id',
      },
    });
}

/** Summoned means called in by the outreach team: only a citizen with a case can be. */
function IsArrivalOfVisitorKind(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'arrivalOfVisitorKind',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: "'summoned' is only for a citizen with a case (summoned by the outreach team); others are 'walk-in'" },
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          value !== 'summoned' || (args.object as { visitorKind?: unknown }).visitorKind === 'citizen-with-case',
      },
    });
}

/** Who came and how: shared by check-in and the one-request registration. */
class VisitorFields {
  @ApiProperty({ enum: VISITOR_KINDS, description: 'Hvem kom: borger med sag i det fremskudte team, borger uden sag (kun rådgivning) eller anonym' })
  @IsIn(VISITOR_KINDS)
  visitorKind: VisitorKind;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'Borgerens pseudonyme id: skal angives for en borger med sag (og borgeren skal have en aktiv sag), udelades for alle andre',
  })
  @IsCitizenIdOfVisitorKind()
  citizenId?: string | null;

  @ApiProperty({ enum: VISIT_ARRIVALS, description: "Indkaldt eller selvhenvendelse; 'summoned' kun for en borger med sag" })
  @IsIn(VISIT_ARRIVALS)
  @IsArrivalOfVisitorKind()
  arrival: VisitArrival;

  @ApiPropertyOptional({ format: 'uuid', description: 'Den konsulent borgeren ønsker at tale med (skal være aktiv medarbejder); udelades = hvem som helst' })
  @IsOptional()
  @IsUUID()
  requestedStaffId?: string;
}

export class CheckInDto extends VisitorFields {}

export class StaffCommandDto {
  @ApiProperty({ format: 'uuid', description: 'Konsulenten der tager samtalen (aktiv medarbejder)' })
  @IsUUID()
  staffId: string;
}

export class ReferralDto {
  @ApiProperty({ example: 'helhedsplan-tingbjerg', description: 'Den lokale aktør (kode fra områdets register over samarbejdspartnere)' })
  @Matches(CODE, { message: CODE_MESSAGE })
  partnerCode: string;
}

/** What the talk was about and what was done: shared by completion and registration. */
class TalkOutcomeFields {
  @ApiProperty({ type: [String], example: ['hours-rule', 'letters-from-authorities'], description: 'Emner (koder fra kommunens aktive emneliste); mindst ét' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  topics: string[];

  @ApiProperty({
    enum: VISIT_ACTIONS,
    isArray: true,
    description:
      "Handlinger; mindst én. 'follow-up-interview-held' og 'job-plan-revised' kun for borgere med sag; 'referral' netop når der er henvisninger",
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(VISIT_ACTIONS, { each: true })
  actions: VisitAction[];

  @ApiPropertyOptional({ type: [ReferralDto], description: 'Henvisninger til lokale aktører i skrankens område (hver aktør højst én gang)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique((referral: ReferralDto) => referral?.partnerCode)
  @ValidateNested({ each: true })
  @Type(() => ReferralDto)
  referrals?: ReferralDto[];
}

export class CompleteVisitDto extends TalkOutcomeFields {
  @ApiPropertyOptional({ format: 'date-time', description: 'Samtalens afslutning (standard: nu); ikke før samtalens start og ikke i fremtiden' })
  @IsOptional()
  @IsDateTimeWithOffset()
  endedAt?: string;
}

/** A whole visit in one request: who came, the talk and its outcome. */
export class RegisterVisitDto extends IntersectionType(VisitorFields, TalkOutcomeFields) {
  @ApiProperty({ format: 'uuid', description: 'Konsulenten der holdt samtalen' })
  @IsUUID()
  staffId: string;

  @ApiProperty({ format: 'date-time', description: 'Fremmøde; skranken skal have været åben da' })
  @IsDateTimeWithOffset()
  checkedInAt: string;

  @ApiProperty({ format: 'date-time', description: 'Samtalens start; ikke før fremmødet' })
  @IsDateTimeWithOffset()
  talkStartedAt: string;

  @ApiProperty({ format: 'date-time', description: 'Samtalens afslutning; ikke før starten og ikke i fremtiden' })
  @IsDateTimeWithOffset()
  endedAt: string;
}

export class DeskVisitsQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Fra og med denne dato (fremmødedato i København); standard: to, ellers i dag' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Til og med denne dato; standard: samme som from' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

// ---- Answers ----

export class ReferralView {
  @ApiProperty({ description: 'Den lokale aktør (kode)' }) partnerCode: string;
  @ApiProperty({ format: 'date', description: 'Dato for henvisningen' }) referredOn: string;
}

export class VisitView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) deskId: string;
  @ApiProperty({ format: 'uuid', description: 'Åbningen af skranken besøget hører til' }) sessionId: string;
  @ApiProperty({ description: 'Skrankens boligområde (kode)' }) areaCode: string;
  @ApiProperty({ enum: VISITOR_KINDS }) visitorKind: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Kun for borgere med sag' }) citizenId: string | null;
  @ApiProperty({ enum: VISIT_ARRIVALS }) arrival: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Ønsket konsulent' }) requestedStaffId: string | null;
  @ApiProperty({ enum: VISIT_STATUSES, description: 'waiting → in-talk → done; waiting → left' }) status: string;
  @ApiProperty({ format: 'date-time' }) checkedInAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) talkStartedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Konsulenten der tog samtalen' }) staffId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Samtalens afslutning, eller hvornår borgeren gik' }) endedAt: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Sekunder fra fremmøde til samtalens start' }) waitedSeconds: number | null;
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiProperty({ enum: VISIT_ACTIONS, isArray: true }) actions: string[];
  @ApiProperty({ type: [ReferralView] }) referrals: ReferralView[];
}

export class DeskVisitsView {
  @ApiProperty({ format: 'uuid' }) deskId: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [VisitView], description: 'Besøgene efter fremmødetid' }) visits: VisitView[];
}

export class QueueEntryView {
  @ApiProperty({ format: 'uuid' }) visitId: string;
  @ApiProperty({ enum: VISITOR_KINDS }) visitorKind: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) citizenId: string | null;
  @ApiProperty({ enum: VISIT_ARRIVALS }) arrival: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Ønsket konsulent (null = hvem som helst)' }) requestedStaffId: string | null;
  @ApiProperty({ format: 'date-time' }) checkedInAt: string;
}

export class WaitingEntryView extends QueueEntryView {
  @ApiProperty({ type: 'integer', description: 'Plads i køen (1 = først)' }) position: number;
  @ApiProperty({ type: 'integer', description: 'Ventetid indtil nu i sekunder' }) waitingSeconds: number;
}

export class InTalkEntryView extends QueueEntryView {
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty({ format: 'date-time' }) talkStartedAt: string;
  @ApiProperty({ type: 'integer' }) waitedSeconds: number;
}

export class EndedEntryView extends QueueEntryView {
  @ApiProperty({ enum: ['done', 'left'] }) status: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) staffId: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) waitedSeconds: number | null;
  @ApiProperty({ format: 'date-time' }) endedAt: string;
}

export class QueueView {
  @ApiProperty({ format: 'uuid' }) deskId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Den åbne åbning, hvis skranken er åben' }) openSessionId: string | null;
  @ApiProperty({ format: 'date-time', description: 'Tidspunktet ventetiderne er målt til' }) asOf: string;
  @ApiProperty({ type: [WaitingEntryView], description: 'Venter, i fremmøderækkefølge' }) waiting: WaitingEntryView[];
  @ApiProperty({ type: [InTalkEntryView], description: 'I samtale' }) inTalk: InTalkEntryView[];
  @ApiProperty({ type: [EndedEntryView], description: 'Afsluttet i dag (færdige og gået uden samtale)' }) endedToday: EndedEntryView[];
}

export class LeaveVisitDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Hvornår borgeren gik (standard: nu)' })
  @IsOptional()
  @IsDateTimeWithOffset()
  leftAt?: string;
}
