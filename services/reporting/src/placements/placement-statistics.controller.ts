import { Controller, Get, HttpStatus, Inject, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { Allow, Language, ProblemException, RoleGroups } from '@fremskudt/service-kit';
import { RequestLanguage } from '../goals/goals.controller';
import { csvDownload } from '../reports/csv';
import { placementStatisticsCsv } from './placement-statistics-csv';
import { PlacementStatistics, PlacementStatisticsQuery } from './placement-statistics.dto';

/** The placement types that make a "company placement" (virksomhedsplacering): internship or wage-subsidy job. */
export const COMPANY_PLACEMENT_TYPES = ['company-internship', 'wage-subsidy-job'];

@ApiTags('statistics')
@Controller('statistics')
export class PlacementStatisticsController {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  @Allow(...RoleGroups.reportReaders)
  @Get('placements')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: PlacementStatistics, description: 'Startede placeringer i perioden (efter startdato), fordelt på type, boligområde og måned; format=csv giver CSV' })
  @ApiBadRequestResponse({ description: 'Ugyldige datoer, eller til før fra' })
  async placements(@Query() query: PlacementStatisticsQuery, @RequestLanguage() language: Language, @Res({ passthrough: true }) response: Response): Promise<PlacementStatistics | string> {
    const statistics = await this.statistics(query);
    return query.format === 'csv' ? csvDownload(response, `placeringer-${statistics.tenant}`, placementStatisticsCsv(statistics, language)) : statistics;
  }

  private async statistics(query: PlacementStatisticsQuery): Promise<PlacementStatistics> {
    const from = query.from ?? null;
    const to = query.to ?? null;
    if (from && to && to < from) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation-failed', undefined, [{ field: 'to', code: 'dateOrder', message: 'must not be before from' }]);
    }
    // From the goal engine's facts: one start per placement (the first, if a start was recorded
    // twice), counted in the citizen's housing area on the start date (the first known area if the
    // placement started before caseload registered the citizen; 'unknown' if reporting never heard of them).
    const rows: Array<{ placement_type: string; area_code: string; month: string; count: number }> = await this.unitOfWork.run((manager) =>
      manager.query(
        `WITH started AS (
           SELECT DISTINCT ON (f.subject_id) f.subject_id, f.citizen_id, f.occurred_on, f.attributes->>'placementType' AS placement_type
             FROM domain_fact f WHERE f.kind = 'placement-started'
            ORDER BY f.subject_id, f.occurred_on)
         SELECT s.placement_type,
                coalesce((SELECT h.value FROM citizen_attribute_history h
                           WHERE h.citizen_id = s.citizen_id AND h.attribute = 'area'
                           ORDER BY h.effective_on > s.occurred_on,
                                    CASE WHEN h.effective_on <= s.occurred_on THEN h.effective_on END DESC NULLS LAST,
                                    h.effective_on, h.recorded_at DESC
                           LIMIT 1), 'unknown') AS area_code,
                to_char(s.occurred_on, 'YYYY-MM') AS month, count(*)::int AS count
           FROM started s
          WHERE ($1::date IS NULL OR s.occurred_on >= $1::date) AND ($2::date IS NULL OR s.occurred_on <= $2::date)
          GROUP BY 1, 2, 3`,
        [from, to],
      ),
    );
    const countBy = <K extends string>(key: (row: (typeof rows)[number]) => string, name: K) =>
      [...rows.reduce((totals, row) => totals.set(key(row), (totals.get(key(row)) ?? 0) + row.count), new Map<string, number>())]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([value, count]) => ({ [name]: value, count }) as Record<K, string> & { count: number });
    const started = rows.reduce((sum, row) => sum + row.count, 0);
    return {
      tenant: TenantContext.currentTenant(),
      from,
      to,
      started,
      companyPlacements: rows.filter((row) => COMPANY_PLACEMENT_TYPES.includes(row.placement_type)).reduce((sum, row) => sum + row.count, 0),
      byType: countBy((row) => row.placement_type, 'placementType'),
      byArea: countBy((row) => row.area_code, 'areaCode'),
      byMonth: countBy((row) => row.month, 'month'),
    };
  }
}
