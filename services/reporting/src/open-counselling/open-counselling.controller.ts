import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, Language, RoleGroups } from '@fremskudt/service-kit';
import { RequestLanguage } from '../goals/goals.controller';
import { openCounsellingCsv } from './open-counselling-csv';
import { OpenCounsellingQuery, OpenCounsellingStatisticsView } from './open-counselling.dto';
import { OpenCounsellingStatisticsService } from './open-counselling.service';

@ApiTags('statistics')
@Controller('statistics/open-counselling')
export class OpenCounsellingStatisticsController {
  constructor(@Inject(OpenCounsellingStatisticsService) private readonly statistics: OpenCounsellingStatisticsService) {}

  @Allow(...RoleGroups.reportReaders)
  @Get()
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: OpenCounsellingStatisticsView, description: 'Åben Rådgivning pr. skranke: åbninger, åbningsdage, besøg fordelt og pr. åbningsdag; format=csv giver CSV' })
  @ApiBadRequestResponse({ description: 'Ugyldige parametre; hvert felt med fejl er navngivet' })
  async get(@Query() query: OpenCounsellingQuery, @RequestLanguage() language: Language, @Res({ passthrough: true }) response: Response): Promise<OpenCounsellingStatisticsView | string> {
    const view = await this.statistics.statistics(query);
    if (query.format !== 'csv') return view;
    response.type('text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="aaben-raadgivning-${view.tenant}-${view.from}-${view.to}.csv"`);
    return openCounsellingCsv(view, language);
  }
}
