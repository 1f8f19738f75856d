import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { PLACEMENT_END_REASONS, PLACEMENT_TYPES } from '@fremskudt/contracts';
import { UnitOfWork } from '@fremskudt/persistence';
import { Allow, NotFoundProblem, Role } from '@fremskudt/service-kit';
import { CitizenAccess } from '../../access-log/citizen-access.decorator';
import { Citizen } from '../../citizens/citizen.entity';
import { Placement } from './placement.entity';
import { PLACEMENT_STATUSES } from './placement-state';

export class PlacementView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'Virksomheden (i virksomhedstjenesten)' }) companyId: string;
  @ApiProperty({ enum: PLACEMENT_TYPES }) placementType: string;
  @ApiProperty({ description: 'Timer om ugen' }) hoursPerWeek: number;
  @ApiProperty({ enum: PLACEMENT_STATUSES }) status: string;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) plannedStart: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) plannedEnd: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) startedOn: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) endedOn: string | null;
  @ApiProperty({ enum: PLACEMENT_END_REASONS, nullable: true }) endReason: string | null;
}

export class CitizenPlacementsView {
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ type: [PlacementView], description: 'Virksomhedsplaceringer fra virksomhedstjenesten' }) placements: PlacementView[];
}

export const toPlacementView = (row: Placement): PlacementView => ({
  id: row.id,
  companyId: row.companyId,
  placementType: row.placementType,
  hoursPerWeek: Number(row.hoursPerWeek),
  status: row.status,
  plannedStart: row.plannedStart,
  plannedEnd: row.plannedEnd,
  startedOn: row.startedOn,
  endedOn: row.endedOn,
  endReason: row.endReason,
});

@ApiTags('placements')
@Controller('citizens')
export class CitizenPlacementsController {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Get(':id/placements')
  @CitizenAccess({ action: 'read', citizenParam: 'id' })
  @ApiOkResponse({ type: CitizenPlacementsView, description: 'Borgerens virksomhedsplaceringer, som virksomhedstjenesten har meldt dem' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  placements(@Param('id', new ParseUUIDPipe({ version: '4' })) citizenId: string): Promise<CitizenPlacementsView> {
    return this.read(citizenId);
  }

  private read(citizenId: string): Promise<CitizenPlacementsView> {
    return this.unitOfWork.run(async (manager) => {
      if (!(await manager.existsBy(Citizen, { id: citizenId }))) throw new NotFoundProblem(`Citizen ${citizenId} not found`);
      const rows = await manager.find(Placement, { where: { citizenId } });
      // In the order they began (or were meant to); a placement known only by its end sorts by that.
      const sortDate = (row: Placement) => row.startedOn ?? row.plannedStart ?? row.endedOn ?? '';
      rows.sort((a, b) => sortDate(a).localeCompare(sortDate(b)) || a.id.localeCompare(b.id));
      return { citizenId, placements: rows.map(toPlacementView) };
    });
  }
}
