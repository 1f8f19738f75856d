import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { VISIT_ACTIONS } from '@fremskudt/contracts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A calendar date YYYY-MM-DD (a real date, no time, no zone). */
const IsCalendarDate = () => applyDecorators(IsISO8601({ strict: true }), Matches(DATE, { message: 'must be a date YYYY-MM-DD' }));

// ---- queries ----

export class VisitStatisticsQuery {
  @ApiProperty({ format: 'date', example: '2015-03-01', description: 'Fra og med denne åbningsdag (dansk dato)' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ format: 'date', example: '2015-03-31', description: 'Til og med denne åbningsdag (dansk dato); højst tre år efter from' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({ example: 'tingbjerg', description: 'Kun skrankerne i dette boligområde' })
  @IsOptional()
  @Matches(CODE, { message: 'must be a code (lower-case letters, digits, dashes)' })
  areaCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Kun denne skranke' })
  @IsOptional()
  @IsUUID()
  deskId?: string;
}

/** The day-by-day list has the same filters; its period is at most a year. */
export class VisitDaysQuery extends VisitStatisticsQuery {}

// ---- answers ----

export class VisitSplitView {
  @ApiProperty({ type: 'integer', description: 'Indkaldte borgere med sag' }) summoned: number;
  @ApiProperty({ type: 'integer', description: 'Borgere med sag der kom uden indkaldelse (selvhenvendelse)' }) walkInWithCase: number;
  @ApiProperty({ type: 'integer', description: 'Uden sag i alt: borgere uden sag og anonyme' }) withoutCase: number;
  @ApiProperty({ type: 'integer', description: 'Heraf borgere uden sag i det fremskudte team' }) citizensWithoutCase: number;
  @ApiProperty({ type: 'integer', description: 'Heraf anonyme' }) anonymous: number;
}

export class PerOpeningDayView {
  @ApiProperty({ type: Number, nullable: true, description: 'Besøg pr. åbningsdag (gennemsnit, én decimal); null uden åbningsdage' }) visits: number | null;
  @ApiProperty({ type: Number, nullable: true }) summoned: number | null;
  @ApiProperty({ type: Number, nullable: true }) walkInWithCase: number | null;
  @ApiProperty({ type: Number, nullable: true }) withoutCase: number | null;
}

export class WaitingTimeView {
  @ApiProperty({ type: 'integer', description: 'Besøg med en samtale (ventetiden er målt fra fremmøde til samtalens start)' }) measured: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Median i minutter (én decimal); null uden samtaler' }) medianMinutes: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '90 %-fraktil i minutter (percentile_cont)' }) p90Minutes: number | null;
}

export class TalkLengthView {
  @ApiProperty({ type: 'integer', description: 'Afsluttede samtaler' }) measured: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Median i minutter fra samtalens start til afslutning' }) medianMinutes: number | null;
}

export class RepeatVisitorsView {
  @ApiProperty({ type: 'integer', description: 'Forskellige borgere med sag der kom i perioden' }) caseCitizens: number;
  @ApiProperty({ type: 'integer', description: 'Heraf borgere der kom to eller flere gange' }) repeatVisitors: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Andel gengangere i procent (én decimal)' }) sharePercent: number | null;
}

export class DistributionEntryView {
  @ApiProperty({ description: 'Koden' }) code: string;
  @ApiProperty({ description: 'Betegnelse på dansk' }) labelDa: string;
  @ApiProperty({ description: 'Betegnelse på engelsk' }) labelEn: string;
  @ApiProperty({ type: 'integer', description: 'Afsluttede besøg med emnet eller handlingen' }) visits: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Andel af de afsluttede besøg i procent' }) sharePercent: number | null;
}

export class PartnerReferralsView {
  @ApiProperty() areaCode: string;
  @ApiProperty() partnerCode: string;
  @ApiProperty({ description: 'Aktørens navn (koden, hvis aktøren ikke findes i registret)' }) name: string;
  @ApiProperty({ type: 'integer' }) referrals: number;
}

export class ReferralsView {
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: [PartnerReferralsView], description: 'Pr. lokal aktør, flest først' }) byPartner: PartnerReferralsView[];
}

export class VisitFiguresView {
  @ApiProperty({ type: 'integer', description: 'Besøg i perioden (alle fremmødte, også dem der gik uden samtale)' }) visits: number;
  @ApiProperty({ type: 'integer', description: 'Åbningsdage: dage skranken havde en åbning (for flere skranker: summen over skrankerne)' })
  openingDays: number;
  @ApiProperty({ type: 'integer', description: 'Åbninger (sessioner)' }) sessions: number;
  @ApiProperty({ type: VisitSplitView }) split: VisitSplitView;
  @ApiProperty({ type: PerOpeningDayView }) perOpeningDay: PerOpeningDayView;
  @ApiProperty({ type: Number, nullable: true, description: 'Andel af besøgene med sag i procent (projektbeskrivelsen: 94 % i marts 2015)' })
  withCasePercent: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Andel af besøgene af borgere med sag, hvor borgeren kom uden indkaldelse, i procent (projektbeskrivelsen: 3/5)',
  })
  caseVisitsWithoutSummonsPercent: number | null;
  @ApiProperty({ type: WaitingTimeView }) waitingTime: WaitingTimeView;
  @ApiProperty({ type: TalkLengthView }) talkLength: TalkLengthView;
  @ApiProperty({ type: RepeatVisitorsView }) repeatVisitors: RepeatVisitorsView;
  @ApiProperty({ type: [DistributionEntryView], description: 'Emner: kommunens liste (også emner uden besøg) og brugte tilbagetrukne emner, flest først' })
  topics: DistributionEntryView[];
  @ApiProperty({ type: [DistributionEntryView], description: `Handlinger (${VISIT_ACTIONS.join(', ')}), flest først` })
  actions: DistributionEntryView[];
  @ApiProperty({ type: ReferralsView }) referrals: ReferralsView;
}

export class DeskVisitFiguresView extends VisitFiguresView {
  @ApiProperty({ format: 'uuid' }) deskId: string;
  @ApiProperty() areaCode: string;
  @ApiProperty() deskName: string;
}

export class VisitStatisticsView {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: String, nullable: true }) areaCode: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) deskId: string | null;
  @ApiProperty({ type: VisitFiguresView, description: 'Alle skranker i udvalget tilsammen' }) total: VisitFiguresView;
  @ApiProperty({ type: [DeskVisitFiguresView], description: 'Pr. skranke (aktive skranker og skranker med åbninger i perioden), efter område og navn' })
  desks: DeskVisitFiguresView[];
}

export class OpeningDayView {
  @ApiProperty({ format: 'date', description: 'Åbningsdagen (dansk dato)' }) date: string;
  @ApiProperty({ format: 'uuid' }) deskId: string;
  @ApiProperty() areaCode: string;
  @ApiProperty() deskName: string;
  @ApiProperty({ type: 'integer', description: 'Åbninger den dag (normalt én)' }) sessions: number;
  @ApiProperty({ type: 'integer' }) visits: number;
  @ApiProperty({ type: 'integer' }) summoned: number;
  @ApiProperty({ type: 'integer' }) walkInWithCase: number;
  @ApiProperty({ type: 'integer', description: 'Borgere uden sag og anonyme' }) withoutCase: number;
}

export class VisitDaysView {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [OpeningDayView], description: 'Én række pr. skranke og åbningsdag, efter dato, område og skranke' }) days: OpeningDayView[];
}
