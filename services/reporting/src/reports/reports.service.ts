import { Inject, Injectable } from '@nestjs/common';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { badInput, Language } from '@fremskudt/service-kit';
import { periodLabel, periodRange } from '../goals/periods';
import { OpenCounsellingStatisticsService } from '../open-counselling/open-counselling.service';
import { transitionTables } from '../progression/progression.service';
import { reportScopesOf } from '../report-scopes';
import { RebuildState } from '../read-models/rebuild-state';
import { StatusesService } from '../statuses/statuses.service';
import { endOfMonth, parseReportPeriod } from './report-period';
import { renderReport } from './report-template';
import { reportView } from './report-view';

const WHOLE_TENANT = { da: 'Hele kommunen', en: 'The whole municipality' };

/**
 * The printable report of a tenant and period: the goals whose period overlaps it with their
 * statuses and evidence, the indicator table against the tenant's comparison group (the whole
 * tenant when it has none), the progression tables from the end of the period's first month to
 * its end for the effort and the comparison group, and open counselling per desk.
 */
@Injectable()
export class ReportsService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(StatusesService) private readonly statuses: StatusesService,
    @Inject(OpenCounsellingStatisticsService) private readonly openCounselling: OpenCounsellingStatisticsService,
    @Inject(RebuildState) private readonly rebuilds: RebuildState,
  ) {}

  async html(periodText: string, language: Language): Promise<{ html: string; fileName: string }> {
    const period = parseReportPeriod(periodText);
    if (!period) {
      throw badInput({ field: 'period', code: 'reportPeriod', message: 'must be a period such as 2014, 2014-h1, 2014-q2, 2014-05 or 2016-05-01--2016-09-30' });
    }
    const { from, to } = periodRange(period);
    const scopes = await this.unitOfWork.run(reportScopesOf);
    const comparison = scopes.comparison;
    const query = { from, to };
    const statuses = await this.statuses.statuses(query, language);
    const indicators = await this.statuses.indicatorTable(query, comparison?.scope ?? {}, language);
    const progressionFrom = endOfMonth(from);
    const progression = await this.unitOfWork.run((manager) => transitionTables(manager, scopes.effort, comparison, progressionFrom, to, { language }));
    const openCounselling = await this.openCounselling.statistics({ from, to });
    const html = renderReport(
      reportView({
        tenant: TenantContext.currentTenant(),
        language,
        periodLabel: periodLabel(period)[language],
        from,
        to,
        effortName: scopes.effort.name[language],
        comparisonName: (comparison?.name ?? WHOLE_TENANT)[language],
        statuses: statuses.statuses,
        indicators: indicators.rows,
        progression: { from: progressionFrom, to, tables: progression },
        openCounselling,
        generatedAt: new Date(),
        rebuildInProgress: this.rebuilds.inProgress(),
      }),
    );
    return { html, fileName: `${language === 'da' ? 'maalopfyldelse' : 'goal-attainment'}-${TenantContext.currentTenant()}-${periodText}.html` };
  }
}
