import { Type } from '@sinclair/typebox';

/** Shared payload building blocks. Payloads never carry CPR numbers, names or free text. */
export const PseudonymousId = (description: string) => Type.String({ format: 'uuid', description });
export const IsoDate = (description: string) => Type.String({ format: 'date', description });
export const IsoDateTime = (description: string) => Type.String({ format: 'date-time', description });
export const Code = (description: string) => Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$', description });
