import { Module } from '@nestjs/common';
import { ReportScopesController } from './report-scopes.controller';
import { ReportScopesService } from './report-scopes.service';

/** The tenant's effort scope and comparison scope: who the reports are about, and against whom. */
@Module({
  controllers: [ReportScopesController],
  providers: [ReportScopesService],
  exports: [ReportScopesService],
})
export class ReportScopesModule {}

export { ReportScopes1763900000500 } from './1763900000500-report-scopes';
export { DEFAULT_REPORT_SCOPES, NamedScope, plainScope, ReportScopes, reportScopesOf, ReportScopesService } from './report-scopes.service';
