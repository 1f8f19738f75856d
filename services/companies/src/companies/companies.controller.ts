import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CitizenAccess, IdempotentCommand, Role } from '@fremskudt/service-kit';
import { IdParam } from '../shared/ids';
import { requireAnyOf } from '../shared/validation';
import { ChangeCompanyDto, COMPANY_CHANGE_ATTRIBUTES, CompaniesQuery, CompanyView, RegisterCompanyDto } from './company.dto';
import { ContactView, LogContactDto } from './contact.dto';
import { CompaniesService } from './companies.service';
import { ContactsService } from './contacts.service';

const UNKNOWN_COMPANY = 'Ukendt virksomhed (eller en anden kommunes)';

@ApiTags('companies')
@Controller('companies')
export class CompaniesController {
  constructor(
    @Inject(CompaniesService) private readonly companies: CompaniesService,
    @Inject(ContactsService) private readonly contacts: ContactsService,
  ) {}

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: CompanyView, description: 'Virksomheden er registreret (CompanyRegistered)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data, fx et CVR-nummer der ikke består modulus-11-kontrollen; hvert felt med fejl er navngivet' })
  @ApiConflictResponse({ description: 'cvr-exists: kommunen har allerede registreret virksomheden' })
  register(@Body() command: RegisterCompanyDto): Promise<CompanyView> {
    return this.companies.register(command);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Get()
  @ApiOkResponse({ type: [CompanyView], description: 'Kommunens virksomheder, efter navn' })
  @ApiBadRequestResponse({ description: 'Ugyldigt filter' })
  list(@Query() query: CompaniesQuery): Promise<CompanyView[]> {
    return this.companies.list(query);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Get(':id')
  @ApiOkResponse({ type: CompanyView })
  @ApiBadRequestResponse({ description: 'Ugyldigt id' })
  @ApiNotFoundResponse({ description: UNKNOWN_COMPANY })
  get(@IdParam() id: string): Promise<CompanyView> {
    return this.companies.get(id);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Patch(':id')
  @IdempotentCommand()
  @ApiOkResponse({ type: CompanyView, description: 'Ændret (CompanyUpdated, når noget faktisk ændrede sig)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data, eller intet at ændre' })
  @ApiNotFoundResponse({ description: UNKNOWN_COMPANY })
  change(@IdParam() id: string, @Body() command: ChangeCompanyDto): Promise<CompanyView> {
    requireAnyOf(command, COMPANY_CHANGE_ATTRIBUTES);
    return this.companies.change(id, command);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Post(':id/contacts')
  @CitizenAccess({ action: 'change', citizenBody: 'citizenIds', citizenOf: (contact: ContactView) => contact.citizenIds, onlyWithCitizen: true })
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: ContactView, description: 'Kontakten er registreret (ContactLogged)' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: UNKNOWN_COMPANY })
  @ApiConflictResponse({ description: 'citizen-unknown: en af borgerne er ikke i kommunens forløb; opening-unknown: en af jobåbningerne findes ikke' })
  logContact(@IdParam() id: string, @Body() command: LogContactDto): Promise<ContactView> {
    return this.contacts.log(id, command);
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Get(':id/contacts')
  @CitizenAccess({ action: 'search', criterion: (request) => ({ list: 'company-contacts', companyId: request.params.id }) })
  @ApiOkResponse({ type: [ContactView], description: 'Virksomhedens kontakter, nyeste først' })
  @ApiBadRequestResponse({ description: 'Ugyldigt id' })
  @ApiNotFoundResponse({ description: UNKNOWN_COMPANY })
  contactsOf(@IdParam() id: string): Promise<ContactView[]> {
    return this.contacts.list(id);
  }
}
