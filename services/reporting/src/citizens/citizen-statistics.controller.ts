import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { Allow, Language, RoleGroups } from '@fremskudt/service-kit';
import { RequestLanguage } from '../goals/goals.controller';
import { countCell, csvDocument, csvDownload } from '../reports/csv';
import { BREAKDOWN_COLUMN, WHOLE_SCOPE } from '../reports/labels';
import { Format, FormatField } from '../reports/query-fields';

export class AreaCount {
  @ApiProperty() areaCode: string;
  @ApiProperty() count: number;
}

export class RegisteredCitizensStatistics {
  @ApiProperty({ description: 'Kommunens id' }) tenant: string;
  @ApiProperty({ description: 'Antal registrerede borgere' }) count: number;
  @ApiProperty({ type: [AreaCount], description: 'Fordelt på boligområde' }) byArea: AreaCount[];
}

export class RegisteredCitizensQuery {
  @FormatField()
  format?: Format;
}

const COUNT_COLUMN: Record<Language, string> = { da: 'Registrerede borgere', en: 'Registered citizens' };

/** One line per area, then the total. */
export function registeredCitizensCsv(statistics: RegisteredCitizensStatistics, language: Language): string {
  return csvDocument(
    [
      [BREAKDOWN_COLUMN[language].area, COUNT_COLUMN[language]],
      ...statistics.byArea.map((row) => [row.areaCode, countCell(row.count)]),
      [WHOLE_SCOPE[language], countCell(statistics.count)],
    ],
    language,
  );
}

@ApiTags('statistics')
@Controller('statistics')
export class CitizenStatisticsController {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  @Allow(...RoleGroups.reportReaders)
  @Get('registered-citizens')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: RegisteredCitizensStatistics, description: 'Registrerede borgere i alt og pr. boligområde; format=csv giver CSV' })
  @ApiBadRequestResponse({ description: 'Ugyldige parametre' })
  async registeredCitizens(@Query() query: RegisteredCitizensQuery, @RequestLanguage() language: Language, @Res({ passthrough: true }) response: Response): Promise<RegisteredCitizensStatistics | string> {
    const byArea: Array<{ area_code: string; count: number }> = await this.unitOfWork.run((manager) =>
      manager.query(`SELECT area_code, count(*)::int AS count FROM registered_citizen GROUP BY area_code ORDER BY area_code`),
    );
    const statistics = {
      tenant: TenantContext.currentTenant(),
      count: byArea.reduce((sum, row) => sum + row.count, 0),
      byArea: byArea.map((row) => ({ areaCode: row.area_code, count: row.count })),
    };
    return query.format === 'csv' ? csvDownload(response, `borgere-${statistics.tenant}`, registeredCitizensCsv(statistics, language)) : statistics;
  }
}
