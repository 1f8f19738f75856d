import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/permissions';
import { Role } from '../auth/roles';
import { AccessLogExportEntryView, AccessLogPageView, AccessLogPurgeView, AccessLogQuery } from './access-log.dto';
import { AccessLogService } from './access-log.service';
import { CitizenAccess, queryCriterion } from './citizen-access.decorator';

/** The same three endpoints in every service that keeps an access log (each over its own table). */
@ApiTags('access-log')
@Controller()
export class AccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  /** Reading the log is itself a search of who looked at citizens: it is logged like any other. */
  @Allow(Role.TenantAdmin)
  @Get('access-log')
  @CitizenAccess({ action: 'search', criterion: queryCriterion('user', 'citizenId', 'from', 'to') })
  @ApiOkResponse({ type: AccessLogPageView, description: 'Adgangsloggen: hvem slog hvad op, hvornår, hvorfor og med hvilket udfald; nyeste først' })
  @ApiBadRequestResponse({ description: 'Ugyldige filtre; hvert felt med fejl er navngivet' })
  query(@Query() query: AccessLogQuery): Promise<AccessLogPageView> {
    return this.accessLog.query(query);
  }

  @Allow(Role.TenantAdmin)
  @Get('citizens/:id/access-log-export')
  @CitizenAccess({ action: 'export', citizenParam: 'id' })
  @ApiOkResponse({ type: [AccessLogExportEntryView], description: 'Til aktindsigt: dato, slags og formål for hvert opslag på borgeren, ældste først; aldrig hvem' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  export(@Param('id', new ParseUUIDPipe({ version: '4' })) citizenId: string): Promise<AccessLogExportEntryView[]> {
    return this.accessLog.exportFor(citizenId);
  }

  /** Runs the daily purge now for the caller's municipality (rows past ACCESS_LOG_RETENTION_DAYS). */
  @Allow(Role.TenantAdmin)
  @Post('jobs/access-log-purge')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AccessLogPurgeView, description: 'Rækker ældre end opbevaringsperioden er slettet' })
  purge(): Promise<AccessLogPurgeView> {
    return this.accessLog.purgeTenant();
  }
}
