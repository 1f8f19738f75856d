import { HomeVisitHeld, RoundTableMeetingHeld } from '@fremskudt/contracts';
import { copenhagenToday } from '../src/case/calendar';
import { addDays } from '../src/rules';
import { caseloadTestbed, fieldsOf, KBH, SLAGELSE, UNKNOWN_ID } from './support/testbed';

const STAFF_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

const homeVisit = { heldOn: '2026-10-05', staffId: STAFF_ID, note: 'Familien bekymret for ældste søns skolegang' };
const meeting = {
  heldOn: '2026-10-12',
  staffId: STAFF_ID,
  localActors: [
    { code: 'helhedsplan-tingbjerg', name: 'Helhedsplanen i Tingbjerg' },
    { code: 'fsb-boligsocial', name: 'FSB boligsocial medarbejder Jens' },
  ],
  note: 'Aftalt praktik via helhedsplanen',
};

describe('caseload: home visits and round-table meetings (real PostgreSQL and Kafka)', () => {
  const testbed = caseloadTestbed('activities');
  const { api, registerCitizen, inspect } = testbed;

  const post = (citizenId: string, kind: 'home-visits' | 'round-table-meetings', body: object, tenant = KBH, key?: string) =>
    api(tenant).post(`/citizens/${citizenId}/${kind}`, body, key);
  const activities = (citizenId: string, tenant = KBH) => api(tenant).get(`/citizens/${citizenId}/activities`);
  const written = async (citizenId: string) => {
    const [row] = await inspect<{ activities: number; actors: number; events: number }>(
      `SELECT (SELECT count(*) FROM activity WHERE citizen_id = $1)::int AS activities,
              (SELECT count(*) FROM activity_local_actor l JOIN activity a ON a.id = l.activity_id WHERE a.citizen_id = $1)::int AS actors,
              (SELECT count(*) FROM outbox WHERE message_key = $1::text AND event_type ~ '(home-visit|round-table)')::int AS events`,
      [citizenId],
    );
    return row;
  };

  it('records a home visit and publishes HomeVisitHeld keyed by the citizen, without the note', async () => {
    const citizenId = await registerCitizen();
    const response = await post(citizenId, 'home-visits', homeVisit).expect(201);
    expect(response.body).toMatchObject({ citizenId, kind: 'home-visit', heldOn: '2026-10-05', staffId: STAFF_ID, note: homeVisit.note, localActors: [] });
    const list = await activities(citizenId).expect(200);
    expect(list.body).toEqual({ citizenId, activities: [response.body] });

    const [event] = await testbed.probe.waitFor(HomeVisitHeld, citizenId);
    expect(event).toMatchObject({ type: HomeVisitHeld.type, subject: citizenId, tenant: KBH });
    expect(event.data).toEqual({ citizenId, activityId: response.body.id, heldOn: '2026-10-05', staffId: STAFF_ID });
    expect(JSON.stringify(event)).not.toContain('skolegang');
    const [entry] = await inspect(`SELECT to_char(occurred_on, 'YYYY-MM-DD') AS occurred FROM timeline_entry WHERE event_id = $1`, [event.id]);
    expect(entry).toEqual({ occurred: '2026-10-05' });
  });

  it('records a round-table meeting with named local actors and publishes only their codes', async () => {
    const citizenId = await registerCitizen();
    const response = await post(citizenId, 'round-table-meetings', meeting).expect(201);
    expect(response.body).toMatchObject({ kind: 'round-table-meeting', heldOn: '2026-10-12', localActors: meeting.localActors });
    const [event] = await testbed.probe.waitFor(RoundTableMeetingHeld, citizenId);
    expect(event.data).toEqual({
      citizenId,
      activityId: response.body.id,
      heldOn: '2026-10-12',
      staffId: STAFF_ID,
      localActorCodes: ['helhedsplan-tingbjerg', 'fsb-boligsocial'],
    });
    expect(JSON.stringify(event)).not.toMatch(/Jens|Helhedsplanen i|praktik/);

    // Today is allowed; the list is in date order.
    const visit = await post(citizenId, 'home-visits', { heldOn: '2026-09-01', staffId: STAFF_ID }).expect(201);
    const today = await post(citizenId, 'home-visits', { heldOn: copenhagenToday(), staffId: STAFF_ID }).expect(201);
    const list = await activities(citizenId).expect(200);
    expect(list.body.activities.map((a: { id: string }) => a.id)).toEqual([visit.body.id, response.body.id, today.body.id]);
    expect(list.body.activities[1].localActors).toEqual(meeting.localActors);
  });

  it.each([
    ['home-visits', homeVisit, HomeVisitHeld],
    ['round-table-meetings', meeting, RoundTableMeetingHeld],
  ] as const)('%s: a retry with the same Idempotency-Key answers the same and records once', async (kind, body, contract) => {
    const citizenId = await registerCitizen();
    const first = await post(citizenId, kind, body, KBH, `${kind}-${citizenId}`).expect(201);
    const second = await post(citizenId, kind, body, KBH, `${kind}-${citizenId}`).expect(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect((await written(citizenId)).activities).toBe(1);
    expect((await written(citizenId)).events).toBe(1);
    await testbed.probe.waitFor(contract, citizenId);
    // A later activity arrives; no second copy of the first can follow it on the citizen's key.
    await post(citizenId, 'home-visits', { heldOn: '2026-11-01', staffId: STAFF_ID }).expect(201);
    await testbed.probe.waitFor(HomeVisitHeld, citizenId, kind === 'home-visits' ? 2 : 1);
    expect(testbed.probe.of(contract, citizenId).filter((e) => e.data.activityId === first.body.id)).toHaveLength(1);
  });

  describe('bad input is 400 naming each field, and writes nothing', () => {
    it.each([
      ['home-visits', {}, ['heldOn', 'staffId']],
      // A visit can't be recorded before it happened: a future date is bad input (400), not a conflict.
      ['home-visits', { heldOn: addDays(copenhagenToday(), 1), staffId: STAFF_ID }, ['heldOn']],
      ['home-visits', { heldOn: '2026-02-29', staffId: 'consultant-7', note: '' }, ['heldOn', 'note', 'staffId']],
      ['home-visits', { ...homeVisit, localActors: meeting.localActors }, ['localActors']],
      ['round-table-meetings', { heldOn: '2026-10-12', staffId: STAFF_ID }, ['localActors']],
      ['round-table-meetings', { ...meeting, localActors: [] }, ['localActors']],
      ['round-table-meetings', { ...meeting, heldOn: addDays(copenhagenToday(), 30) }, ['heldOn']],
      ['round-table-meetings', { ...meeting, localActors: [{ code: 'Helhedsplan', name: '' }, { name: 'x', phone: '12345678' }] }, ['localActors.0.code', 'localActors.0.name', 'localActors.1.code', 'localActors.1.phone']],
      ['round-table-meetings', { ...meeting, localActors: [...meeting.localActors, { code: 'helhedsplan-tingbjerg', name: 'Igen' }] }, ['localActors.2.code']],
    ] as const)('%s with %j', async (kind, body, fields) => {
      const citizenId = await registerCitizen();
      const response = await post(citizenId, kind, body).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      expect(await written(citizenId)).toEqual({ activities: 0, actors: 0, events: 0 });
    });
  });

  it("answers 404 for an unknown citizen and for another tenant's citizen", async () => {
    await post(UNKNOWN_ID, 'home-visits', homeVisit).expect(404);
    await post(UNKNOWN_ID, 'round-table-meetings', meeting).expect(404);
    await activities(UNKNOWN_ID).expect(404);
    const theirs = await registerCitizen(SLAGELSE);
    expect((await post(theirs, 'home-visits', homeVisit, KBH).expect(404)).body.code).toBe('not-found');
    await post(theirs, 'round-table-meetings', meeting, KBH).expect(404);
    await activities(theirs, KBH).expect(404);
    expect(await written(theirs)).toEqual({ activities: 0, actors: 0, events: 0 });
  });

  it('refuses activities with an exited citizen with 409 citizen-exited, writing nothing', async () => {
    const citizenId = await registerCitizen();
    await inspect(`UPDATE citizen SET status = 'exited' WHERE id = $1`, [citizenId]);
    expect((await post(citizenId, 'home-visits', homeVisit).expect(409)).body.code).toBe('citizen-exited');
    expect((await post(citizenId, 'round-table-meetings', meeting).expect(409)).body.code).toBe('citizen-exited');
    expect(await written(citizenId)).toEqual({ activities: 0, actors: 0, events: 0 });
  });
});
