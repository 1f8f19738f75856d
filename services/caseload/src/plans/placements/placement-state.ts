import { IsoDate } from '../../rules';

/**
 * A placement as caseload knows it, folded from the companies service's events. One placement's
 * events share a key and so arrive in order, but a producer may still publish them late or out
 * of order (an end recorded before the start was); the fold therefore never moves the status
 * back and lets every event fill in its own dates, whatever arrives first.
 */
export const PLACEMENT_STATUSES = ['planned', 'started', 'ended'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

export interface PlacementFacts {
  citizenId: string;
  companyId: string;
  placementType: string;
  hoursPerWeek: number;
  status: PlacementStatus;
  plannedStart: IsoDate | null;
  plannedEnd: IsoDate | null;
  startedOn: IsoDate | null;
  endedOn: IsoDate | null;
  endReason: string | null;
}

interface Common {
  citizenId: string;
  companyId: string;
  placementType: string;
  hoursPerWeek: number;
}

export type PlacementFact =
  | (Common & { kind: 'planned'; plannedStart: IsoDate; plannedEnd: IsoDate | null })
  | (Common & { kind: 'started'; startedOn: IsoDate })
  | (Common & { kind: 'ended'; endedOn: IsoDate; reason: string });

const rank = (status: PlacementStatus) => PLACEMENT_STATUSES.indexOf(status);

export function applyPlacementFact(current: PlacementFacts | null, fact: PlacementFact): PlacementFacts {
  const base: PlacementFacts = current ?? {
    citizenId: fact.citizenId,
    companyId: fact.companyId,
    placementType: fact.placementType,
    hoursPerWeek: fact.hoursPerWeek,
    status: fact.kind,
    plannedStart: null,
    plannedEnd: null,
    startedOn: null,
    endedOn: null,
    endReason: null,
  };
  // The latest stage's event describes the placement as it stands (type, hours, company).
  const isLatestStage = rank(fact.kind) >= rank(base.status);
  const next: PlacementFacts = {
    ...base,
    ...(isLatestStage
      ? { citizenId: fact.citizenId, companyId: fact.companyId, placementType: fact.placementType, hoursPerWeek: fact.hoursPerWeek, status: fact.kind }
      : {}),
  };
  switch (fact.kind) {
    case 'planned':
      return { ...next, plannedStart: fact.plannedStart, plannedEnd: fact.plannedEnd };
    case 'started':
      return { ...next, startedOn: fact.startedOn };
    case 'ended':
      return { ...next, endedOn: fact.endedOn, endReason: fact.reason };
  }
}
