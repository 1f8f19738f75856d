import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { AREA_TEMPLATES, AreaTemplate } from './area-templates';
import { DeskView, WeeklyOpeningView } from './desks.dto';
import { CODE_MESSAGE, CODE_PATTERN, IsOptionalNotNull } from './validation';

// ---- setup ----

export class ApplyAreaTemplateDto {
  @ApiProperty({ enum: AREA_TEMPLATES, description: 'Kommunens skabelon: skranker og ugeskemaer fra projektbeskrivelsen' })
  @IsIn(AREA_TEMPLATES)
  template: AreaTemplate;
}

export class TemplateDeskView extends DeskView {
  @ApiProperty({ description: 'Oprettet nu (false: fandtes allerede og er ikke ændret)' }) created: boolean;
  @ApiProperty({ type: [WeeklyOpeningView], description: 'Skrankens ugeskema nu' }) weekly: WeeklyOpeningView[];
}

export class AreaTemplateView {
  @ApiProperty({ enum: AREA_TEMPLATES }) template: AreaTemplate;
  @ApiProperty({ type: 'integer', description: 'Antal skranker oprettet nu (0 ved gentagelse)' }) created: number;
  @ApiProperty({ type: [TemplateDeskView] }) desks: TemplateDeskView[];
}

// ---- topics ----

export class TopicDto {
  @ApiProperty({ example: 'hours-rule', description: 'Emnets kode (bruges på besøg og emner)' })
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @ApiProperty({ example: '225-timers-reglen' })
  @IsString()
  @Length(1, 200)
  labelDa: string;

  @ApiProperty({ example: 'Hours rule' })
  @IsString()
  @Length(1, 200)
  labelEn: string;

  @ApiProperty({ description: 'false: kan ikke vælges på nye besøg' })
  @IsBoolean()
  active: boolean;
}

export class ReplaceTopicsDto {
  @ApiProperty({ type: [TopicDto], minItems: 1, description: 'Kommunens emneliste i visningsrækkefølge (erstatter den nuværende); koder entydige' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TopicDto)
  topics: TopicDto[];
}

export class TopicView {
  @ApiProperty() code: string;
  @ApiProperty() labelDa: string;
  @ApiProperty() labelEn: string;
  @ApiProperty() active: boolean;
}

export class TopicsView {
  @ApiProperty({ enum: ['defaults', 'tenant'], description: 'defaults: projektbeskrivelsens liste (kommunen har ingen egen)' }) source: 'defaults' | 'tenant';
  @ApiProperty({ type: [TopicView] }) topics: TopicView[];
}

// ---- partners ----

export const PARTNER_KINDS = ['housing-partnership', 'ngo', 'union', 'training-centre', 'municipal-service', 'other'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export class AreaParams {
  @ApiProperty({ example: 'tingbjerg', description: 'Boligområdet (kode)' })
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  areaCode: string;
}

export class CreatePartnerDto {
  @ApiProperty({ example: 'helhedsplan-tingbjerg', description: 'Aktørens kode (entydig i området; bruges i henvisninger)' })
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @ApiProperty({ example: 'Helhedsplanen i Tingbjerg' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: PARTNER_KINDS, description: 'Slags aktør' })
  @IsIn(PARTNER_KINDS)
  kind: PartnerKind;
}

export class ChangePartnerDto {
  @ApiPropertyOptional({ description: 'Nyt navn' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ description: 'false: kan ikke længere henvises til' })
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export const PARTNER_CHANGE_ATTRIBUTES = ['name', 'active'] as const;

export class PartnerView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() areaCode: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PARTNER_KINDS }) kind: PartnerKind;
  @ApiProperty() active: boolean;
}
