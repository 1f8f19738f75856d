import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, Language, RoleGroups } from '@fremskudt/service-kit';
import { RequestLanguage } from '../goals/goals.controller';
import { distributionCsv, transitionsCsv } from './progression-csv';
import { DistributionQuery, ProgressionDistributionView, ProgressionTransitionsView, TransitionsQuery } from './progression.dto';
import { ProgressionService } from './progression.service';

const csv = (response: Response, name: string, text: string) => {
  response.type('text/csv; charset=utf-8');
  response.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
  return text;
};

@ApiTags('progression')
@Controller('progression')
export class ProgressionController {
  constructor(@Inject(ProgressionService) private readonly progression: ProgressionService) {}

  @Allow(...RoleGroups.reportReaders)
  @Get('distribution')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ProgressionDistributionView, description: 'Fordelingen på grupperne A-G på en dato (borgere i forløb i scopet, seneste vurdering); format=csv giver CSV' })
  @ApiBadRequestResponse({ description: 'Ugyldige parametre; hvert felt med fejl er navngivet' })
  async distribution(@Query() query: DistributionQuery, @RequestLanguage() language: Language, @Res({ passthrough: true }) response: Response): Promise<ProgressionDistributionView | string> {
    const view = await this.progression.distribution(query, language);
    return query.format === 'csv' ? csv(response, `progression-${view.tenant}-${view.on}`, distributionCsv(view, language)) : view;
  }

  @Allow(...RoleGroups.reportReaders)
  @Get('transitions')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: ProgressionTransitionsView,
    description: 'Overgangstabellen mellem to datoer for indsatsen og sammenligningsgruppen: god→god, god→dårlig, →job/uddannelse, →andet; format=csv giver CSV',
  })
  @ApiBadRequestResponse({ description: 'Ugyldige parametre (fx to før from); hvert felt med fejl er navngivet' })
  async transitions(@Query() query: TransitionsQuery, @RequestLanguage() language: Language, @Res({ passthrough: true }) response: Response): Promise<ProgressionTransitionsView | string> {
    const view = await this.progression.transitions(query, language);
    return query.format === 'csv' ? csv(response, `progression-${view.tenant}-${view.from}-${view.to}`, transitionsCsv(view, language)) : view;
  }
}
