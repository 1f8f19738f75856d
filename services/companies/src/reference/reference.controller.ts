import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, IdempotentCommand, Role, RoleGroups } from '@fremskudt/service-kit';
import { requireAnyOf } from '../shared/validation';
import {
  AreaTemplateParams,
  AreaView,
  BRANCH_CHANGE_ATTRIBUTES,
  BranchView,
  ChangeBranchDto,
  CodeParams,
  CompaniesSettings,
  CreateBranchDto,
  PutAreaDto,
} from './reference.dto';
import { ReferenceDataService } from './reference-data.service';

@ApiTags('branches')
@Controller('branches')
export class BranchesController {
  constructor(@Inject(ReferenceDataService) private readonly reference: ReferenceDataService) {}

  @Allow(...RoleGroups.staff)
  @Get()
  @ApiOkResponse({ type: [BranchView], description: 'Kommunens brancheliste: briefens fokusbrancher og kommunens egne' })
  list(): Promise<BranchView[]> {
    return this.reference.listBranches();
  }

  @Allow(Role.TenantAdmin)
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: BranchView, description: 'Branchen er tilføjet kommunens liste' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiConflictResponse({ description: 'branch-exists: kommunen har allerede en branche med den kode' })
  create(@Body() command: CreateBranchDto): Promise<BranchView> {
    return this.reference.createBranch(command);
  }

  @Allow(Role.TenantAdmin)
  @Patch(':code')
  @IdempotentCommand()
  @ApiOkResponse({ type: BranchView, description: 'Ændret (også en standardbranche: kommunen får sin egen udgave)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data, eller intet at ændre' })
  @ApiNotFoundResponse({ description: 'Ukendt branche' })
  change(@Param() params: CodeParams, @Body() command: ChangeBranchDto): Promise<BranchView> {
    requireAnyOf(command, BRANCH_CHANGE_ATTRIBUTES);
    return this.reference.changeBranch(params.code, command);
  }
}

@ApiTags('areas')
@Controller('areas')
export class AreasController {
  constructor(@Inject(ReferenceDataService) private readonly reference: ReferenceDataService) {}

  @Allow(...RoleGroups.staff)
  @Get()
  @ApiOkResponse({ type: [AreaView], description: 'Kommunens områder med midtpunkt (til afstande i matchningen)' })
  list(): Promise<AreaView[]> {
    return this.reference.listAreas();
  }

  @Allow(Role.TenantAdmin)
  @Put(':code')
  @IdempotentCommand()
  @ApiOkResponse({ type: AreaView, description: 'Området er oprettet eller ændret' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  put(@Param() params: CodeParams, @Body() command: PutAreaDto): Promise<AreaView> {
    return this.reference.putArea(params.code, command);
  }

  @Allow(Role.TenantAdmin)
  @Post('templates/:template')
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({ type: [AreaView], description: 'Skabelonens områder er tilføjet (dem kommunen allerede har, beholdes uændret); hele tabellen' })
  @ApiBadRequestResponse({ description: 'Ukendt skabelon' })
  applyTemplate(@Param() params: AreaTemplateParams): Promise<AreaView[]> {
    return this.reference.applyAreaTemplate(params.template);
  }
}

@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(@Inject(ReferenceDataService) private readonly reference: ReferenceDataService) {}

  @Allow(...RoleGroups.staff)
  @Get()
  @ApiOkResponse({ type: CompaniesSettings, description: 'Kommunens indstillinger (standardværdier indtil de sættes)' })
  get(): Promise<CompaniesSettings> {
    return this.reference.getSettings();
  }

  @Allow(Role.TenantAdmin)
  @Put()
  @IdempotentCommand()
  @ApiOkResponse({ type: CompaniesSettings })
  @ApiBadRequestResponse({ description: 'Ugyldige værdier; hvert felt med fejl er navngivet' })
  replace(@Body() settings: CompaniesSettings): Promise<CompaniesSettings> {
    return this.reference.replaceSettings(settings);
  }
}
