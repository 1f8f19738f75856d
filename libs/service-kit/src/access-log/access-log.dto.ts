import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../http/field-rules';
import { CITIZEN_ACCESS_ACTIONS, CITIZEN_ACCESS_OUTCOMES } from './citizen-access-log';

export const DEFAULT_ACCESS_LOG_PAGE = 100;
export const MAX_ACCESS_LOG_PAGE = 500;
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value);

export class AccessLogQuery {
  @ApiPropertyOptional({ description: 'Kun denne brugers opslag (tokenets sub)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  user?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Kun opslag på denne borger' })
  @IsOptional()
  @IsUUID()
  citizenId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Fra og med denne dag (dansk tid)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Til og med denne dag (dansk tid)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_ACCESS_LOG_PAGE, default: DEFAULT_ACCESS_LOG_PAGE, description: 'Højst så mange rækker (nyeste først)' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(MAX_ACCESS_LOG_PAGE)
  limit?: number;

  @ApiPropertyOptional({ description: 'Næste side: rækkerne før dette id (svarets nextBefore)' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'must be a row id (nextBefore of the previous page)' })
  before?: string;
}

export class AccessLogEntryView {
  @ApiProperty({ description: 'Rækkens id (stigende i tid)' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'Brugeren (tokenets sub)' }) userId: string;
  @ApiProperty({ type: [String], description: 'Brugerens roller ved opslaget' }) roles: string[];
  @ApiProperty({ enum: CITIZEN_ACCESS_ACTIONS }) action: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) citizenId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
    description: 'Søgekriteriet; et CPR-nummer står kun som nøglet hash (cprHash), aldrig i klar tekst',
  })
  criterion: Record<string, string> | null;
  @ApiProperty({ type: String, nullable: true }) purpose: string | null;
  @ApiProperty({ enum: CITIZEN_ACCESS_OUTCOMES }) outcome: string;
  @ApiProperty({ example: 'GET' }) method: string;
  @ApiProperty({ example: '/citizens/:id', description: 'Ruten (skabelonen, ikke URL’en med værdier)' }) route: string;
}

export class AccessLogPageView {
  @ApiProperty({ type: [AccessLogEntryView], description: 'Nyeste først' }) entries: AccessLogEntryView[];
  @ApiProperty({ type: String, nullable: true, description: 'Giv den som before for at få næste side; null på sidste side' }) nextBefore: string | null;
}

/** What a citizen gets on an access request: when and why, never who. */
export class AccessLogExportEntryView {
  @ApiProperty({ format: 'date', description: 'Dagen (dansk tid)' }) date: string;
  @ApiProperty({ enum: CITIZEN_ACCESS_ACTIONS }) action: string;
  @ApiProperty({ type: String, nullable: true, description: 'Formålet, hvis det blev angivet' }) purpose: string | null;
}

export class AccessLogPurgeView {
  @ApiProperty({ description: 'Antal slettede rækker (kommunens egne)' }) purged: number;
  @ApiProperty({ description: 'Opbevaringsperioden i dage (ACCESS_LOG_RETENTION_DAYS)' }) retentionDays: number;
}
