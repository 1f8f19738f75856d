import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { VisitDaysQuery, VisitDaysView, VisitStatisticsQuery, VisitStatisticsView } from './statistics.dto';
import { MAX_DAY_LIST_DAYS, MAX_SUMMARY_DAYS } from './statistics-period';
import { StatisticsService } from './statistics.service';
import { Allow, RoleGroups } from '@fremskudt/service-kit';

const BAD_QUERY = 'Ugyldig forespørgsel; hvert felt med fejl er navngivet i errors[].field (from og to skal angives; to før from eller en for lang periode navngiver to)';
const UNKNOWN_DESK = 'Ukendt skranke (eller en anden kommunes)';

@ApiTags('statistics')
@Controller('statistics/visits')
export class StatisticsController {
  constructor(@Inject(StatisticsService) private readonly statistics: StatisticsService) {}

  @Allow(...RoleGroups.reportReaders)
  @Get()
  @ApiOperation({
    summary: 'Besøgsstatistik pr. skranke og i alt for en periode',
    description:
      'Besøg, åbningsdage og besøg pr. åbningsdag; fordelingen indkaldte / selvhenvendelse med sag / uden sag i antal og pr. åbningsdag; ' +
      'andel med sag; ventetid (fremmøde → samtalens start) median og 90 %-fraktil og samtalens længde i minutter; gengangere; ' +
      'andel af besøg med sag uden indkaldelse; emner, handlinger og henvisninger pr. lokal aktør. ' +
      `Et besøg tæller på sin åbnings dag (dansk dato); perioden er inklusiv, højst ${MAX_SUMMARY_DAYS} dage.`,
  })
  @ApiOkResponse({ type: VisitStatisticsView })
  @ApiBadRequestResponse({ description: BAD_QUERY })
  @ApiNotFoundResponse({ description: UNKNOWN_DESK })
  visits(@Query() query: VisitStatisticsQuery): Promise<VisitStatisticsView> {
    return this.statistics.visits(query);
  }

  @Allow(...RoleGroups.reportReaders)
  @Get('days')
  @ApiOperation({
    summary: 'Besøg pr. åbningsdag',
    description: `Én række pr. skranke og dag med en åbning (også uden besøg), med fordelingen indkaldte / selvhenvendelse med sag / uden sag. Højst ${MAX_DAY_LIST_DAYS} dage.`,
  })
  @ApiOkResponse({ type: VisitDaysView })
  @ApiBadRequestResponse({ description: BAD_QUERY })
  @ApiNotFoundResponse({ description: UNKNOWN_DESK })
  days(@Query() query: VisitDaysQuery): Promise<VisitDaysView> {
    return this.statistics.days(query);
  }
}
