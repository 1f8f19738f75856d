import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { STAFF_ROLES, StaffRole } from '@fremskudt/contracts';
import { IsOptionalNotNull } from '../citizens/require-any-of';

const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const CODE_MESSAGE = 'must be a code (lower-case letters, digits, dashes)';
const MAX_CAPACITY = 500;
/** Printable characters without spaces: what identity brokers put in `sub` (uuids, e-mail-like ids, URNs). */
const LOGIN_SUBJECT = /^[\x21-\x7e]+$/;
const LOGIN_SUBJECT_MESSAGE = 'must be printable characters without spaces';

export class RegisterStaffMemberDto {
  @ApiProperty({ example: 'Jens Madsen', description: 'Fulde navn (bliver i sagsstammen, kommer aldrig på et emne)' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: STAFF_ROLES, description: 'Rolle i teamet' })
  @IsIn(STAFF_ROLES)
  role: StaffRole;

  @ApiProperty({ example: 'team-nord', description: 'Team (kode)' })
  @Matches(CODE, { message: CODE_MESSAGE })
  teamCode: string;

  @ApiProperty({ type: [String], example: ['tingbjerg', 'urbanplanen'], description: 'Boligområder medarbejderen arbejder i (koder)' })
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  areaCodes: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_CAPACITY, description: 'Sagsstammens kapacitet; kommunens indstilling hvis udeladt' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CAPACITY)
  caseloadCapacity?: number;

  @ApiPropertyOptional({
    example: 'a3f0c2e4-jmad',
    description: "Login-id hos kommunens identitetsudbyder (tokenets `sub`). Brugerens adgang til borgere (egen sagsstamme, teamets, områdets) findes gennem den medarbejder, den peger på. Unik i kommunen.",
  })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  @Matches(LOGIN_SUBJECT, { message: LOGIN_SUBJECT_MESSAGE })
  loginSubject?: string;
}

export class ChangeStaffMemberDto {
  @ApiPropertyOptional({ example: 'team-syd', description: 'Nyt team (kode)' })
  @IsOptionalNotNull()
  @Matches(CODE, { message: CODE_MESSAGE })
  teamCode?: string;

  @ApiPropertyOptional({ type: [String], description: 'Nye boligområder (erstatter de nuværende)' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  areaCodes?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_CAPACITY, description: 'Ny kapacitet (gælder nye tildelinger; borgere over kapaciteten bliver)' })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_CAPACITY)
  caseloadCapacity?: number;

  @ApiPropertyOptional({ description: 'false når medarbejderen er stoppet (kan ikke længere få borgere tildelt)' })
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Nyt login-id hos identitetsudbyderen; null fjerner koblingen (brugeren når så ingen borgere)' })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  @Matches(LOGIN_SUBJECT, { message: LOGIN_SUBJECT_MESSAGE })
  loginSubject?: string | null;
}

export const STAFF_CHANGE_ATTRIBUTES = ['teamCode', 'areaCodes', 'caseloadCapacity', 'active', 'loginSubject'] as const;

const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class StaffQuery {
  @ApiPropertyOptional({ description: 'Kun dette team' })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  teamCode?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES, description: 'Kun denne rolle' })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;

  @ApiPropertyOptional({ type: Boolean, description: 'true: kun aktive, false: kun stoppede' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  active?: boolean;
}

export class StaffMemberView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: STAFF_ROLES }) role: string;
  @ApiProperty() teamCode: string;
  @ApiProperty({ type: [String] }) areaCodes: string[];
  @ApiProperty({ type: 'integer' }) caseloadCapacity: number;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Login-id hos identitetsudbyderen (null: ikke koblet)' }) loginSubject: string | null;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
}

export class CaseloadCitizenView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() areaCode: string;
  @ApiProperty({ format: 'date', description: 'Konsulenten har haft sagen siden' }) since: string;
}

export class CaseloadView {
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty({ type: 'integer', description: 'Antal aktive borgere i sagsstammen' }) count: number;
  @ApiProperty({ type: 'integer' }) capacity: number;
  @ApiProperty({ type: [CaseloadCitizenView] }) citizens: CaseloadCitizenView[];
}
