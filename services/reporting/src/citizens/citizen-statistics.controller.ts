import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { TenantContext, UnitOfWork } from '@fremskudt/persistence';
import { Allow, RoleGroups } from '@fremskudt/service-kit';

export class AreaCount {
  @ApiProperty() areaCode: string;
  @ApiProperty() count: number;
}

export class RegisteredCitizensStatistics {
  @ApiProperty({ description: 'Kommunens id' }) tenant: string;
  @ApiProperty({ description: 'Antal registrerede borgere' }) count: number;
  @ApiProperty({ type: [AreaCount], description: 'Fordelt på boligområde' }) byArea: AreaCount[];
}

@ApiTags('statistics')
@Controller('statistics')
export class CitizenStatisticsController {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  @Allow(...RoleGroups.reportReaders)
  @Get('registered-citizens')
  @ApiOkResponse({ type: RegisteredCitizensStatistics })
  async registeredCitizens(): Promise<RegisteredCitizensStatistics> {
    const byArea: Array<{ area_code: string; count: number }> = await this.unitOfWork.run((manager) =>
      manager.query(`SELECT area_code, count(*)::int AS count FROM registered_citizen GROUP BY area_code ORDER BY area_code`),
    );
    return {
      tenant: TenantContext.currentTenant(),
      count: byArea.reduce((sum, row) => sum + row.count, 0),
      byArea: byArea.map((row) => ({ areaCode: row.area_code, count: row.count })),
    };
  }
}
