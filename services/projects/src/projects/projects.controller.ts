import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, IdempotentCommand, Role, RoleGroups } from '@fremskudt/service-kit';
import { requireAnyOf } from '../shared/validation';
import {
  ChangeProjectDto,
  CreateFromTemplateDto,
  CreateProjectDto,
  JoinPartnerDto,
  PROJECT_CHANGE_ATTRIBUTES,
  ProjectPartnerView,
  ProjectsQuery,
  ProjectSummaryView,
  ProjectView,
  ReplaceGoalsDto,
} from './projects.dto';
import { ProjectsService } from './projects.service';

export const UNKNOWN_PROJECT = 'Ukendt projekt (eller en anden kommunes)';
export const ProjectId = () => Param('id', new ParseUUIDPipe());

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(@Inject(ProjectsService) private readonly projects: ProjectsService) {}

  @Allow(Role.TenantAdmin, Role.TeamLead, Role.UnitLead)
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: ProjectView, description: 'Projektet er oprettet (ProjectCreated, og ProjectGoalsDefined når det har mål)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet (også dubletkoder og milepæle der ikke findes)' })
  @ApiConflictResponse({ description: 'project-code-taken: koden er allerede brugt' })
  create(@Body() command: CreateProjectDto): Promise<ProjectView> {
    return this.projects.create(command);
  }

  @Allow(Role.TenantAdmin, Role.TeamLead, Role.UnitLead)
  @Post('from-template')
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: ProjectView, description: 'Projektet er oprettet fra skabelonen med dens faser, milepæle, kriterier og mål' })
  @ApiBadRequestResponse({ description: 'Ugyldige data, eller en variant skabelonen ikke har (variantCode)' })
  @ApiConflictResponse({ description: 'project-code-taken: koden er allerede brugt' })
  createFromTemplate(@Body() command: CreateFromTemplateDto): Promise<ProjectView> {
    return this.projects.createFromTemplate(command);
  }

  @Allow(...RoleGroups.staff, Role.Partner)
  @Get()
  @ApiOkResponse({ type: [ProjectSummaryView], description: 'Kommunens projekter, nyeste først; for en samarbejdspartner kun dem den er med i' })
  @ApiBadRequestResponse({ description: 'Ugyldigt filter' })
  list(@Query() query: ProjectsQuery): Promise<ProjectSummaryView[]> {
    return this.projects.list(query);
  }

  @Allow(...RoleGroups.staff, Role.Partner)
  @Get(':id')
  @ApiOkResponse({ type: ProjectView })
  @ApiNotFoundResponse({ description: UNKNOWN_PROJECT })
  get(@ProjectId() id: string): Promise<ProjectView> {
    return this.projects.get(id);
  }

  @Allow(Role.TenantAdmin, Role.TeamLead, Role.UnitLead)
  @Patch(':id')
  @IdempotentCommand()
  @ApiOkResponse({ type: ProjectView, description: 'Ændret (ProjectChanged med det der ændrede sig; intet event når intet ændrede sig)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data, eller intet at ændre' })
  @ApiNotFoundResponse({ description: UNKNOWN_PROJECT })
  @ApiConflictResponse({ description: 'capacity-below-active: færre pladser end aktive deltagere; phase-in-use / milestone-in-use: deltagere har været i fasen / nået milepælen' })
  change(@ProjectId() id: string, @Body() command: ChangeProjectDto): Promise<ProjectView> {
    requireAnyOf(command, PROJECT_CHANGE_ATTRIBUTES);
    return this.projects.change(id, command);
  }

  @Allow(Role.TenantAdmin, Role.TeamLead, Role.UnitLead)
  @Put(':id/goals')
  @IdempotentCommand()
  @ApiOkResponse({ type: ProjectView, description: 'Projektets mål er erstattet og givet videre til rapporteringen (ProjectGoalsDefined)' })
  @ApiBadRequestResponse({ description: 'Ugyldige mål; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: UNKNOWN_PROJECT })
  replaceGoals(@ProjectId() id: string, @Body() command: ReplaceGoalsDto): Promise<ProjectView> {
    return this.projects.replaceGoals(id, command.goals);
  }

  @Allow(Role.TenantAdmin, Role.TeamLead, Role.UnitLead)
  @Post(':id/partners')
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: ProjectPartnerView, description: 'Partneren er med i projektet (PartnerJoined)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data' })
  @ApiNotFoundResponse({ description: UNKNOWN_PROJECT })
  @ApiConflictResponse({ description: 'partner-unknown: ingen sådan partner; partner-already-joined: partneren er allerede med' })
  joinPartner(@ProjectId() id: string, @Body() command: JoinPartnerDto): Promise<ProjectPartnerView> {
    return this.projects.joinPartner(id, command);
  }
}
