import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { OFFER_DROP_REASONS, OFFER_TYPES, OfferDropReason, OfferType } from '@fremskudt/contracts';
import { CODE_PATTERN, IsCalendarDate, IsNotInFuture } from '../../case/validation';
import { OFFER_STATUSES } from './offer-state';

export class PlanOfferDto {
  @ApiProperty({ enum: OFFER_TYPES, description: 'Slags tilbud (virksomhedspraktik og løntilskud er virksomhedsplaceringer og ejes af virksomhedstjenesten)' })
  @IsIn(OFFER_TYPES)
  offerType: OfferType;

  @ApiPropertyOptional({ example: 'amu-nord', description: 'Udbyder (kode), hvis kendt' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'must be a provider code (lower-case letters, digits, dashes)' })
  providerCode?: string;

  @ApiProperty({ format: 'date', description: 'Planlagt start' })
  @IsCalendarDate()
  plannedStart: string;

  @ApiPropertyOptional({ format: 'date', description: 'Planlagt slut, hvis kendt; ikke før planlagt start' })
  @IsOptional()
  @IsCalendarDate()
  plannedEnd?: string;

  @ApiPropertyOptional({ description: 'Beskrivelse (bliver i sagsstammen; sendes aldrig på emner)' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  description?: string;
}

export class StartOfferDto {
  @ApiProperty({ format: 'date', description: 'Faktisk startdato; ikke i fremtiden' })
  @IsCalendarDate()
  @IsNotInFuture()
  startedOn: string;
}

export class CompleteOfferDto {
  @ApiProperty({ format: 'date', description: 'Dato tilbuddet blev gennemført; ikke før start og ikke i fremtiden' })
  @IsCalendarDate()
  @IsNotInFuture()
  completedOn: string;
}

export class DropOfferDto {
  @ApiProperty({ format: 'date', description: 'Dato tilbuddet blev afbrudt; ikke før start og ikke i fremtiden' })
  @IsCalendarDate()
  @IsNotInFuture()
  droppedOn: string;

  @ApiProperty({ enum: OFFER_DROP_REASONS, description: 'Hvorfor tilbuddet blev afbrudt' })
  @IsIn(OFFER_DROP_REASONS)
  reason: OfferDropReason;
}

export class OfferView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ format: 'uuid', description: 'Forløbet tilbuddet hører til' }) periodId: string;
  @ApiProperty({ enum: OFFER_TYPES }) offerType: string;
  @ApiProperty({ type: 'string', nullable: true }) providerCode: string | null;
  @ApiProperty({ format: 'date' }) plannedStart: string;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) plannedEnd: string | null;
  @ApiProperty({ type: 'string', nullable: true }) description: string | null;
  @ApiProperty({ enum: OFFER_STATUSES, description: 'planned → started → completed; planned|started → dropped' }) status: string;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) startedOn: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) completedOn: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) droppedOn: string | null;
  @ApiProperty({ enum: OFFER_DROP_REASONS, nullable: true }) dropReason: string | null;
  @ApiProperty({ format: 'date-time' }) plannedAt: string;
}

export class CitizenOffersView {
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ type: [OfferView], description: 'Borgerens tilbud efter planlagt start' }) offers: OfferView[];
}
