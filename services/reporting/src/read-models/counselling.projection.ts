import { DeskSessionClosed, DeskSessionOpened, FollowUpInterviewHeld, ReferralMade, VISIT_ARRIVALS, VISITOR_KINDS, VisitCompleted } from '@fremskudt/contracts';
import { BOOLEAN, CODE, oneOf } from './fact-catalog';
import { copenhagenDateOf, projection, StreamProjections } from './projection';

/**
 * Counselling's visits and desks topics: desk sessions (a desk open in an area: the open
 * counselling milestones), completed visits and referrals. Their area is the desk's own; a
 * visit carries a citizen only when the visitor has a case.
 */
export const COUNSELLING_PROJECTIONS: StreamProjections = {
  facts: [
    { kind: 'desk-session-opened', label: { da: 'Åben Rådgivning åbnet', en: 'Open counselling desk opened' }, subject: 'area', attributes: { extra: BOOLEAN } },
    { kind: 'desk-session-closed', label: { da: 'Åben Rådgivning lukket', en: 'Open counselling desk closed' }, subject: 'area', attributes: {} },
    {
      kind: 'counselling-visit',
      label: { da: 'Besøg i Åben Rådgivning', en: 'Open counselling visit' },
      subject: 'area-maybe-citizen',
      attributes: { visitorKind: oneOf(VISITOR_KINDS), arrival: oneOf(VISIT_ARRIVALS) },
    },
    { kind: 'counselling-referral', label: { da: 'Henvist til lokal aktør', en: 'Referred to a local actor' }, subject: 'area-maybe-citizen', attributes: { partnerCode: CODE } },
    {
      kind: 'counselling-follow-up-interview-held',
      label: { da: 'Opfølgningssamtale i Åben Rådgivning', en: 'Follow-up interview at an open counselling desk' },
      subject: 'area-maybe-citizen',
      attributes: {},
    },
  ],
  projections: [
    projection(DeskSessionOpened, (event, write) =>
      write.fact({ kind: 'desk-session-opened', occurredOn: event.date, areaCode: event.areaCode, subjectId: event.sessionId, attributes: { deskId: event.deskId, extra: event.extra } }),
    ),
    projection(DeskSessionClosed, (event, write) =>
      write.fact({
        kind: 'desk-session-closed',
        occurredOn: event.date,
        areaCode: event.areaCode,
        subjectId: event.sessionId,
        attributes: { deskId: event.deskId, visits: event.visits, summoned: event.summoned, walkInWithCase: event.walkInWithCase, withoutCase: event.withoutCase },
      }),
    ),
    projection(VisitCompleted, (event, write) =>
      write.fact({
        kind: 'counselling-visit',
        occurredOn: copenhagenDateOf(event.checkedInAt),
        areaCode: event.areaCode,
        citizenId: event.citizenId,
        subjectId: event.visitId,
        attributes: { deskId: event.deskId, visitorKind: event.visitorKind, arrival: event.arrival, waitedSeconds: event.waitedSeconds },
      }),
    ),
    projection(ReferralMade, (event, write) =>
      write.fact({
        kind: 'counselling-referral',
        occurredOn: event.referredOn,
        areaCode: event.areaCode,
        citizenId: event.citizenId,
        subjectId: event.visitId,
        attributes: { deskId: event.deskId, partnerCode: event.partnerCode },
      }),
    ),
    // Caseload turns this into the citizen's InterviewHeld; kept apart here so interviews are not counted twice.
    projection(FollowUpInterviewHeld, (event, write) =>
      write.fact({
        kind: 'counselling-follow-up-interview-held',
        occurredOn: event.heldOn,
        areaCode: event.areaCode,
        citizenId: event.citizenId,
        subjectId: event.visitId,
        attributes: { deskId: event.deskId },
      }),
    ),
  ],
};
