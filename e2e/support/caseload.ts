import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EventEnvelope, FollowUpInterviewHeld, PayloadOf } from '@fremskudt/contracts';
import { TestService, asUser, produceEvents } from '@fremskudt/testing';
import { nextCpr } from './platform';

// ---- calendar dates, stated independently of caseload's rules ---------------------------------

/** Today's calendar date in Copenhagen (caseload's dates are Copenhagen dates). */
export { copenhagenToday } from '@fremskudt/service-kit';

const iso = (date: Date) => date.toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
};

/** Calendar months later; a day the target month lacks clamps to its last day (30 Nov + 3 = 28/29 Feb). */
export const addCalendarMonths = (date: string, months: number): string => {
  const [year, month, day] = date.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return iso(first);
};

// ---- caseload's public API over HTTP ------------------------------------------------------------

export interface StaffMember {
  id: string;
  name: string;
  role: string;
  teamCode: string;
}

export interface Interview {
  id: string;
  citizenId: string;
  place: string;
  dueDate: string;
  outcome: string | null;
  heldOn: string | null;
  heldPlace: string | null;
  heldAreaCode: string | null;
  onTime: boolean | null;
  nextDueDate: string | null;
  followUpDue: string | null;
  followUpTaskId: string | null;
}

export interface CitizenInterviews {
  citizenId: string;
  lastHeldOn: string | null;
  nextDueDate: string;
  overdue: boolean;
  interviews: Interview[];
}

export interface Task {
  id: string;
  citizenId: string;
  kind: string;
  dueDate: string;
  status: string;
  interviewId: string | null;
  completedOn: string | null;
  outcome: string | null;
}

export interface TimelineEntry {
  occurredOn: string;
  type: string;
  source: string;
  eventId: string;
  data: Record<string, unknown>;
}

/**
 * One tenant's view of caseload's public API, as a consultant's client uses it: every call
 * expects its documented success status and fails with the problem details otherwise.
 */
export class CaseloadClient {
  constructor(
    private readonly caseload: TestService,
    readonly tenant: string,
  ) {}

  async send<T>(method: 'get' | 'post' | 'put', path: string, expected: number, body?: object): Promise<T> {
    const call = request(this.caseload.http)[method](path).use(asUser(this.tenant)).set('idempotency-key', randomUUID());
    const response = body === undefined ? await call : await call.send(body);
    if (response.status !== expected) {
      throw new Error(`${method.toUpperCase()} ${path} for ${this.tenant} answered ${response.status}, not ${expected}: ${JSON.stringify(response.body)}`);
    }
    return response.body as T;
  }

  /** The HTTP status a GET answers (for "another tenant sees nothing"). */
  async statusOf(path: string): Promise<number> {
    return (await request(this.caseload.http).get(path).use(asUser(this.tenant))).status;
  }

  putSettings(settings: { caseloadCapacity: number; interviewIntervalMonths: number; noShowFollowUpWorkingDays: number }) {
    return this.send('put', '/settings', 200, settings);
  }

  registerConsultant(name: string, teamCode: string, areaCodes: string[]): Promise<StaffMember> {
    return this.send('post', '/staff', 201, { name, role: 'job-consultant', teamCode, areaCodes });
  }

  registerCitizen(name: string, areaCode: string): Promise<{ id: string; areaCode: string }> {
    return this.send('post', '/citizens', 201, { cpr: nextCpr(), name, areaCode, benefitType: 'cash-benefit', readiness: 'activity-ready' });
  }

  assign(citizenId: string, consultantId: string, effectiveDate?: string): Promise<{ consultantId: string; fromDate: string }> {
    return this.send('put', `/citizens/${citizenId}/consultant`, 200, { consultantId, ...(effectiveDate ? { effectiveDate } : {}) });
  }

  summon(citizenId: string, summons: { place: string; areaCode?: string; scheduledAt: string }): Promise<Interview> {
    return this.send('post', `/citizens/${citizenId}/summons`, 201, summons);
  }

  recordOutcome(interviewId: string, outcome: { outcome: 'held'; heldOn: string } | { outcome: 'no-show' } | { outcome: 'cancelled'; cancelledBy: string }): Promise<Interview> {
    return this.send('post', `/interviews/${interviewId}/outcome`, 200, outcome);
  }

  interviewsOf(citizenId: string): Promise<CitizenInterviews> {
    return this.send('get', `/citizens/${citizenId}/interviews`, 200);
  }

  openTasks(): Promise<Task[]> {
    return this.send('get', '/tasks?status=open', 200);
  }

  completeTask(taskId: string, outcome: 'phoned' | 'visited' | 'reached-otherwise' | 'not-reached'): Promise<Task> {
    return this.send('post', `/tasks/${taskId}/complete`, 200, { outcome });
  }

  async timelineOf(citizenId: string): Promise<TimelineEntry[]> {
    return (await this.send<{ entries: TimelineEntry[] }>('get', `/citizens/${citizenId}/timeline`, 200)).entries;
  }
}

// ---- the counselling service's events -------------------------------------------------------------

/**
 * Publishes FollowUpInterviewHeld to the counselling visits topic as the counselling service's
 * outbox will write it: source /fremskudt/counselling, keyed and subject by the visit id, the
 * tenant of the desk as the message tenant. Returns the envelope.
 */
export async function publishCounsellingInterviewHeld(
  topicPrefix: string,
  tenant: string,
  payload: PayloadOf<typeof FollowUpInterviewHeld>,
): Promise<EventEnvelope<PayloadOf<typeof FollowUpInterviewHeld>>> {
  const envelope: EventEnvelope<PayloadOf<typeof FollowUpInterviewHeld>> = {
    id: randomUUID(),
    source: '/fremskudt/counselling',
    type: FollowUpInterviewHeld.type,
    specversion: '1.0',
    time: new Date().toISOString(),
    subject: FollowUpInterviewHeld.keyOf(payload),
    tenant,
    datacontenttype: 'application/json',
    data: payload,
  };
  await produceEvents(topicPrefix, [{ contract: FollowUpInterviewHeld, envelope }]);
  return envelope;
}
