import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { PROGRESSION_GROUPS } from '../../rules';
import { IsCalendarDate } from '../validation';

const Score = (description: string) => (target: object, property: string) => {
  ApiProperty({ minimum: 1, maximum: 5, description })(target, property);
  IsInt()(target, property);
  Min(1)(target, property);
  Max(5)(target, property);
};

export class ProgressionScoresDto {
  @Score('Faglige kompetencer') professionalSkills: number;
  @Score('Fokus på job eller uddannelse') jobOrEducationFocus: number;
  @Score('Personlige og sociale kompetencer') personalAndSocialCompetences: number;
  @Score('Sociale forhold (bolig, familie, netværk)') socialConditions: number;
  @Score('Helbred') health: number;
}

export class AssessProgressionDto {
  @ApiProperty({ format: 'date', description: 'Dato for vurderingen' })
  @IsCalendarDate()
  assessedOn: string;

  @ApiProperty({ type: ProgressionScoresDto, description: 'De fem udviklingsmål, hvert 1-5 (1 længst fra arbejdsmarkedet)' })
  @IsDefined()
  @ValidateNested()
  @Type(() => ProgressionScoresDto)
  scores: ProgressionScoresDto;
}

export class ProgressionAssessmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ format: 'uuid', description: 'Forløbet vurderingen hører til' }) periodId: string;
  @ApiProperty({ format: 'date' }) assessedOn: string;
  @ApiProperty({ type: ProgressionScoresDto }) scores: ProgressionScoresDto;
  @ApiProperty({ enum: PROGRESSION_GROUPS, description: 'Gruppe A-G efter reglen' }) group: string;
  @ApiProperty({ enum: ['good', 'poor'], description: 'A-D god, E-G dårlig' }) outlook: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}
