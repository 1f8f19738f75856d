import { Referral, Visit } from './visit.entities';
import { ReferralView, VisitView } from './visit.dto';
import { waitedSeconds } from './visit-rules';

export const toReferralView = (referral: Pick<Referral, 'partnerCode' | 'referredOn'>): ReferralView => ({
  partnerCode: referral.partnerCode,
  referredOn: referral.referredOn,
});

/** The visit as the API answers it: plain JSON with ISO times (commands store it for idempotent replays). */
export const toVisitView = (visit: Visit, referrals: Array<Pick<Referral, 'partnerCode' | 'referredOn'>>): VisitView => ({
  id: visit.id,
  deskId: visit.deskId,
  sessionId: visit.sessionId,
  areaCode: visit.areaCode,
  visitorKind: visit.visitorKind,
  citizenId: visit.citizenId,
  arrival: visit.arrival,
  requestedStaffId: visit.requestedStaffId,
  status: visit.status,
  checkedInAt: visit.checkedInAt.toISOString(),
  talkStartedAt: visit.talkStartedAt?.toISOString() ?? null,
  staffId: visit.staffId,
  endedAt: visit.endedAt?.toISOString() ?? null,
  waitedSeconds: visit.talkStartedAt ? waitedSeconds(visit.checkedInAt, visit.talkStartedAt) : null,
  topics: visit.topics,
  actions: visit.actions,
  // By partner code, the same in a command's answer and in every later read.
  referrals: [...referrals].sort((a, b) => a.partnerCode.localeCompare(b.partnerCode)).map(toReferralView),
});
