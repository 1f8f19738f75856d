import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, IdempotentCommand, Role } from '@fremskudt/service-kit';
import { CitizenAccess } from '../../access-log/citizen-access.decorator';
import { OwnedByCitizen } from '../../data-scope';
import { CitizenOffersView, CompleteOfferDto, DropOfferDto, OfferView, PlanOfferDto, StartOfferDto } from './offer.dto';
import { OffersService } from './offers.service';

const uuid = () => new ParseUUIDPipe({ version: '4' });
const TRANSITION_CONFLICTS =
  'Ulovlig overgang: offer-already-started, offer-not-started (aldrig startet), offer-completed, offer-dropped, ' +
  'offer-date-before-start (dato før start), citizen-exited (borgeren er afgået); intet er skrevet';

@ApiTags('offers')
@Controller('citizens')
export class CitizenOffersController {
  constructor(private readonly offers: OffersService) {}

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Post(':id/offers')
  @CitizenAccess({ action: 'change', citizenParam: 'id' })
  @HttpCode(HttpStatus.CREATED)
  @IdempotentCommand()
  @ApiCreatedResponse({ type: OfferView, description: 'Tilbuddet er planlagt; OfferPlanned er udsendt' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  @ApiConflictResponse({ description: 'Borgeren er afgået (citizen-exited)' })
  plan(@Param('id', uuid()) citizenId: string, @Body() command: PlanOfferDto): Promise<OfferView> {
    return this.offers.plan(citizenId, command);
  }

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Get(':id/offers')
  @CitizenAccess({ action: 'read', citizenParam: 'id' })
  @ApiOkResponse({ type: CitizenOffersView })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  ofCitizen(@Param('id', uuid()) citizenId: string): Promise<CitizenOffersView> {
    return this.offers.ofCitizen(citizenId);
  }
}

@ApiTags('offers')
@Controller('offers')
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Allow(Role.JobConsultant, Role.Mentor, Role.TeamLead, Role.UnitLead)
  @Get(':offerId')
  @CitizenAccess({ action: 'read', citizenOf: (offer: OfferView) => offer.citizenId })
  @OwnedByCitizen('offer', 'offerId')
  @ApiOkResponse({ type: OfferView })
  @ApiNotFoundResponse({ description: 'Ukendt tilbud (eller en anden kommunes)' })
  get(@Param('offerId', uuid()) offerId: string): Promise<OfferView> {
    return this.offers.get(offerId);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Post(':offerId/start')
  @CitizenAccess({ action: 'change', citizenOf: (offer: OfferView) => offer.citizenId })
  @OwnedByCitizen('offer', 'offerId')
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({ type: OfferView, description: 'Tilbuddet er startet (en aktivering); OfferStarted er udsendt' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt tilbud (eller en anden kommunes)' })
  @ApiConflictResponse({ description: TRANSITION_CONFLICTS })
  start(@Param('offerId', uuid()) offerId: string, @Body() command: StartOfferDto): Promise<OfferView> {
    return this.offers.start(offerId, command.startedOn);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Post(':offerId/complete')
  @CitizenAccess({ action: 'change', citizenOf: (offer: OfferView) => offer.citizenId })
  @OwnedByCitizen('offer', 'offerId')
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({ type: OfferView, description: 'Tilbuddet er gennemført; OfferCompleted er udsendt' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt tilbud (eller en anden kommunes)' })
  @ApiConflictResponse({ description: TRANSITION_CONFLICTS })
  complete(@Param('offerId', uuid()) offerId: string, @Body() command: CompleteOfferDto): Promise<OfferView> {
    return this.offers.complete(offerId, command.completedOn);
  }

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Post(':offerId/drop')
  @CitizenAccess({ action: 'change', citizenOf: (offer: OfferView) => offer.citizenId })
  @OwnedByCitizen('offer', 'offerId')
  @HttpCode(HttpStatus.OK)
  @IdempotentCommand()
  @ApiOkResponse({ type: OfferView, description: 'Tilbuddet er afbrudt med årsag; OfferDropped er udsendt' })
  @ApiBadRequestResponse({ description: 'Ugyldige data; hvert felt med fejl er navngivet' })
  @ApiNotFoundResponse({ description: 'Ukendt tilbud (eller en anden kommunes)' })
  @ApiConflictResponse({ description: TRANSITION_CONFLICTS })
  drop(@Param('offerId', uuid()) offerId: string, @Body() command: DropOfferDto): Promise<OfferView> {
    return this.offers.drop(offerId, command.droppedOn, command.reason);
  }
}
