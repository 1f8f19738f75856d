import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, Language, RoleGroups } from '@fremskudt/service-kit';
import { RequestLanguage } from '../goals/goals.controller';
import { ApiCitizenIdsForbidden, assertMayListCitizenIds } from '../reports/citizen-ids';
import { csvDownload } from '../reports/csv';
import { distributionCitizensCsv, distributionCsv, transitionCitizensCsv, transitionsCsv } from './progression-csv';
import { DistributionQuery, ProgressionDistributionView, ProgressionTransitionsView, TransitionsQuery } from './progression.dto';
import { ProgressionService } from './progression.service';

@ApiTags('progression')
@Controller('progression')
export class ProgressionController {
  constructor(@Inject(ProgressionService) private readonly progression: ProgressionService) {}

  @Allow(...RoleGroups.reportReaders)
  @Get('distribution')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: ProgressionDistributionView,
    description:
      'Fordelingen på grupperne A-G på en dato (borgere i forløb i scopet, seneste vurdering), pr. område eller team med by; citizens=true: de pseudonyme borger-id’er bag hver gruppe; format=csv giver CSV',
  })
  @ApiCitizenIdsForbidden()
  @ApiBadRequestResponse({ description: 'Ugyldige parametre; hvert felt med fejl er navngivet' })
  async distribution(@Query() query: DistributionQuery, @RequestLanguage() language: Language, @Res({ passthrough: true }) response: Response): Promise<ProgressionDistributionView | string> {
    assertMayListCitizenIds(query.citizens);
    const view = await this.progression.distribution(query, language);
    if (query.format !== 'csv') return view;
    const name = `progression-${view.tenant}-${view.on}`;
    return query.citizens ? csvDownload(response, `${name}-borgere`, distributionCitizensCsv(view, language)) : csvDownload(response, name, distributionCsv(view, language));
  }

  @Allow(...RoleGroups.reportReaders)
  @Get('transitions')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: ProgressionTransitionsView,
    description:
      'Overgangstabellen mellem to datoer for indsatsen og sammenligningsgruppen: god→god, god→dårlig, →job/uddannelse, →andet; by: pr. område eller team på første dato; citizens=true: de pseudonyme borger-id’er bag hver celle; format=csv giver CSV',
  })
  @ApiCitizenIdsForbidden()
  @ApiBadRequestResponse({ description: 'Ugyldige parametre (fx to før from); hvert felt med fejl er navngivet' })
  async transitions(@Query() query: TransitionsQuery, @RequestLanguage() language: Language, @Res({ passthrough: true }) response: Response): Promise<ProgressionTransitionsView | string> {
    assertMayListCitizenIds(query.citizens);
    const view = await this.progression.transitions(query, language);
    if (query.format !== 'csv') return view;
    const name = `progression-${view.tenant}-${view.from}-${view.to}`;
    return query.citizens ? csvDownload(response, `${name}-borgere`, transitionCitizensCsv(view, language)) : csvDownload(response, name, transitionsCsv(view, language));
  }
}
