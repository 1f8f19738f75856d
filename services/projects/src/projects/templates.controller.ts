import { Controller, Get, Param, ParseEnumPipe, Req } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { PARTNER_KINDS, PARTNER_ROLES, PROJECT_TEMPLATES, ProjectTemplateCode } from '@fremskudt/contracts';
import { Allow, Language, NotFoundProblem, RoleGroups, languageOf } from '@fremskudt/service-kit';
import { uncheckedCriteria } from './project-store';
import { CohortGoalView, EligibilityView, MilestoneView, PhaseView } from './projects.dto';
import { PROJECT_TEMPLATE_CATALOGUE, ProjectTemplate } from './templates';

export class TemplateVariantView {
  @ApiProperty({ example: 'care-home-helper' }) code: string;
  @ApiProperty({ example: 'Plejehjemsmedhjælper' }) name: string;
}

export class SuggestedPartnerView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PARTNER_KINDS }) kind: string;
  @ApiProperty({ enum: PARTNER_ROLES, isArray: true }) roles: string[];
}

export class TemplateView {
  @ApiProperty({ enum: PROJECT_TEMPLATES }) code: ProjectTemplateCode;
  @ApiProperty({ description: 'Navn (dansk; engelsk med Accept-Language: en)' }) name: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'Hvor i kildedokumenterne skabelonen kommer fra' }) source: string;
  @ApiProperty({ type: [TemplateVariantView], description: 'Varianter; når der er nogen, skal en vælges (variantCode)' }) variants: TemplateVariantView[];
  @ApiProperty() targetGroup: string;
  @ApiProperty({ type: EligibilityView }) eligibility: EligibilityView;
  @ApiProperty({ description: 'Deltagerne skal bo i projektets egne områder' }) eligibleInProjectAreas: boolean;
  @ApiProperty({ type: 'integer', nullable: true }) capacity: number | null;
  @ApiProperty({ type: [PhaseView] }) phases: PhaseView[];
  @ApiProperty({ type: [MilestoneView] }) milestones: MilestoneView[];
  @ApiProperty({ type: [CohortGoalView] }) goals: CohortGoalView[];
  @ApiProperty({ type: [SuggestedPartnerView], description: 'Partnere kilden nævner (registreres af kommunen selv)' }) suggestedPartners: SuggestedPartnerView[];
}

const toTemplateView = (template: ProjectTemplate, language: Language): TemplateView => ({
  code: template.code,
  name: template.name[language],
  description: template.description[language],
  source: template.source,
  variants: template.variants.map((variant) => ({ code: variant.code, name: variant.name[language] })),
  targetGroup: template.targetGroup,
  eligibility: { ...template.eligibility, notChecked: uncheckedCriteria(template.eligibility) },
  eligibleInProjectAreas: template.eligibleInProjectAreas,
  capacity: template.capacity,
  phases: template.phases.map((phase, index) => ({ ...phase, position: index + 1 })),
  milestones: template.milestones.map((milestone) => ({ ...milestone })),
  goals: template.goals.map((goal) => ({ ...goal })),
  suggestedPartners: template.suggestedPartners.map((partner) => ({ ...partner })),
});

/** The ready-made projects of the documents (instantiate with POST /projects/from-template). */
@ApiTags('templates')
@Controller('templates')
export class TemplatesController {
  @Allow(...RoleGroups.staff)
  @Get()
  @ApiOkResponse({ type: [TemplateView], description: 'Stafetten, jobpakken (med de målrettede job som varianter) og det virksomhedsforberedende forløb' })
  list(@Req() request: Request): TemplateView[] {
    return PROJECT_TEMPLATE_CATALOGUE.map((template) => toTemplateView(template, languageOf(request)));
  }

  @Allow(...RoleGroups.staff)
  @Get(':code')
  @ApiOkResponse({ type: TemplateView })
  @ApiNotFoundResponse({ description: 'Ukendt skabelon' })
  get(@Param('code', new ParseEnumPipe(PROJECT_TEMPLATES, { exceptionFactory: () => new NotFoundProblem('Unknown project template') })) code: ProjectTemplateCode, @Req() request: Request): TemplateView {
    const template = PROJECT_TEMPLATE_CATALOGUE.find((candidate) => candidate.code === code)!;
    return toTemplateView(template, languageOf(request));
  }
}
