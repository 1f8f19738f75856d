import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, Language, RoleGroups } from '@fremskudt/service-kit';
import { indicatorBreakdownCsv } from '../breakdowns/breakdown-csv';
import { GoalId, RequestLanguage } from '../goals/goals.controller';
import { indicatorTableCsv } from './indicator-csv';
import { GoalStatusesView, GoalStatusView, IndicatorTableQuery, IndicatorTableView, StatusesQuery, StatusQuery } from './statuses.dto';
import { StatusesService } from './statuses.service';

@ApiTags('statuses')
@Controller()
export class StatusesController {
  constructor(@Inject(StatusesService) private readonly statuses: StatusesService) {}

  @Allow(...RoleGroups.reportReaders)
  @Get('goals/:goalId/status')
  @ApiOkResponse({ type: GoalStatusView, description: 'Målets status med grundlaget: realiseret, mål, tæller, nævner, population, periode, definitionsversion' })
  @ApiNotFoundResponse({ description: 'Ukendt mål (eller ikke oprettet på tidspunktet asOf)' })
  @ApiBadRequestResponse({ description: 'Ugyldige parametre' })
  status(@GoalId() goalId: string, @Query() query: StatusQuery, @RequestLanguage() language: Language): Promise<GoalStatusView> {
    return this.statuses.statusOf(goalId, { language, withCitizens: query.citizens === true, asOf: query.asOf });
  }

  @Allow(...RoleGroups.reportReaders)
  @Get('goal-statuses')
  @ApiOkResponse({ type: GoalStatusesView, description: 'Status for kommunens mål i perioden (og scopet)' })
  @ApiBadRequestResponse({ description: 'Ugyldige parametre' })
  list(@Query() query: StatusesQuery, @RequestLanguage() language: Language): Promise<GoalStatusesView> {
    return this.statuses.statuses(query, language);
  }

  @Allow(...RoleGroups.reportReaders)
  @Get('indicator-table')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: IndicatorTableView, description: 'Indikatortabellen som i udvalgsrapporterne (indikator, mål, realiseret, status, sammenligning); format=csv giver CSV' })
  @ApiBadRequestResponse({ description: 'Ugyldige parametre' })
  async indicatorTable(@Query() query: IndicatorTableQuery, @RequestLanguage() language: Language, @Res({ passthrough: true }) response: Response): Promise<IndicatorTableView | string> {
    const table = await this.statuses.indicatorTable(query, query.comparisonAreas?.length ? { areas: query.comparisonAreas } : {}, language);
    if (query.format !== 'csv') return table;
    response.type('text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="indikatorer-${table.tenant}.csv"`);
    return query.by ? indicatorBreakdownCsv(table, query.by, language) : indicatorTableCsv(table, language);
  }
}
