import { Type } from '@sinclair/typebox';
import { defineEvent } from '../core/event-contract';
import { IsoDate, Nullable, OneOf, PseudonymousId } from '../core/schema-types';
import { defineStream } from '../core/stream';

export const PlacementsStream = defineStream({
  domain: 'companies',
  name: 'placements',
  version: 1,
  description: 'Company placements (internships, wage-subsidy jobs, ordinary, flex and part-time jobs), owned by the companies service.',
  keyDescription: 'The placement id.',
});

export const PLACEMENT_TYPES = ['company-internship', 'wage-subsidy-job', 'ordinary-job', 'flex-job', 'part-time-job'] as const;
export const PLACEMENT_END_REASONS = ['completed', 'hired', 'dropped-out', 'cancelled-by-company'] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];
export type PlacementEndReason = (typeof PLACEMENT_END_REASONS)[number];

const placementProperties = {
  placementId: PseudonymousId('The placement'),
  citizenId: PseudonymousId("The citizen's pseudonymous id"),
  companyId: PseudonymousId('The company'),
  placementType: OneOf(PLACEMENT_TYPES, 'Kind of placement'),
  hoursPerWeek: Type.Number({ minimum: 0, maximum: 60, description: 'Hours per week' }),
};

export const PlacementPlanned = defineEvent({
  name: 'PlacementPlanned',
  version: 1,
  stream: PlacementsStream,
  description: 'A company placement was agreed for a citizen.',
  schema: Type.Object(
    { ...placementProperties, plannedStart: IsoDate('Planned start'), plannedEnd: Nullable(IsoDate('Planned end, when known')) },
    { additionalProperties: false },
  ),
  keyOf: (payload) => payload.placementId,
});

export const PlacementStarted = defineEvent({
  name: 'PlacementStarted',
  version: 1,
  stream: PlacementsStream,
  description: "The citizen started in the company: the fact behind the reports' started placements.",
  schema: Type.Object({ ...placementProperties, startedOn: IsoDate('Actual start') }, { additionalProperties: false }),
  keyOf: (payload) => payload.placementId,
});

export const PlacementEnded = defineEvent({
  name: 'PlacementEnded',
  version: 1,
  stream: PlacementsStream,
  description: 'A placement ended, with the reason.',
  schema: Type.Object(
    { ...placementProperties, endedOn: IsoDate('Actual end'), reason: OneOf(PLACEMENT_END_REASONS, 'Why it ended') },
    { additionalProperties: false },
  ),
  keyOf: (payload) => payload.placementId,
});

export const PLACEMENT_EVENTS = [PlacementPlanned, PlacementStarted, PlacementEnded] as const;
