import { TLiteral, TSchema, Type } from '@sinclair/typebox';

/** Shared payload building blocks. Payloads never carry CPR numbers, names or free text. */
export const PseudonymousId = (description: string) => Type.String({ format: 'uuid', description });
export const IsoDate = (description: string) => Type.String({ format: 'date', description });
export const IsoDateTime = (description: string) => Type.String({ format: 'date-time', description });
export const Code = (description: string) => Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$', description });
/** One of a fixed list of codes (a JSON Schema enum of string literals). */
export const OneOf = <const V extends readonly string[]>(values: V, description: string) =>
  Type.Union(
    values.map((value) => Type.Literal(value)) as TLiteral<V[number]>[],
    { description },
  );
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
