import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CitizensService } from './citizens.service';
import { CitizenView, RegisterCitizenDto } from './register-citizen.dto';

@ApiTags('citizens')
@Controller('citizens')
export class CitizensController {
  constructor(private readonly citizens: CitizensService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiCreatedResponse({ type: CitizenView, description: 'Borgeren er registreret; CitizenRegistered er udsendt' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiConflictResponse({ description: 'CPR-nummeret er allerede registreret' })
  register(@Body() command: RegisterCitizenDto): Promise<CitizenView> {
    return this.citizens.register(command);
  }

  @Get(':id')
  @ApiOkResponse({ type: CitizenView })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  get(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<CitizenView> {
    return this.citizens.get(id);
  }
}
