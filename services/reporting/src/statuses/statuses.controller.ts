import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, Language, RoleGroups } from '@fremskudt/service-kit';
import { indicatorBreakdownCsv } from '../breakdowns/breakdown-csv';
import { GoalId, RequestLanguage } from '../goals/goals.controller';
import { ApiCitizenIdsForbidden, assertMayListCitizenIds } from '../reports/citizen-ids';
import { csvDownload } from '../reports/csv';
import { goalCitizensCsv, goalStatusesCsv, indicatorTableCsv } from './indicator-csv';
import { GoalStatusesView, GoalStatusView, IndicatorTableQuery, IndicatorTableView, StatusesQuery, StatusQuery } from './statuses.dto';
import { StatusesService } from './statuses.service';

@ApiTags('statuses')
@Controller()
export class StatusesController {
  constructor(@Inject(StatusesService) private readonly statuses: StatusesService) {}

  @Allow(...RoleGroups.reportReaders)
  @Get('goals/:goalId/status')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: GoalStatusView,
    description:
      'Målets status med grundlaget: realiseret, mål, tæller, nævner, population, periode, definitionsversion; format=csv giver det som CSV (med citizens=true: én linje pr. pseudonymt borger-id)',
  })
  @ApiNotFoundResponse({ description: 'Ukendt mål (eller ikke oprettet på tidspunktet asOf)' })
  @ApiCitizenIdsForbidden()
  @ApiBadRequestResponse({ description: 'Ugyldige parametre' })
  async status(@GoalId() goalId: string, @Query() query: StatusQuery, @RequestLanguage() language: Language, @Res({ passthrough: true }) response: Response): Promise<GoalStatusView | string> {
    assertMayListCitizenIds(query.citizens);
    const status = await this.statuses.statusOf(goalId, { language, withCitizens: query.citizens === true, asOf: query.asOf });
    if (query.format !== 'csv') return status;
    return query.citizens
      ? csvDownload(response, `maal-${goalId}-borgere`, goalCitizensCsv(status, language))
      : csvDownload(response, `maal-${goalId}`, goalStatusesCsv({ statuses: [status] }, undefined, language));
  }

  @Allow(...RoleGroups.reportReaders)
  @Get('goal-statuses')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: GoalStatusesView, description: 'Status for kommunens mål i perioden (og scopet) med grundlaget; format=csv giver CSV, én linje pr. mål (og pr. område eller team ved by)' })
  @ApiBadRequestResponse({ description: 'Ugyldige parametre' })
  async list(@Query() query: StatusesQuery, @RequestLanguage() language: Language, @Res({ passthrough: true }) response: Response): Promise<GoalStatusesView | string> {
    const view = await this.statuses.statuses(query, language);
    return query.format === 'csv' ? csvDownload(response, `maalstatus-${view.tenant}`, goalStatusesCsv(view, query.by, language)) : view;
  }

  @Allow(...RoleGroups.reportReaders)
  @Get('indicator-table')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: IndicatorTableView, description: 'Indikatortabellen som i udvalgsrapporterne (indikator, mål, realiseret, status, sammenligning); format=csv giver CSV' })
  @ApiBadRequestResponse({ description: 'Ugyldige parametre' })
  async indicatorTable(@Query() query: IndicatorTableQuery, @RequestLanguage() language: Language, @Res({ passthrough: true }) response: Response): Promise<IndicatorTableView | string> {
    const table = await this.statuses.indicatorTable(query, query.comparisonAreas?.length ? { areas: query.comparisonAreas } : {}, language);
    if (query.format !== 'csv') return table;
    return csvDownload(response, `indikatorer-${table.tenant}`, query.by ? indicatorBreakdownCsv(table, query.by, language) : indicatorTableCsv(table, language));
  }
}
