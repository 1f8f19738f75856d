import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { CONTACT_EVENT_KINDS, CONTACT_KINDS, CONTACT_OUTCOMES, ContactEventKind, ContactKind, ContactOutcome } from '@fremskudt/contracts';
import { IsCalendarDate, IsNotInFuture, IsOptionalNotNull } from '../shared/validation';

export class LogContactDto {
  @ApiProperty({ enum: CONTACT_KINDS, description: 'Besøg, møde, opkald, e-mail eller arrangement' })
  @IsIn(CONTACT_KINDS)
  kind: ContactKind;

  @ApiPropertyOptional({ enum: CONTACT_EVENT_KINDS, description: 'Kun (og altid) for arrangementer: jobmesse, virksomhedsbesøg med borgere, busture' })
  @IsOptionalNotNull()
  @IsIn(CONTACT_EVENT_KINDS)
  eventKind?: ContactEventKind;

  @ApiProperty({ format: 'date', description: 'Dagen kontakten fandt sted (ikke i fremtiden)' })
  @IsCalendarDate()
  @IsNotInFuture()
  occurredOn: string;

  @ApiProperty({ format: 'uuid', description: 'Medarbejderen der havde kontakten' })
  @IsUUID('4')
  staffId: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Borgere kontakten handlede om (borgere i kommunens forløb)' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('4', { each: true })
  citizenIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Jobåbninger kontakten handlede om' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('4', { each: true })
  openingIds?: string[];

  @ApiProperty({ enum: CONTACT_OUTCOMES, description: 'Udfaldet' })
  @IsIn(CONTACT_OUTCOMES)
  outcome: ContactOutcome;

  @ApiPropertyOptional({ description: 'Noter (bliver i virksomhedstjenesten; sendes aldrig på hændelser)' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 4000)
  notes?: string;

  @ApiPropertyOptional({ example: 'Ring igen om praktikplads i køkkenet', description: 'Aftalt næste skridt' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 500)
  nextStep?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Hvornår næste skridt skal tages (ikke før kontakten)' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  nextStepOn?: string;
}

export class ContactView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty({ enum: CONTACT_KINDS }) kind: string;
  @ApiProperty({ enum: CONTACT_EVENT_KINDS, nullable: true }) eventKind: string | null;
  @ApiProperty({ format: 'date' }) occurredOn: string;
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty({ type: [String] }) citizenIds: string[];
  @ApiProperty({ type: [String] }) openingIds: string[];
  @ApiProperty({ enum: CONTACT_OUTCOMES }) outcome: string;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: String, nullable: true }) nextStep: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) nextStepOn: string | null;
  @ApiProperty({ format: 'date-time' }) loggedAt: string;
}
