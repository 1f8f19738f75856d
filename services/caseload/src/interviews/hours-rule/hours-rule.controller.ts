import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, IdempotentCommand, Role } from '@fremskudt/service-kit';
import { CitizenAccess } from '../../access-log/citizen-access.decorator';
import { copenhagenToday } from '../../case/calendar';
import { assertNotAfterToday } from '../validation';
import { HoursRuleJobResultView, HoursRuleRiskView, RegisterHoursRuleRiskDto, RunHoursRuleJobDto } from './hours-rule.dto';
import { HoursRuleNoticesJob } from './hours-rule-notices.job';
import { HoursRuleRiskService } from './hours-rule-risk.service';

const uuid = () => new ParseUUIDPipe({ version: '4' });

@ApiTags('hours-rule')
@Controller()
export class HoursRuleController {
  constructor(
    private readonly risks: HoursRuleRiskService,
    private readonly job: HoursRuleNoticesJob,
  ) {}

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Put('citizens/:id/hours-rule-risk')
  @CitizenAccess({ action: 'change', citizenParam: 'id' })
  @IdempotentCommand()
  @ApiOkResponse({ type: HoursRuleRiskView, description: 'Ydelsen er registreret i risiko fra datoen; det daglige job sender varsling og partshøring' })
  @ApiBadRequestResponse({ description: 'Ugyldig dato; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  @ApiConflictResponse({ description: 'Borgeren er afgået (citizen-exited)' })
  register(@Param('id', uuid()) citizenId: string, @Body() command: RegisterHoursRuleRiskDto): Promise<HoursRuleRiskView> {
    return this.risks.register(citizenId, command);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Delete('citizens/:id/hours-rule-risk')
  @CitizenAccess({ action: 'change', citizenParam: 'id' })
  @IdempotentCommand()
  @ApiOkResponse({ type: HoursRuleRiskView, description: 'Risikoen er væk; der sendes ikke flere varsler' })
  @ApiBadRequestResponse({ description: 'Ugyldigt borger-id' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  @ApiConflictResponse({ description: 'Der er ingen risiko registreret (hours-rule-risk-not-registered)' })
  clear(@Param('id', uuid()) citizenId: string): Promise<HoursRuleRiskView> {
    return this.risks.clear(citizenId);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Get('citizens/:id/hours-rule-risk')
  @CitizenAccess({ action: 'read', citizenParam: 'id' })
  @ApiOkResponse({ type: HoursRuleRiskView, description: 'Risiko, frister og udsendte varsler' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  get(@Param('id', uuid()) citizenId: string): Promise<HoursRuleRiskView> {
    return this.risks.get(citizenId);
  }

  /**
   * Runs the daily job now for the caller's tenant. Not an idempotent command with a stored
   * answer: the job itself is idempotent, and a repeat answers what it did the second time.
   */
  @Allow(Role.TenantAdmin, Role.TeamLead, Role.UnitLead)
  @Post('jobs/hours-rule-notices')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: HoursRuleJobResultView, description: 'Hvad kørslen udsendte, og hvad der ikke kunne sendes rettidigt' })
  @ApiBadRequestResponse({ description: 'Ugyldig eller fremtidig dato; hvert felt med fejl er navngivet' })
  run(@Body() command: RunHoursRuleJobDto): Promise<HoursRuleJobResultView> {
    const today = copenhagenToday();
    if (command.today) assertNotAfterToday('today', command.today, today);
    return this.job.run(command.today ?? today);
  }
}
