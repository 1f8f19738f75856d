import { Controller, Get, Inject, Injectable, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { ActivationKind, ActivationStarted, ActivationType, OFFER_TYPES, PlacementType } from '@fremskudt/contracts';
import { OutboxWriter } from '@fremskudt/messaging';
import { UnitOfWork } from '@fremskudt/persistence';
import { Allow, NotFoundProblem, Role } from '@fremskudt/service-kit';
import { CitizenAccess } from '../../access-log/citizen-access.decorator';
import { Citizen } from '../../citizens/citizen.entity';
import { copenhagenToday } from '../../case/calendar';
import { addDays, IsoDate } from '../../rules';
import { Offer } from '../offers/offer.entity';
import { Placement } from '../placements/placement.entity';
import { ActivationDue, activationDue } from './activation-due';

/**
 * A company placement in the glossary's sense (virksomhedsplacering: internship or wage-subsidy
 * job) is an activation; an ordinary, flex or part-time job is not, it is a way off benefit.
 */
export const ACTIVATING_PLACEMENT_TYPES: readonly PlacementType[] = ['company-internship', 'wage-subsidy-job'];

export class ActivationView {
  @ApiProperty({ enum: ['offer', 'placement'], description: 'Et tilbud fra sagsstammen eller en virksomhedsplacering fra virksomhedstjenesten' })
  kind: 'offer' | 'placement';
  @ApiProperty({ format: 'uuid', description: 'Tilbuddets eller placeringens id' }) id: string;
  @ApiProperty({ enum: [...OFFER_TYPES, ...ACTIVATING_PLACEMENT_TYPES], description: 'Tilbudstype eller placeringstype' }) type: string;
  @ApiProperty({ format: 'date' }) startedOn: string;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: 'Tilbud: gennemført' }) completedOn: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: 'Tilbud: afbrudt' }) droppedOn: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: 'Hvornår aktiveringen sluttede (gennemført, afbrudt eller placering afsluttet)' })
  endedOn: string | null;
  @ApiProperty({ format: 'date', description: 'Fristen aktiveringen måles mod: seks måneder efter den forrige aktivering i sagsforløbet, eller efter forløbets start' })
  dueDate: string;
  @ApiProperty({ description: 'Startet senest på fristen' }) onTime: boolean;
}

export class CitizenActivationsView {
  @ApiProperty({ format: 'uuid' }) citizenId: string;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: 'Start på den seneste aktivering (til rettidighed); null uden aktiveringer' })
  lastActivationStartedOn: string | null;
  @ApiProperty({ type: [ActivationView], description: 'Startede tilbud og virksomhedsplaceringer efter startdato' }) activations: ActivationView[];
  @ApiProperty({
    type: 'string',
    format: 'date',
    nullable: true,
    description: 'Hvornår den næste aktivering skal være startet (seks måneder efter den seneste i det åbne sagsforløb); null når borgeren ikke har et åbent forløb',
  })
  nextActivationDueDate: string | null;
}

/** A citizen's activations (offers and company placements that started), in the order they started. */
export async function citizenActivations(manager: EntityManager, citizenId: string): Promise<ActivationView[]> {
  const offers = await manager.find(Offer, { where: { citizenId, startedOn: Not(IsNull()) } });
  const placements = await manager.find(Placement, {
    where: { citizenId, startedOn: Not(IsNull()), placementType: In([...ACTIVATING_PLACEMENT_TYPES]) },
  });
  const activations: Array<Omit<ActivationView, 'dueDate' | 'onTime'>> = [
    ...offers.map((offer) => ({
      kind: 'offer' as const,
      id: offer.id,
      type: offer.offerType,
      startedOn: offer.startedOn!,
      completedOn: offer.completedOn,
      droppedOn: offer.droppedOn,
      endedOn: offer.completedOn ?? offer.droppedOn,
    })),
    ...placements.map((placement) => ({
      kind: 'placement' as const,
      id: placement.id,
      type: placement.placementType,
      startedOn: placement.startedOn!,
      completedOn: null,
      droppedOn: null,
      endedOn: placement.endedOn,
    })),
  ];
  activations.sort((a, b) => a.startedOn.localeCompare(b.startedOn) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  // Each measured as ActivationStarted measured it (activationDueOn): one source for the rule.
  const measured: ActivationView[] = [];
  for (const activation of activations) {
    const { dueDate, onTime } = await activationDueOn(manager, citizenId, activation.startedOn);
    measured.push({ ...activation, dueDate, onTime });
  }
  return measured;
}

/**
 * When the citizen's next activation is due: for one starting tomorrow, the due date counts
 * every start up to today in the open case period. Null without an open period (exited).
 */
export async function nextActivationDueDate(manager: EntityManager, citizenId: string, today: IsoDate): Promise<IsoDate | null> {
  const [open]: unknown[] = await manager.query(`SELECT 1 FROM case_period WHERE citizen_id = $1 AND closed_on IS NULL`, [citizenId]);
  return open ? (await activationDueOn(manager, citizenId, addDays(today, 1))).dueDate : null;
}

/** The start date of the citizen's latest activation, or null: what activation timeliness is measured from. */
export async function lastActivationStartedOn(manager: EntityManager, citizenId: string): Promise<IsoDate | null> {
  const [row]: Array<{ last: string | null }> = await manager.query(
    `SELECT to_char(greatest(
              (SELECT max(started_on) FROM offer WHERE citizen_id = $1),
              (SELECT max(started_on) FROM placement WHERE citizen_id = $1 AND placement_type = ANY($2))
            ), 'YYYY-MM-DD') AS last`,
    [citizenId, [...ACTIVATING_PLACEMENT_TYPES]],
  );
  return row?.last ?? null;
}

/**
 * The activation clock on a date: the case period the date falls in (the earliest one when it is
 * before them all) and the activation starts in it, for activationDue.
 */
export async function activationDueOn(manager: EntityManager, citizenId: string, startsOn: IsoDate): Promise<ActivationDue> {
  const [row]: Array<{ opened_on: string; starts: string[] }> = await manager.query(
    `WITH period AS (
       SELECT opened_on, closed_on FROM case_period WHERE citizen_id = $1
        ORDER BY (opened_on <= $2::date) DESC, CASE WHEN opened_on <= $2::date THEN opened_on END DESC, opened_on
        LIMIT 1)
     SELECT to_char(p.opened_on, 'YYYY-MM-DD') AS opened_on,
            ARRAY(SELECT to_char(s.started_on, 'YYYY-MM-DD') FROM (
                    SELECT started_on FROM offer WHERE citizen_id = $1 AND started_on IS NOT NULL
                    UNION ALL
                    SELECT started_on FROM placement WHERE citizen_id = $1 AND started_on IS NOT NULL AND placement_type = ANY($3)) s
                   WHERE s.started_on >= p.opened_on AND (p.closed_on IS NULL OR s.started_on <= p.closed_on)) AS starts
       FROM period p`,
    [citizenId, startsOn, [...ACTIVATING_PLACEMENT_TYPES]],
  );
  // Every citizen has a case period from registration; caseload never holds one without.
  if (!row) throw new Error(`Citizen ${citizenId} has no case period`);
  return activationDue(row.opened_on, row.starts, startsOn);
}

export interface StartedActivation {
  citizenId: string;
  activationId: string;
  activationKind: ActivationKind;
  activationType: ActivationType;
  startedOn: IsoDate;
}

/** For other modules (e.g. timeliness queries): the same answers inside their own transaction. */
@Injectable()
export class ActivationsService {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  lastActivationStartedOn(manager: EntityManager, citizenId: string): Promise<IsoDate | null> {
    return lastActivationStartedOn(manager, citizenId);
  }

  /**
   * Publishes ActivationStarted for an activation whose start the caller has just written, in the
   * caller's transaction. Not in the timeline: the offer's or placement's own event is there.
   */
  async started(manager: EntityManager, activation: StartedActivation): Promise<void> {
    const due = await activationDueOn(manager, activation.citizenId, activation.startedOn);
    await this.outbox.publish(manager, ActivationStarted, { ...activation, dueDate: due.dueDate, onTime: due.onTime, nextDueDate: due.nextDueDate });
  }

  async ofCitizen(citizenId: string): Promise<CitizenActivationsView> {
    return this.unitOfWork.run(async (manager) => {
      if (!(await manager.existsBy(Citizen, { id: citizenId }))) throw new NotFoundProblem(`Citizen ${citizenId} not found`);
      const activations = await citizenActivations(manager, citizenId);
      const last = activations.reduce<string | null>((latest, a) => (latest === null || a.startedOn > latest ? a.startedOn : latest), null);
      return { citizenId, lastActivationStartedOn: last, activations, nextActivationDueDate: await nextActivationDueDate(manager, citizenId, copenhagenToday()) };
    });
  }
}

@ApiTags('offers')
@Controller('citizens')
export class ActivationsController {
  constructor(private readonly activations: ActivationsService) {}

  @Allow(Role.JobConsultant, Role.TeamLead, Role.UnitLead)
  @Get(':id/activations')
  @CitizenAccess({ action: 'read', citizenParam: 'id' })
  @ApiOkResponse({ type: CitizenActivationsView, description: 'Borgerens aktiveringer: startede tilbud og virksomhedsplaceringer (praktik, løntilskud)' })
  @ApiNotFoundResponse({ description: 'Ukendt borger (eller en anden kommunes)' })
  ofCitizen(@Param('id', new ParseUUIDPipe({ version: '4' })) citizenId: string): Promise<CitizenActivationsView> {
    return this.activations.ofCitizen(citizenId);
  }
}
