import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CitizenAccess, IdempotentCommand, queryCriterion, Role } from '@fremskudt/service-kit';
import { ProjectId, UNKNOWN_PROJECT } from '../projects/projects.controller';
import {
  ApplicationsQuery,
  ApplicationView,
  ApplyDto,
  CompanyVisitView,
  DecideApplicationDto,
  HoldCompanyVisitDto,
  HoldInformationMeetingDto,
  InformationMeetingView,
} from './recruitment.dto';
import { RecruitmentService } from './recruitment.service';

/** The applicant: the citizen id for staff, the partner's own pseudonym for a partner (the access log resolves it). */
const applicant = (application: ApplicationView) => application.citizenId;

const OUTSIDE_PERIOD = 'before-project-start / after-project-end: datoen ligger uden for projektets periode';

@ApiTags('recruitment')
@Controller()
export class RecruitmentController {
  constructor(@Inject(RecruitmentService) private readonly recruitment: RecruitmentService) {}

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead, Role.Partner)
  @Post('projects/:id/information-meetings')
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: InformationMeetingView, description: 'Informationsmødet er registreret (InformationMeetingHeld)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; interesserede højst de fremmødte' })
  @ApiNotFoundResponse({ description: UNKNOWN_PROJECT })
  @ApiConflictResponse({ description: `area-not-in-project: projektet rekrutterer ikke i området; ${OUTSIDE_PERIOD}` })
  holdInformationMeeting(@ProjectId() projectId: string, @Body() command: HoldInformationMeetingDto): Promise<InformationMeetingView> {
    return this.recruitment.holdInformationMeeting(projectId, command);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead, Role.Partner)
  @Get('projects/:id/information-meetings')
  @ApiOkResponse({ type: [InformationMeetingView], description: 'Projektets informationsmøder efter dato' })
  @ApiNotFoundResponse({ description: UNKNOWN_PROJECT })
  informationMeetings(@ProjectId() projectId: string): Promise<InformationMeetingView[]> {
    return this.recruitment.informationMeetings(projectId);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead, Role.Partner)
  @Post('projects/:id/company-visits')
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: CompanyVisitView, description: 'Virksomhedsbesøget eller busturen er registreret (CompanyVisitHeld)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data' })
  @ApiNotFoundResponse({ description: UNKNOWN_PROJECT })
  @ApiConflictResponse({ description: OUTSIDE_PERIOD })
  holdCompanyVisit(@ProjectId() projectId: string, @Body() command: HoldCompanyVisitDto): Promise<CompanyVisitView> {
    return this.recruitment.holdCompanyVisit(projectId, command);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead, Role.Partner)
  @Get('projects/:id/company-visits')
  @ApiOkResponse({ type: [CompanyVisitView], description: 'Projektets virksomhedsbesøg og busture efter dato' })
  @ApiNotFoundResponse({ description: UNKNOWN_PROJECT })
  companyVisits(@ProjectId() projectId: string): Promise<CompanyVisitView[]> {
    return this.recruitment.companyVisits(projectId);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead, Role.Partner)
  @Post('projects/:id/applications')
  @CitizenAccess({ action: 'change', citizenBody: 'citizenId', citizenOf: applicant })
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: ApplicationView, description: 'Ansøgningen er registreret (bliver i projekttjenesten)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data' })
  @ApiNotFoundResponse({ description: UNKNOWN_PROJECT })
  @ApiConflictResponse({
    description: `already-applied; meeting-unknown: mødet hører ikke til projektet; citizen-unknown: (samarbejdspartner) pseudonymet er ikke et partneren har fået; ${OUTSIDE_PERIOD}`,
  })
  apply(@ProjectId() projectId: string, @Body() command: ApplyDto): Promise<ApplicationView> {
    return this.recruitment.apply(projectId, command);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead, Role.Partner)
  @Get('projects/:id/applications')
  @CitizenAccess({ action: 'search', criterion: (request) => ({ list: 'applications', projectId: request.params.id, ...queryCriterion('status')(request) }) })
  @ApiOkResponse({ type: [ApplicationView], description: 'Projektets ansøgninger efter dato' })
  @ApiBadRequestResponse({ description: 'Ugyldigt filter' })
  @ApiNotFoundResponse({ description: UNKNOWN_PROJECT })
  applications(@ProjectId() projectId: string, @Query() query: ApplicationsQuery): Promise<ApplicationView[]> {
    return this.recruitment.applications(projectId, query);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Post('applications/:id/decision')
  @CitizenAccess({ action: 'change', citizenOf: applicant })
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({ type: ApplicationView, description: 'Udvælgelsen er registreret' })
  @ApiBadRequestResponse({ description: 'Ugyldige data' })
  @ApiNotFoundResponse({ description: 'Ukendt ansøgning (eller en anden kommunes)' })
  @ApiConflictResponse({ description: 'application-decided: allerede afgjort; date-before-application' })
  decide(@Param('id', new ParseUUIDPipe()) id: string, @Body() command: DecideApplicationDto): Promise<ApplicationView> {
    return this.recruitment.decide(id, command);
  }
}
