import request from 'supertest';
import { randomUUID } from 'node:crypto';
import {
  CitizenAssigned,
  CitizenRegistered,
  FollowUpInterviewHeld,
  InterviewHeld,
  InterviewNoShow,
  InterviewSummoned,
  OfferPlanned,
  OfferStarted,
  PayloadOf,
  PlacementStarted,
} from '@fremskudt/contracts';
import { TestService, asUser, envelopeFor, produceEvents, startTestService, uniqueTopicPrefix, waitFor } from '@fremskudt/testing';
import { AppModule, caseloadService } from '../src/app.module';
import { copenhagenToday } from '../src/case/calendar';
import { addDays } from '../src/rules';
import { accessLogMark, accessLogSince } from './support/access-log';

const KBH = 'kbh';
const OTHER = 'slagelse';
const UNKNOWN_ID = '7b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d';

interface Entry {
  occurredOn: string;
  type: string;
  source: string;
  eventId: string;
  recordedAt: string;
  data: Record<string, unknown>;
}

describe('caseload: a citizen\'s timeline from all services (real PostgreSQL and Kafka)', () => {
  let service: TestService;
  const prefix = uniqueTopicPrefix('timeline');
  const today = copenhagenToday();

  beforeAll(async () => {
    service = await startTestService(caseloadService, AppModule.forRoot, { topicPrefix: prefix });
  });
  afterAll(() => service?.dispose());
  afterEach(() => jest.restoreAllMocks());

  const http = (tenant = KBH) => ({
    post: (path: string, body: object) => request(service.http).post(path).use(asUser(tenant)).send(body),
    put: (path: string, body: object) => request(service.http).put(path).use(asUser(tenant)).send(body),
    get: (path: string) => request(service.http).get(path).use(asUser(tenant)),
  });
  const timeline = async (citizenId: string, tenant = KBH): Promise<Entry[]> => (await http(tenant).get(`/citizens/${citizenId}/timeline`).expect(200)).body.entries;

  it('lists the facts of caseload, companies and counselling in date order, each with its source', async () => {
    const staffId = (await http().post('/staff', { name: 'Anna Andersen', role: 'job-consultant', teamCode: 'team-nord', areaCodes: ['tingbjerg'] }).expect(201)).body.id;
    const citizenId = (
      await http().post('/citizens', { cpr: '150392-4417', name: 'Amina Hassan', areaCode: 'tingbjerg', benefitType: 'cash-benefit', readiness: 'activity-ready' }).expect(201)
    ).body.id;
    await http().put(`/citizens/${citizenId}/consultant`, { consultantId: staffId }).expect(200);

    // A summons for a day that has passed, and the citizen did not come.
    const noShowOn = addDays(today, -20);
    const summons = (await http().post(`/citizens/${citizenId}/summons`, { place: 'home-visit', scheduledAt: `${noShowOn}T10:00:00Z` }).expect(201)).body;
    await http().post(`/interviews/${summons.id}/outcome`, { outcome: 'no-show' }).expect(200);

    const offerStartedOn = addDays(today, -10);
    const offer = (await http().post(`/citizens/${citizenId}/offers`, { offerType: 'course', plannedStart: offerStartedOn }).expect(201)).body;
    await http().post(`/offers/${offer.id}/start`, { startedOn: offerStartedOn }).expect(200);

    // Facts from the companies and counselling services.
    const placementStartedOn = addDays(today, -5);
    const placement: PayloadOf<typeof PlacementStarted> = {
      placementId: randomUUID(),
      citizenId,
      companyId: randomUUID(),
      placementType: 'company-internship',
      hoursPerWeek: 20,
      startedOn: placementStartedOn,
    };
    const heldOn = addDays(today, -3);
    const counsellingInterview: PayloadOf<typeof FollowUpInterviewHeld> = {
      visitId: randomUUID(),
      citizenId,
      areaCode: 'tingbjerg',
      deskId: randomUUID(),
      heldOn,
      heldAt: `${heldOn}T10:15:00.000Z`,
      staffId,
    };
    const placementEnvelope = envelopeFor(PlacementStarted, placement, KBH);
    const counsellingEnvelope = envelopeFor(FollowUpInterviewHeld, counsellingInterview, KBH);
    await produceEvents(prefix, [
      { contract: PlacementStarted, envelope: placementEnvelope },
      { contract: FollowUpInterviewHeld, envelope: counsellingEnvelope },
    ]);

    const entries = (await waitFor(async () => {
      const current = await timeline(citizenId);
      const types = current.map((entry) => entry.type);
      return [PlacementStarted.type, FollowUpInterviewHeld.type, InterviewHeld.type].every((type) => types.includes(type)) ? current : undefined;
    }, { timeoutMs: 30_000, what: 'both consumed events in the timeline' })) as Entry[];

    expect(entries.map((entry) => [entry.occurredOn, entry.source, entry.type])).toEqual([
      [noShowOn, 'caseload', InterviewNoShow.type],
      [offerStartedOn, 'caseload', OfferStarted.type],
      [placementStartedOn, 'companies', PlacementStarted.type],
      // The counselling interview is recorded, then counted as the citizen's held interview.
      [heldOn, 'counselling', FollowUpInterviewHeld.type],
      [heldOn, 'caseload', InterviewHeld.type],
      [today, 'caseload', CitizenRegistered.type],
      [today, 'caseload', CitizenAssigned.type],
      [today, 'caseload', InterviewSummoned.type],
      [today, 'caseload', OfferPlanned.type],
    ]);

    const byType = (type: string) => entries.find((entry) => entry.type === type)!;
    expect(byType(PlacementStarted.type)).toEqual({
      occurredOn: placementStartedOn,
      type: PlacementStarted.type,
      source: 'companies',
      eventId: placementEnvelope.id,
      recordedAt: expect.any(String),
      data: placement,
    });
    expect(byType(FollowUpInterviewHeld.type)).toMatchObject({ source: 'counselling', eventId: counsellingEnvelope.id, data: counsellingInterview });
    expect(byType(InterviewNoShow.type).data).toMatchObject({ citizenId, interviewId: summons.id, place: 'home-visit' });
    expect(byType(InterviewHeld.type).data).toMatchObject({ citizenId, heldOn, place: 'open-counselling' });
    expect(byType(OfferStarted.type).data).toEqual({ citizenId, offerId: offer.id, offerType: 'course', startedOn: offerStartedOn });
    // Nothing on the timeline names the citizen or carries a CPR number.
    expect(JSON.stringify(entries)).not.toMatch(/Amina|150392/);
  }, 60_000);

  it('records every read of a timeline as an access to the citizen, the refused ones too', async () => {
    const citizenId = (
      await http().post('/citizens', { cpr: '020486-1234', name: 'Omar Ali', areaCode: 'tingbjerg', benefitType: 'cash-benefit', readiness: 'job-ready' }).expect(201)
    ).body.id;
    const inspect = service.database.inspect;
    const mark = await accessLogMark(inspect);

    expect((await timeline(citizenId)).map((entry) => entry.type)).toEqual([CitizenRegistered.type]);
    await http(OTHER).get(`/citizens/${citizenId}/timeline`).expect(404);
    const route = '/citizens/:id/timeline';
    expect((await accessLogSince(inspect, mark)).map(({ tenant, action, citizenId: id, outcome, route: path }) => ({ tenant, action, citizenId: id, outcome, route: path }))).toEqual([
      { tenant: KBH, action: 'read', citizenId, outcome: 'ok', route },
      { tenant: OTHER, action: 'read', citizenId, outcome: 'not-found', route },
    ]);
  });

  it('answers 404 for an unknown citizen and another tenant\'s, 400 for an id that is not one', async () => {
    const citizenId = (
      await http().post('/citizens', { cpr: '030591-2345', name: 'Sara Nielsen', areaCode: 'tingbjerg', benefitType: 'cash-benefit', readiness: 'job-ready' }).expect(201)
    ).body.id;
    await http(OTHER).get(`/citizens/${citizenId}/timeline`).expect(404);
    await http().get(`/citizens/${UNKNOWN_ID}/timeline`).expect(404);
    await http().get('/citizens/not-a-uuid/timeline').expect(400);
  });
});
