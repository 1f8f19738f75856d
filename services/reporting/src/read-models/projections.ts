import { EntityManager } from 'typeorm';
import { EventEnvelope, StreamDefinition } from '@fremskudt/contracts';
import { CASELOAD_PROJECTIONS } from './caseload.projection';
import { COUNSELLING_PROJECTIONS } from './counselling.projection';
import { FactCatalog } from './fact-catalog';
import { PLACEMENT_PROJECTIONS } from './placements.projection';
import { Projection, ReadModelWriter, StreamProjections } from './projection';
import { PROJECT_PROJECTIONS } from './projects.projection';

/**
 * Every stream the goal engine reads, as projections into the generic read models. To report
 * on a new stream (projects, companies' contacts, ...), write its projection file and add it
 * here (and its stream to the service's `consumes`): the handler, the rebuild and the goal
 * engine take it from this list.
 */
export const STREAM_PROJECTIONS: readonly StreamProjections[] = [CASELOAD_PROJECTIONS, COUNSELLING_PROJECTIONS, PLACEMENT_PROJECTIONS, PROJECT_PROJECTIONS];

export const FACT_CATALOG = new FactCatalog(STREAM_PROJECTIONS.flatMap((stream) => stream.facts));

const PROJECTIONS_BY_TYPE: ReadonlyMap<string, Projection> = new Map(
  STREAM_PROJECTIONS.flatMap((stream) => stream.projections).map((projection) => [projection.contract.type, projection]),
);

/** The event types the read models are built from (the handler's patterns). */
export const PROJECTED_EVENT_TYPES: string[] = [...PROJECTIONS_BY_TYPE.keys()];

/** The streams (topics) the read models are built from. */
export const READ_MODEL_STREAMS: StreamDefinition[] = [...new Set([...PROJECTIONS_BY_TYPE.values()].map((projection) => projection.contract.stream))];

/** Applies one event to the read models of its tenant (the manager's transaction); false when no projection reads it. */
export async function applyToReadModels(manager: EntityManager, envelope: EventEnvelope): Promise<boolean> {
  const projection = PROJECTIONS_BY_TYPE.get(envelope.type);
  if (!projection) return false;
  await projection.project(envelope.data, new ReadModelWriter(manager, envelope), envelope);
  return true;
}
