import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, IdempotentCommand, Role } from '@fremskudt/service-kit';
import { CitizenAccess, queryCriterion } from '../../access-log/citizen-access.decorator';
import { OwnedByCitizen } from '../../data-scope';
import { CitizenJobPlansView, CreateJobPlanDto, JobPlanView, MissingJobPlansQuery, MissingJobPlansView, ReviseJobPlanDto } from './job-plan.dto';
import { JobPlansService } from './job-plans.service';

const uuid = () => new ParseUUIDPipe({ version: '4' });

@ApiTags('job-plans')
@Controller('citizens')
export class CitizenJobPlansController {
  constructor(private readonly jobPlans: JobPlansService) {}

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Post(':id/job-plans')
  @CitizenAccess({ action: 'change', citizenParam: 'id' })
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: JobPlanView, description: 'Jobplanen er lavet (revision 1); JobPlanCreated er udsendt' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  @ApiConflictResponse({ description: 'Borgeren har allerede en jobplan i forløbet (job-plan-exists: revidér den) eller er afgået (citizen-exited)' })
  create(@Param('id', uuid()) citizenId: string, @Body() command: CreateJobPlanDto): Promise<JobPlanView> {
    return this.jobPlans.create(citizenId, command);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Get(':id/job-plans')
  @CitizenAccess({ action: 'read', citizenParam: 'id' })
  @ApiOkResponse({ type: CitizenJobPlansView, description: 'Borgerens jobplaner med revisioner og mål' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  ofCitizen(@Param('id', uuid()) citizenId: string): Promise<CitizenJobPlansView> {
    return this.jobPlans.ofCitizen(citizenId);
  }
}

@ApiTags('job-plans')
@Controller('job-plans')
export class JobPlansController {
  constructor(private readonly jobPlans: JobPlansService) {}

  // Declared before ':planId' so "missing" is never read as a plan id.
  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Get('missing')
  @CitizenAccess({ action: 'search', criterion: (request) => ({ list: 'missing-job-plans', ...queryCriterion('date', 'areaCode')(request) }) })
  @ApiOkResponse({
    type: MissingJobPlansView,
    description: 'Aktive borgere på 18-60 år på datoen (alle på ydelse) uden en jobplan lavet senest på datoen i deres nuværende forløb',
  })
  @ApiBadRequestResponse({ description: 'Ugyldig dato eller områdekode' })
  missing(@Query() query: MissingJobPlansQuery): Promise<MissingJobPlansView> {
    return this.jobPlans.missing(query);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Get(':planId')
  @CitizenAccess({ action: 'read', citizenOf: (plan: JobPlanView) => plan.citizenId })
  @OwnedByCitizen('job_plan', 'planId')
  @ApiOkResponse({ type: JobPlanView })
  @ApiNotFoundResponse({ description: 'Ukendt jobplan (eller en anden kommunes)' })
  get(@Param('planId', uuid()) planId: string): Promise<JobPlanView> {
    return this.jobPlans.get(planId);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Post(':planId/revisions')
  @CitizenAccess({ action: 'change', citizenOf: (plan: JobPlanView) => plan.citizenId })
  @OwnedByCitizen('job_plan', 'planId')
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: JobPlanView, description: 'Planen er revideret; JobPlanRevised er udsendt med revisionsnummeret' })
  @ApiBadRequestResponse({ description: 'Ugyldige data (også et mål-id planen ikke har); hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt jobplan (eller en anden kommunes)' })
  @ApiConflictResponse({
    description:
      'Revisionsdatoen er før seneste revision (job-plan-revision-before-last), planen hører til et tidligere forløb (job-plan-not-current) eller borgeren er afgået (citizen-exited)',
  })
  revise(@Param('planId', uuid()) planId: string, @Body() command: ReviseJobPlanDto): Promise<JobPlanView> {
    return this.jobPlans.revise(planId, command);
  }
}
