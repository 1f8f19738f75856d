import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, IdempotentCommand, Role, RoleGroups } from '@fremskudt/service-kit';
import { requireAnyOf } from '../shared/validation';
import { ChangePartnerDto, CreatePartnerDto, PARTNER_CHANGE_ATTRIBUTES, PartnersQuery, PartnerView } from './partners.dto';
import { PartnersService } from './partners.service';

const UNKNOWN_PARTNER = 'Ukendt samarbejdspartner (eller en anden kommunes)';

@ApiTags('partners')
@Controller('partners')
export class PartnersController {
  constructor(@Inject(PartnersService) private readonly partners: PartnersService) {}

  @Allow(Role.TenantAdmin, Role.TeamLead, Role.UnitLead)
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: PartnerView, description: 'Samarbejdspartneren er registreret' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiConflictResponse({ description: 'partner-code-taken: koden er allerede brugt' })
  create(@Body() command: CreatePartnerDto): Promise<PartnerView> {
    return this.partners.create(command);
  }

  @Allow(...RoleGroups.staff)
  @Get()
  @ApiOkResponse({ type: [PartnerView], description: 'Kommunens samarbejdspartnere efter navn' })
  @ApiBadRequestResponse({ description: 'Ugyldigt filter' })
  list(@Query() query: PartnersQuery): Promise<PartnerView[]> {
    return this.partners.list(query);
  }

  @Allow(...RoleGroups.staff)
  @Get(':id')
  @ApiOkResponse({ type: PartnerView })
  @ApiNotFoundResponse({ description: UNKNOWN_PARTNER })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<PartnerView> {
    return this.partners.get(id);
  }

  @Allow(Role.TenantAdmin, Role.TeamLead, Role.UnitLead)
  @Patch(':id')
  @IdempotentCommand()
  @ApiOkResponse({ type: PartnerView, description: 'Ændret' })
  @ApiBadRequestResponse({ description: 'Ugyldige data, eller intet at ændre' })
  @ApiNotFoundResponse({ description: UNKNOWN_PARTNER })
  change(@Param('id', new ParseUUIDPipe()) id: string, @Body() command: ChangePartnerDto): Promise<PartnerView> {
    requireAnyOf(command, PARTNER_CHANGE_ATTRIBUTES);
    return this.partners.change(id, command);
  }
}
