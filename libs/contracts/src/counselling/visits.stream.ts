import { Type } from '@sinclair/typebox';
import { defineEvent } from '../core/event-contract';
import { Code, IsoDate, IsoDateTime, Nullable, OneOf, PseudonymousId } from '../core/schema-types';
import { defineStream } from '../core/stream';

export const CounsellingVisitsStream = defineStream({
  domain: 'counselling',
  name: 'visits',
  version: 1,
  description: 'Visits at the open counselling desks in the housing areas, in order per visit.',
  keyDescription: 'The visit id.',
});

export const CounsellingDesksStream = defineStream({
  domain: 'counselling',
  name: 'desks',
  version: 1,
  description: 'Opening and closing of the open counselling desks’ sessions.',
  keyDescription: 'The desk id.',
});

/** Who came: a citizen with a case with the outreach team, one without (advice only), or anonymous. */
export const VISITOR_KINDS = ['citizen-with-case', 'citizen-without-case', 'anonymous'] as const;
export const VISIT_ARRIVALS = ['summoned', 'walk-in'] as const;
/** Actions taken in a talk; the last two are case actions, refused for citizens without a case. */
export const VISIT_ACTIONS = ['advice', 'referral', 'company-contact', 'follow-up-interview-held', 'job-plan-revised'] as const;
export const CASE_ACTIONS = ['follow-up-interview-held', 'job-plan-revised'] as const;

export type VisitorKind = (typeof VISITOR_KINDS)[number];
export type VisitArrival = (typeof VISIT_ARRIVALS)[number];
export type VisitAction = (typeof VISIT_ACTIONS)[number];

const byVisit = (payload: { visitId: string }) => payload.visitId;

/** Where a visit happened and who came. Visits of citizens without a case or anonymous carry no person id. */
const visitProperties = () => ({
  visitId: PseudonymousId('The visit'),
  deskId: PseudonymousId('The desk'),
  areaCode: Code('Area of the desk'),
  visitorKind: OneOf(VISITOR_KINDS, 'Who came'),
  citizenId: Nullable(PseudonymousId("The citizen's pseudonymous id; only for citizens with a case")),
  arrival: OneOf(VISIT_ARRIVALS, 'Summoned or walk-in'),
});

export const VisitCheckedIn = defineEvent({
  name: 'VisitCheckedIn',
  version: 1,
  stream: CounsellingVisitsStream,
  description: 'A visitor checked in at a desk and joined its queue.',
  schema: Type.Object(
    {
      ...visitProperties(),
      checkedInAt: IsoDateTime('Check-in time'),
      requestedStaffId: Nullable(PseudonymousId('The consultant the visitor asked for, if any')),
    },
    { additionalProperties: false },
  ),
  keyOf: byVisit,
});

export const TalkStarted = defineEvent({
  name: 'TalkStarted',
  version: 1,
  stream: CounsellingVisitsStream,
  description: 'A consultant called the visitor and the talk began; the wait is measured from check-in.',
  schema: Type.Object(
    {
      visitId: PseudonymousId('The visit'),
      deskId: PseudonymousId('The desk'),
      areaCode: Code('Area of the desk'),
      staffId: PseudonymousId('The consultant'),
      startedAt: IsoDateTime('Start of the talk'),
      waitedSeconds: Type.Integer({ minimum: 0, description: 'Seconds from check-in to the talk' }),
    },
    { additionalProperties: false },
  ),
  keyOf: byVisit,
});

export const VisitCompleted = defineEvent({
  name: 'VisitCompleted',
  version: 1,
  stream: CounsellingVisitsStream,
  description: 'A visit ended, with its topics and actions (codes only; no free text).',
  schema: Type.Object(
    {
      ...visitProperties(),
      staffId: PseudonymousId('The consultant who held the talk'),
      checkedInAt: IsoDateTime('Check-in time'),
      talkStartedAt: IsoDateTime('Start of the talk'),
      endedAt: IsoDateTime('End of the talk'),
      waitedSeconds: Type.Integer({ minimum: 0 }),
      topics: Type.Array(Code('Topic from the tenant’s list'), { description: 'What the talk was about' }),
      actions: Type.Array(OneOf(VISIT_ACTIONS, 'Action'), { description: 'What was done' }),
    },
    { additionalProperties: false },
  ),
  keyOf: byVisit,
});

export const ReferralMade = defineEvent({
  name: 'ReferralMade',
  version: 1,
  stream: CounsellingVisitsStream,
  description: 'A visitor was referred to a local actor of the area.',
  schema: Type.Object(
    {
      visitId: PseudonymousId('The visit'),
      deskId: PseudonymousId('The desk'),
      areaCode: Code('Area of the desk'),
      citizenId: Nullable(PseudonymousId('Only for citizens with a case')),
      partnerCode: Code('The local actor from the area’s partner registry'),
      referredOn: IsoDate('Date of the referral'),
    },
    { additionalProperties: false },
  ),
  keyOf: byVisit,
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
  keyOf: byVisit,
});

const sessionProperties = () => ({
  deskId: PseudonymousId('The desk'),
  sessionId: PseudonymousId('The session (one opening of the desk)'),
  areaCode: Code('Area of the desk'),
  date: IsoDate('Opening day'),
});

export const DeskSessionOpened = defineEvent({
  name: 'DeskSessionOpened',
  version: 1,
  stream: CounsellingDesksStream,
  description: 'A desk opened for a session (from its weekly schedule or an extra session).',
  schema: Type.Object(
    {
      ...sessionProperties(),
      openedAt: IsoDateTime('When the desk opened'),
      plannedCloseAt: IsoDateTime('When the session is planned to end'),
      staffIds: Type.Array(PseudonymousId('Staff on duty'), { description: 'Staff on duty' }),
      extra: Type.Boolean({ description: 'An extra session, outside the weekly schedule' }),
    },
    { additionalProperties: false },
  ),
  keyOf: (payload) => payload.deskId,
});

export const DeskSessionClosed = defineEvent({
  name: 'DeskSessionClosed',
  version: 1,
  stream: CounsellingDesksStream,
  description: 'A desk session ended, with its visit counts.',
  schema: Type.Object(
    {
      ...sessionProperties(),
      closedAt: IsoDateTime('When the desk closed'),
      visits: Type.Integer({ minimum: 0, description: 'Visits checked in during the session' }),
      summoned: Type.Integer({ minimum: 0 }),
      walkInWithCase: Type.Integer({ minimum: 0 }),
      withoutCase: Type.Integer({ minimum: 0, description: 'Citizens without a case and anonymous visitors' }),
    },
    { additionalProperties: false },
  ),
  keyOf: (payload) => payload.deskId,
});

export const COUNSELLING_EVENTS = [VisitCheckedIn, TalkStarted, VisitCompleted, ReferralMade, FollowUpInterviewHeld, DeskSessionOpened, DeskSessionClosed] as const;
