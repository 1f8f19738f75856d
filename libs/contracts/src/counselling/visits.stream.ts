import { Type } from '@sinclair/typebox';
import { defineEvent } from '../core/event-contract';
import { Code, IsoDate, IsoDateTime, PseudonymousId } from '../core/schema-types';
import { defineStream } from '../core/stream';

export const CounsellingVisitsStream = defineStream({
  domain: 'counselling',
  name: 'visits',
  version: 1,
  description: 'Visits at the open counselling desks in the housing areas.',
  keyDescription: 'The visit id.',
});

/**
 * A follow-up interview held at an open counselling desk. The caseload service counts it as
 * the citizen's held interview (place: open counselling), also when it comes before a summons.
 */
export const FollowUpInterviewHeld = defineEvent({
  name: 'FollowUpInterviewHeld',
  version: 1,
  stream: CounsellingVisitsStream,
  description: "A citizen with a case had their follow-up interview at an open counselling desk; counts as the citizen's held interview.",
  schema: Type.Object(
    {
      visitId: PseudonymousId('The visit'),
      citizenId: PseudonymousId("The citizen's pseudonymous id"),
      areaCode: Code('Area of the desk'),
      deskId: PseudonymousId('The desk'),
      heldOn: IsoDate('Date the interview was held'),
      heldAt: IsoDateTime('When the talk ended'),
      staffId: PseudonymousId('The consultant who held it'),
    },
    { additionalProperties: false },
  ),
  keyOf: (payload) => payload.visitId,
});
