import { TObject, TProperties, Type } from '@sinclair/typebox';
import { defineEvent } from '../core/event-contract';
import { PseudonymousId } from '../core/schema-types';
import { CitizensStream } from './citizens-stream';

/** The payload schema of an event about one citizen: its pseudonymous id and the given properties. */
export function withCitizen<P extends TProperties>(properties: P) {
  return Type.Object({ citizenId: PseudonymousId("The citizen's pseudonymous id"), ...properties }, { additionalProperties: false });
}

/** Defines a version-1 event on the citizens stream, keyed by the citizen: every event about one citizen. */
export function citizenEvent<S extends TObject>(name: string, description: string, schema: S) {
  return defineEvent({
    name,
    version: 1,
    stream: CitizensStream,
    description,
    schema,
    keyOf: (payload) => (payload as { citizenId: string }).citizenId,
  });
}
