import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { UnitOfWork } from '@fremskudt/persistence';
import { Allow, NotFoundProblem, Role } from '@fremskudt/service-kit';
import { CitizenAccess } from '../access-log/citizen-access.decorator';
import { Citizen } from '../citizens/citizen.entity';
import { TimelineEntry } from '../case/timeline-entry.entity';

export class TimelineEntryView {
  @ApiProperty({ format: 'date', description: 'Datoen hændelsen fandt sted' }) occurredOn: string;
  @ApiProperty({ example: 'dk.fremskudt.caseload.interview-held.v1', description: 'Hændelsestype (CloudEvents type)' }) type: string;
  @ApiProperty({ enum: ['caseload', 'counselling', 'companies', 'projects'], description: 'Tjenesten hændelsen kommer fra' }) source: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ format: 'date-time', description: 'Hvornår den blev registreret' }) recordedAt: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Hændelsens indhold (som på emnet)' }) data: Record<string, unknown>;
}

export class TimelineView {
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ type: [TimelineEntryView] }) entries: TimelineEntryView[];
}

/** A citizen's full timeline: every fact from every service that concerns them, in date order. */
@ApiTags('citizens')
@Controller('citizens')
export class TimelineController {
  constructor(@Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork) {}

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Get(':id/timeline')
  @CitizenAccess({ action: 'read', citizenParam: 'id' })
  @ApiOkResponse({ type: TimelineView, description: 'Alt om borgeren fra alle tjenester, efter dato og i den rækkefølge det blev registreret' })
  @ApiBadRequestResponse({ description: 'Ugyldigt borger-id' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  timeline(@Param('id', new ParseUUIDPipe({ version: '4' })) citizenId: string): Promise<TimelineView> {
    return this.read(citizenId);
  }

  private read(citizenId: string): Promise<TimelineView> {
    return this.unitOfWork.run(async (manager) => {
      if (!(await manager.existsBy(Citizen, { id: citizenId }))) throw new NotFoundProblem(`Citizen ${citizenId} not found`);
      const entries = await manager.find(TimelineEntry, { where: { citizenId }, order: { occurredOn: 'ASC', seq: 'ASC' } });
      return {
        citizenId,
        entries: entries.map((entry) => ({
          occurredOn: entry.occurredOn,
          type: entry.eventType,
          source: entry.source,
          eventId: entry.eventId,
          recordedAt: entry.recordedAt.toISOString(),
          data: entry.data,
        })),
      };
    });
  }
}
