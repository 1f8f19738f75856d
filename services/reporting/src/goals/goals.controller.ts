import { Body, Controller, createParamDecorator, ExecutionContext, Get, HttpCode, HttpStatus, Inject, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow, IdempotentCommand, Language, Role, RoleGroups, languageOf } from '@fremskudt/service-kit';
import {
  GoalDto,
  GoalsQuery,
  GoalView,
  GoalWithVersionsView,
  ImportGoalsDto,
  ImportResultView,
  ManualAssessmentDto,
  ManualAssessmentView,
  ReportingSettingsDto,
} from './goals.dto';
import { GoalsService } from './goals.service';

/** The caller's language (Accept-Language), for reasons written into a 400. */
export const RequestLanguage = createParamDecorator((_data: unknown, context: ExecutionContext): Language => languageOf(context.switchToHttp().getRequest<Request>()));

export const GoalId = () => Param('goalId');
const UNKNOWN_GOAL = 'Ukendt mål (eller en anden kommunes)';
const NOT_COMPUTABLE = 'Ugyldige data, eller en definition der ikke kan beregnes; hvert felt er navngivet med grunden';

@ApiTags('goals')
@Controller('goals')
export class GoalsController {
  constructor(@Inject(GoalsService) private readonly goals: GoalsService) {}

  @Allow(Role.TenantAdmin)
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: GoalView, description: 'Målet er oprettet (version 1)' })
  @ApiBadRequestResponse({ description: NOT_COMPUTABLE })
  @ApiConflictResponse({ description: 'goal-exists: målet findes; ændr det med PUT' })
  create(@Body() goal: GoalDto, @RequestLanguage() language: Language): Promise<GoalView> {
    return this.goals.create(goal, language);
  }

  @Allow(Role.TenantAdmin)
  @Post('import')
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({ type: ImportResultView, description: 'Kommunens målfil er indlæst: nye oprettet, ændrede i ny version' })
  @ApiBadRequestResponse({ description: `${NOT_COMPUTABLE}; intet gemmes, hvis ét mål afvises` })
  import(@Body() file: ImportGoalsDto, @RequestLanguage() language: Language): Promise<ImportResultView> {
    return this.goals.import(file, language);
  }

  @Allow(...RoleGroups.reportReaders)
  @Get()
  @ApiOkResponse({ type: [GoalView], description: 'Kommunens mål i den version der gjaldt på tidspunktet (standard: nu)' })
  @ApiBadRequestResponse({ description: 'Ugyldigt tidspunkt' })
  list(@Query() query: GoalsQuery): Promise<GoalView[]> {
    return this.goals.list(query.asOf);
  }

  @Allow(...RoleGroups.reportReaders)
  @Get(':goalId')
  @ApiOkResponse({ type: GoalWithVersionsView, description: 'Den nuværende version og listen af versioner' })
  @ApiNotFoundResponse({ description: UNKNOWN_GOAL })
  get(@GoalId() goalId: string): Promise<GoalWithVersionsView> {
    return this.goals.get(goalId);
  }

  @Allow(Role.TenantAdmin)
  @Put(':goalId')
  @IdempotentCommand()
  @ApiOkResponse({ type: GoalView, description: 'Ændret: en ny version (de gamle bevares til tidligere rapporter); uændret: den nuværende' })
  @ApiBadRequestResponse({ description: NOT_COMPUTABLE })
  @ApiNotFoundResponse({ description: UNKNOWN_GOAL })
  change(@GoalId() goalId: string, @Body() goal: GoalDto, @RequestLanguage() language: Language): Promise<GoalView> {
    return this.goals.change(goalId, goal, language);
  }

  @Allow(...RoleGroups.reportReaders)
  @Get(':goalId/versions/:version')
  @ApiOkResponse({ type: GoalView })
  @ApiNotFoundResponse({ description: 'Ukendt mål eller version' })
  @ApiBadRequestResponse({ description: 'Versionen er ikke et heltal' })
  version(@GoalId() goalId: string, @Param('version', ParseIntPipe) version: number): Promise<GoalView> {
    return this.goals.version(goalId, version);
  }

  @Allow(Role.Manager, Role.TeamLead, Role.UnitLead, Role.TenantAdmin)
  @Post(':goalId/assessments')
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: ManualAssessmentView, description: 'Status sat af en person (hvem og hvornår gemmes; tidligere vurderinger bevares)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data' })
  @ApiNotFoundResponse({ description: UNKNOWN_GOAL })
  @ApiConflictResponse({ description: 'goal-not-manual: målets status beregnes' })
  assess(@GoalId() goalId: string, @Body() assessment: ManualAssessmentDto): Promise<ManualAssessmentView> {
    return this.goals.assess(goalId, assessment);
  }
}

@ApiTags('settings')
@Controller('settings')
export class ReportingSettingsController {
  constructor(@Inject(GoalsService) private readonly goals: GoalsService) {}

  @Allow(...RoleGroups.reportReaders)
  @Get()
  @ApiOkResponse({ type: ReportingSettingsDto, description: 'Kommunens indstillinger for målstatus (standard: delvist opfyldt fra 0,75)' })
  get(): Promise<ReportingSettingsDto> {
    return this.goals.settings();
  }

  @Allow(Role.TenantAdmin)
  @Put()
  @IdempotentCommand()
  @ApiOkResponse({ type: ReportingSettingsDto })
  @ApiBadRequestResponse({ description: 'Ugyldige data' })
  change(@Body() settings: ReportingSettingsDto): Promise<ReportingSettingsDto> {
    return this.goals.changeSettings(settings);
  }
}
