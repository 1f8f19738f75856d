import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, IdempotentCommand, Role, RoleGroups } from '@fremskudt/service-kit';
import { ReportScopesDto } from './report-scopes.dto';
import { ReportScopes, ReportScopesService } from './report-scopes.service';

@ApiTags('settings')
@Controller('settings/scopes')
export class ReportScopesController {
  constructor(@Inject(ReportScopesService) private readonly scopes: ReportScopesService) {}

  @Allow(...RoleGroups.reportReaders)
  @Get()
  @ApiOkResponse({ type: ReportScopesDto, description: 'Indsatsens borgere og sammenligningsgruppen, som progression og rapporter bruger når intet andet er angivet' })
  get(): Promise<ReportScopes> {
    return this.scopes.get();
  }

  @Allow(Role.TenantAdmin)
  @Put()
  @IdempotentCommand()
  @ApiOkResponse({ type: ReportScopesDto })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  change(@Body() settings: ReportScopesDto): Promise<ReportScopes> {
    return this.scopes.change(settings);
  }
}
