import { PLACEMENT_END_REASONS, PLACEMENT_TYPES, PlacementEnded, PlacementPlanned, PlacementStarted } from '@fremskudt/contracts';
import { FactKind, oneOf } from './fact-catalog';
import { projection, StreamProjections } from './projection';

const placementType = oneOf(PLACEMENT_TYPES);
const fact = (kind: string, da: string, en: string, attributes: FactKind['attributes']): FactKind => ({ kind, label: { da, en }, subject: 'citizen', attributes });

/** Companies' placements topic: company placements planned, started (the reports' "started placements") and ended. */
export const PLACEMENT_PROJECTIONS: StreamProjections = {
  facts: [
    fact('placement-planned', 'Virksomhedsplacering aftalt', 'Company placement agreed', { placementType }),
    fact('placement-started', 'Virksomhedsplacering påbegyndt', 'Company placement started', { placementType }),
    fact('placement-ended', 'Virksomhedsplacering afsluttet', 'Company placement ended', { placementType, reason: oneOf(PLACEMENT_END_REASONS) }),
  ],
  projections: [
    projection(PlacementPlanned, (event, write) =>
      write.fact({
        kind: 'placement-planned',
        occurredOn: event.plannedStart,
        citizenId: event.citizenId,
        subjectId: event.placementId,
        attributes: { placementType: event.placementType, companyId: event.companyId },
      }),
    ),
    projection(PlacementStarted, (event, write) =>
      write.fact({
        kind: 'placement-started',
        occurredOn: event.startedOn,
        citizenId: event.citizenId,
        subjectId: event.placementId,
        attributes: { placementType: event.placementType, companyId: event.companyId, hoursPerWeek: event.hoursPerWeek },
      }),
    ),
    projection(PlacementEnded, (event, write) =>
      write.fact({
        kind: 'placement-ended',
        occurredOn: event.endedOn,
        citizenId: event.citizenId,
        subjectId: event.placementId,
        attributes: { placementType: event.placementType, companyId: event.companyId, reason: event.reason },
      }),
    ),
  ],
};
