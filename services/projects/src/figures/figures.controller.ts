import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ProjectId, UNKNOWN_PROJECT } from '../projects/projects.controller';
import { FiguresQuery, ProjectFiguresView } from './figures.dto';
import { FiguresService } from './figures.service';
import { Allow, Role, RoleGroups } from '@fremskudt/service-kit';

@ApiTags('figures')
@Controller('projects/:id/figures')
export class FiguresController {
  constructor(@Inject(FiguresService) private readonly figures: FiguresService) {}

  @Allow(...RoleGroups.reportReaders, Role.Partner)
  @Get()
  @ApiOkResponse({
    type: ProjectFiguresView,
    description: 'Projektets tal: tilmeldte, aktive, udtrådte og erstattede; per fase; per milepæl (fx hygiejnebevis: til eksamen, bestået); rekruttering per område',
  })
  @ApiBadRequestResponse({ description: 'Ugyldig dato' })
  @ApiNotFoundResponse({ description: UNKNOWN_PROJECT })
  get(@ProjectId() projectId: string, @Query() query: FiguresQuery): Promise<ProjectFiguresView> {
    return this.figures.figures(projectId, query.on);
  }
}
