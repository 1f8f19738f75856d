import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsOptional, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { CODE_PATTERN, LocalisedNameDto } from '../goals/goals.dto';

const CODE_MESSAGE = 'must be a code (lower-case letters, digits, dashes)';

/** Citizens by where they live and who holds their case: areas and/or teams; empty is the whole tenant. */
export class CitizenScopeDto {
  @ApiPropertyOptional({ type: [String], example: ['tingbjerg', 'urbanplanen'], description: 'Boligområder (koder); udeladt: alle' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(CODE_PATTERN, { each: true, message: CODE_MESSAGE })
  areas?: string[];

  @ApiPropertyOptional({ type: [String], example: ['fremskudt-nord'], description: 'Teams (koder, den sagsansvarliges team); udeladt: alle' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(CODE_PATTERN, { each: true, message: CODE_MESSAGE })
  teams?: string[];
}

export class NamedScopeDto {
  @ApiProperty({ type: LocalisedNameDto, example: { da: 'Fremskudt indsats', en: 'Outreach effort' } })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalisedNameDto)
  name: LocalisedNameDto;

  @ApiProperty({ type: CitizenScopeDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CitizenScopeDto)
  scope: CitizenScopeDto;
}

/**
 * The two populations the reports set side by side: the effort's own citizens and the
 * comparison group (e.g. the outreach team's citizens against the ordinary job centre's).
 */
export class ReportScopesDto {
  @ApiProperty({ type: NamedScopeDto, description: 'Indsatsens egne borgere (standard: hele kommunen)' })
  @IsDefined()
  @ValidateNested()
  @Type(() => NamedScopeDto)
  effort: NamedScopeDto;

  @ApiProperty({ type: NamedScopeDto, nullable: true, description: 'Sammenligningsgruppen (fx det ordinære jobcenter); null: ingen' })
  @ValidateIf((_object, value) => value !== null)
  @IsDefined()
  @ValidateNested()
  @Type(() => NamedScopeDto)
  comparison: NamedScopeDto | null;
}
