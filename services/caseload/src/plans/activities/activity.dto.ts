import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { CODE_PATTERN, IsCalendarDate, IsNotInFuture } from '../../case/validation';

export const MAX_LOCAL_ACTORS = 20;

export class HomeVisitDto {
  @ApiProperty({ format: 'date', description: 'Dato for besøget; ikke i fremtiden (400)' })
  @IsCalendarDate()
  @IsNotInFuture()
  heldOn: string;

  @ApiProperty({ format: 'uuid', description: 'Medarbejderen der var på besøg' })
  @IsUUID()
  staffId: string;

  @ApiPropertyOptional({ description: 'Notat (bliver i sagsstammen; sendes aldrig på emner)' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  note?: string;
}

export class LocalActorDto {
  @ApiProperty({ example: 'helhedsplan-tingbjerg', description: 'Den lokale aktørs kode (samarbejdspartner)' })
  @Matches(CODE_PATTERN, { message: 'must be a code (lower-case letters, digits, dashes)' })
  code: string;

  @ApiProperty({ example: 'Helhedsplanen i Tingbjerg', description: 'Navn (bliver i sagsstammen)' })
  @IsString()
  @Length(1, 200)
  name: string;
}

export class RoundTableMeetingDto extends HomeVisitDto {
  @ApiProperty({ type: [LocalActorDto], minItems: 1, maxItems: MAX_LOCAL_ACTORS, description: 'De lokale aktører der deltog (mindst én)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LOCAL_ACTORS)
  @ValidateNested({ each: true })
  @Type(() => LocalActorDto)
  localActors: LocalActorDto[];
}

export class LocalActorView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class ActivityView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ format: 'uuid', description: 'Forløbet aktiviteten hører til' }) periodId: string;
  @ApiProperty({ enum: ['home-visit', 'round-table-meeting'] }) kind: string;
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty({ type: 'string', nullable: true }) note: string | null;
  @ApiProperty({ type: [LocalActorView], description: 'Lokale aktører (kun rundbordssamtaler)' }) localActors: LocalActorView[];
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class CitizenActivitiesView {
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ type: [ActivityView], description: 'Hjemmebesøg og rundbordssamtaler efter dato' }) activities: ActivityView[];
}
