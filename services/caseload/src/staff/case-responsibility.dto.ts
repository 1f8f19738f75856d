import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '../case/validation';
import { IsOptionalNotNull } from '../citizens/require-any-of';

export class AssignConsultantDto {
  @ApiProperty({ format: 'uuid', description: 'Jobkonsulenten der får sagsansvaret' })
  @IsUUID()
  consultantId: string;

  @ApiPropertyOptional({ format: 'date', description: 'Dato sagsansvaret begynder (standard: i dag)' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  effectiveDate?: string;

  @ApiPropertyOptional({ default: false, description: 'Tildel selv om sagsstammen er fuld (kræver en begrundelse)' })
  @IsOptionalNotNull()
  @IsBoolean()
  force?: boolean;

  @ApiPropertyOptional({ description: 'Begrundelse; skal udfyldes når force er true' })
  @ValidateIf((command: AssignConsultantDto) => command.force === true || command.reason !== undefined)
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(1000)
  reason?: string;
}

export class CaseAssignmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ format: 'uuid' }) consultantId: string;
  @ApiProperty() consultantName: string;
  @ApiProperty({ description: 'Konsulentens team ved tildelingen' }) teamCode: string;
  @ApiProperty({ format: 'date' }) fromDate: string;
  @ApiProperty({ format: 'date', nullable: true, description: 'Dagen ansvaret sluttede (overflytning eller afgang); null for det nuværende' }) toDate: string | null;
  @ApiProperty({ description: 'Tildelt ud over kapaciteten' }) overCapacity: boolean;
  @ApiProperty({ nullable: true }) reason: string | null;
}
