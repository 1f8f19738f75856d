import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, IdempotentCommand, Role, RoleGroups } from '@fremskudt/service-kit';
import { CitizenAccess } from '../access-log/citizen-access.decorator';
import { requireAnyOf } from '../citizens/require-any-of';
import { ScopedToStaff } from '../data-scope';
import { StaffService } from './staff.service';
import { CaseloadView, ChangeStaffMemberDto, RegisterStaffMemberDto, STAFF_CHANGE_ATTRIBUTES, StaffMemberView, StaffQuery } from './staff.dto';

const StaffId = () => Param('id', new ParseUUIDPipe({ version: '4' }));

@ApiTags('staff')
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Allow(Role.TenantAdmin)
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: StaffMemberView, description: 'Medarbejderen er registreret; StaffMemberRegistered er udsendt' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  register(@Body() command: RegisterStaffMemberDto): Promise<StaffMemberView> {
    return this.staff.register(command);
  }

  @Allow(...RoleGroups.staff)
  @Get()
  @ApiOkResponse({ type: [StaffMemberView], description: 'Kommunens medarbejdere, sorteret efter team og navn' })
  @ApiBadRequestResponse({ description: 'Ugyldigt filter' })
  list(@Query() query: StaffQuery): Promise<StaffMemberView[]> {
    return this.staff.list(query);
  }

  @Allow(...RoleGroups.staff)
  @Get(':id')
  @ApiOkResponse({ type: StaffMemberView })
  @ApiNotFoundResponse({ description: 'Ukendt medarbejder (eller en anden kommunes)' })
  get(@StaffId() id: string): Promise<StaffMemberView> {
    return this.staff.get(id);
  }

  @Allow(Role.TenantAdmin)
  @Patch(':id')
  @IdempotentCommand()
  @ApiOkResponse({ type: StaffMemberView, description: 'Ændret; StaffMemberChanged er udsendt hvis noget faktisk ændrede sig' })
  @ApiBadRequestResponse({ description: 'Ugyldige data, eller intet at ændre' })
  @ApiNotFoundResponse({ description: 'Ukendt medarbejder (eller en anden kommunes)' })
  change(@StaffId() id: string, @Body() command: ChangeStaffMemberDto): Promise<StaffMemberView> {
    requireAnyOf(command, STAFF_CHANGE_ATTRIBUTES);
    return this.staff.change(id, command);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Get(':id/caseload')
  @CitizenAccess({ action: 'search', criterion: (request) => ({ list: 'caseload', consultantId: request.params.id }) })
  @ScopedToStaff('id')
  @ApiOkResponse({ type: CaseloadView, description: 'Borgerne medarbejderen har sagsansvar for nu, med antal og kapacitet' })
  @ApiNotFoundResponse({ description: 'Ukendt medarbejder (eller en anden kommunes)' })
  caseload(@StaffId() id: string): Promise<CaseloadView> {
    return this.staff.caseload(id);
  }
}
