import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow, CitizenAccess, Role, languageOf } from '@fremskudt/service-kit';
import { IdParam } from '../shared/ids';
import { CandidatesForOpeningView, MatchingQuery, OpeningsForCitizenView } from './matching.dto';
import { MatchingService } from './matching.service';

@ApiTags('matching')
@Controller()
export class MatchingController {
  constructor(@Inject(MatchingService) private readonly matching: MatchingService) {}

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Get('citizens/:id/matching-openings')
  @CitizenAccess({ action: 'read', citizenParam: 'id' })
  @ApiOkResponse({
    type: OpeningsForCitizenView,
    description: 'De åbne jobåbninger rangeret for borgeren efter jobønsket (branche, afstand, timer, dansk), hver med begrundelser; og dem borgeren er udelukket fra, med alle grunde',
  })
  @ApiBadRequestResponse({ description: 'Ugyldigt id eller limit' })
  @ApiNotFoundResponse({ description: 'Ikke en borger i kommunens forløb' })
  @ApiConflictResponse({ description: 'citizen-exited: borgeren er afsluttet; job-wish-missing: borgeren har intet jobønske' })
  openingsForCitizen(@IdParam() citizenId: string, @Query() query: MatchingQuery, @Req() request: Request): Promise<OpeningsForCitizenView> {
    return this.matching.openingsForCitizen(citizenId, query.limit, languageOf(request));
  }

  @Allow(Role.JobConsultant, Role.CompanyConsultant, Role.TeamLead, Role.UnitLead)
  @Get('openings/:id/candidates')
  @CitizenAccess({ action: 'search', criterion: (request) => ({ list: 'opening-candidates', openingId: request.params.id }) })
  @ApiOkResponse({
    type: CandidatesForOpeningView,
    description: 'Borgere med et gældende jobønske rangeret for jobåbningen, hver med begrundelser; og de udelukkede, med alle grunde',
  })
  @ApiBadRequestResponse({ description: 'Ugyldigt id eller limit' })
  @ApiNotFoundResponse({ description: 'Ukendt jobåbning (eller en anden kommunes)' })
  @ApiConflictResponse({ description: 'opening-not-open: jobåbningen er besat eller lukket' })
  candidatesForOpening(@IdParam() openingId: string, @Query() query: MatchingQuery, @Req() request: Request): Promise<CandidatesForOpeningView> {
    return this.matching.candidatesForOpening(openingId, query.limit, languageOf(request));
  }
}
