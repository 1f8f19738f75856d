import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, IdempotentCommand, Role, RoleGroups } from '@fremskudt/service-kit';
import {
  ApplyAreaTemplateDto,
  AreaParams,
  AreaTemplateView,
  ChangePartnerDto,
  CreatePartnerDto,
  PARTNER_CHANGE_ATTRIBUTES,
  PartnerView,
  ReplaceTopicsDto,
  TopicsView,
} from './config.dto';
import { ConfigurationService } from './config.service';
import { requireAnyOf } from './validation';

@ApiTags('setup')
@Controller('setup')
export class SetupController {
  constructor(@Inject(ConfigurationService) private readonly configuration: ConfigurationService) {}

  @Allow(Role.TenantAdmin)
  @Post('areas')
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({
    type: AreaTemplateView,
    description: 'Skabelonens skranker med ugeskemaer er oprettet; skranker kommunen allerede har (samme område og navn) røres ikke, så et nyt kald tilføjer intet',
  })
  @ApiBadRequestResponse({ description: 'Ukendt skabelon' })
  applyAreaTemplate(@Body() command: ApplyAreaTemplateDto): Promise<AreaTemplateView> {
    return this.configuration.applyAreaTemplate(command);
  }
}

@ApiTags('topics')
@Controller('topics')
export class TopicsController {
  constructor(@Inject(ConfigurationService) private readonly configuration: ConfigurationService) {}

  @Allow(...RoleGroups.staff)
  @Get()
  @ApiOkResponse({ type: TopicsView, description: 'Kommunens emneliste, eller projektbeskrivelsens hvis kommunen ingen har' })
  topics(): Promise<TopicsView> {
    return this.configuration.topics();
  }

  @Allow(Role.TenantAdmin)
  @Put()
  @IdempotentCommand()
  @ApiOkResponse({ type: TopicsView, description: 'Emnelisten er erstattet; udeladte emner er trukket tilbage (inaktive, ikke på listen)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data, tom liste eller en kode to gange; hvert felt med fejl er navngivet' })
  replaceTopics(@Body() command: ReplaceTopicsDto): Promise<TopicsView> {
    return this.configuration.replaceTopics(command);
  }
}

@ApiTags('local partners')
@Controller()
export class PartnersController {
  constructor(@Inject(ConfigurationService) private readonly configuration: ConfigurationService) {}

  @Allow(Role.TenantAdmin, Role.TeamLead, Role.UnitLead)
  @Post('areas/:areaCode/partners')
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: PartnerView, description: 'Den lokale aktør er registreret i området' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiConflictResponse({ description: 'partner-exists: området har allerede en aktør med den kode' })
  createPartner(@Param() params: AreaParams, @Body() command: CreatePartnerDto): Promise<PartnerView> {
    return this.configuration.createPartner(params.areaCode, command);
  }

  @Allow(...RoleGroups.staff)
  @Get('areas/:areaCode/partners')
  @ApiOkResponse({ type: [PartnerView], description: 'Områdets lokale aktører, efter navn' })
  @ApiBadRequestResponse({ description: 'Ugyldig områdekode' })
  partners(@Param() params: AreaParams): Promise<PartnerView[]> {
    return this.configuration.partners(params.areaCode);
  }

  @Allow(Role.TenantAdmin, Role.TeamLead, Role.UnitLead)
  @Patch('partners/:id')
  @IdempotentCommand()
  @ApiOkResponse({ type: PartnerView, description: 'Ændret' })
  @ApiBadRequestResponse({ description: 'Ugyldige data, eller intet at ændre' })
  @ApiNotFoundResponse({ description: 'Ukendt aktør (eller en anden kommunes)' })
  changePartner(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string, @Body() command: ChangePartnerDto): Promise<PartnerView> {
    requireAnyOf(command, PARTNER_CHANGE_ATTRIBUTES);
    return this.configuration.changePartner(id, command);
  }
}
