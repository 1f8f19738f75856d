import { Type } from '@sinclair/typebox';
import { defineEvent } from '../core/event-contract';
import { Code, IsoDate, IsoDateTime, PseudonymousId } from '../core/schema-types';
import { defineStream } from '../core/stream';

export const CitizensStream = defineStream({
  domain: 'caseload',
  name: 'citizens',
  version: 1,
  description: 'Facts about citizens followed by the outreach team, in order per citizen.',
  keyDescription: "The citizen's pseudonymous id (never the CPR number).",
});

export const BENEFIT_TYPES = ['cash-benefit', 'education-benefit', 'integration-benefit', 'sickness-benefit', 'other'] as const;
export const READINESS = ['activity-ready', 'job-ready'] as const;

export const CitizenRegistered = defineEvent({
  name: 'CitizenRegistered',
  version: 1,
  stream: CitizensStream,
  description: 'A citizen was registered with the outreach team.',
  schema: Type.Object(
    {
      citizenId: PseudonymousId("The citizen's pseudonymous id"),
      birthDate: IsoDate('Birth date (derived from the CPR number); age drives the rules'),
      areaCode: Code('Housing area of residence'),
      benefitType: Type.Union(BENEFIT_TYPES.map((value) => Type.Literal(value)), { description: 'Benefit type' }),
      readiness: Type.Union(READINESS.map((value) => Type.Literal(value)), { description: 'Activity-ready or job-ready' }),
      registeredAt: IsoDateTime('When the registration took effect'),
    },
    { additionalProperties: false },
  ),
  keyOf: (payload) => payload.citizenId,
});
