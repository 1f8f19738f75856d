import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CitizenAccessLog, recordingAccess } from '../citizens/citizen-access-log';
import { CaseloadQueriesService } from './caseload-queries.service';
import { InterviewsDueQuery, InterviewsDueView } from './queries.dto';

/**
 * The week's interview list: who must be seen this week, and who is already late. Not under
 * /interviews: GET /interviews/:interviewId is registered first and would take "due" for an id.
 */
@ApiTags('interviews')
@Controller('due-interviews')
export class InterviewsDueController {
  constructor(
    private readonly queries: CaseloadQueriesService,
    @Inject(CitizenAccessLog) private readonly accessLog: CitizenAccessLog,
  ) {}

  @Get()
  @ApiOkResponse({
    type: InterviewsDueView,
    description: 'Aktive borgere hvis næste samtale har frist i datoens ISO-uge (due) eller før ugens mandag (overdue)',
  })
  @ApiBadRequestResponse({ description: 'Ugyldige forespørgselsfelter; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt jobkonsulent i consultantId (eller en anden kommunes)' })
  due(@Query() query: InterviewsDueQuery): Promise<InterviewsDueView> {
    const criterion = Object.fromEntries(
      (['date', 'consultantId', 'teamCode', 'areaCode'] as const).flatMap((key) => (query[key] === undefined ? [] : [[key, query[key]!]])),
    );
    return recordingAccess(this.accessLog, { action: 'search', criterion: { list: 'interviews-due', ...criterion } }, () => this.queries.interviewsDue(query));
  }
}
