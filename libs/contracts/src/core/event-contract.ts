import { Static, TObject } from '@sinclair/typebox';
import { StreamDefinition } from './stream';

/** Reverse-DNS namespace of every CloudEvents `type` the platform defines. */
export const EVENT_TYPE_NAMESPACE = 'dk.fremskudt';

export interface EventContract<S extends TObject = TObject> {
  /** PascalCase event name, e.g. `CitizenRegistered`. */
  readonly name: string;
  readonly version: number;
  /** CloudEvents `type`: `dk.fremskudt.<domain>.<event-name>.v<version>`. */
  readonly type: string;
  readonly stream: StreamDefinition;
  readonly description: string;
  /** JSON Schema (TypeBox) of the payload; validated on produce and on consume. */
  readonly schema: S;
  /** The message key: the aggregate id. */
  keyOf(payload: Static<S>): string;
}

export type PayloadOf<C> = C extends EventContract<infer S> ? Static<S> : never;

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

export function defineEvent<S extends TObject>(definition: {
  name: string;
  version: number;
  stream: StreamDefinition;
  description: string;
  schema: S;
  keyOf: (payload: Static<S>) => string;
}): EventContract<S> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(definition.name)) throw new Error(`Event names are PascalCase: ${definition.name}`);
  const type = `${EVENT_TYPE_NAMESPACE}.${definition.stream.domain}.${kebab(definition.name)}.v${definition.version}`;
  return Object.freeze({ ...definition, type });
}
