import {
  CitizenAreaChanged,
  CitizenBenefitTypeChanged,
  CitizenMatchGroupChanged,
  CitizenReadinessChanged,
  CitizenStepChanged,
} from '@fremskudt/contracts';
import { copenhagenToday } from '../src/case/calendar';
import { caseloadTestbed, fieldsOf, KBH, SLAGELSE, UNKNOWN_ID } from './support/testbed';

const PROFILE_EVENTS = [CitizenAreaChanged, CitizenBenefitTypeChanged, CitizenReadinessChanged, CitizenMatchGroupChanged, CitizenStepChanged];

describe('caseload: changing a citizen’s profile (real PostgreSQL and Kafka)', () => {
  const testbed = caseloadTestbed('profile');
  const { api, registerCitizenView, inspect } = testbed;
  const today = copenhagenToday();

  const patch = (citizenId: string, body: object, key?: string) => api().patch(`/citizens/${citizenId}`, body, key);
  const get = (citizenId: string, tenant = KBH) => api(tenant).get(`/citizens/${citizenId}`);
  const profileEventsInOutbox = async (citizenId: string) =>
    (
      await inspect<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE message_key = $1 AND event_type = ANY($2)`, [
        citizenId,
        PROFILE_EVENTS.map((contract) => contract.type),
      ])
    )[0].n;

  it('publishes one event per attribute that changes, with from, to and the effective date, and stores the new profile', async () => {
    const citizen = await registerCitizenView(KBH, { matchGroup: 3 });
    const changed = await patch(citizen.id, {
      areaCode: 'urbanplanen',
      benefitType: 'education-benefit',
      readiness: 'job-ready',
      matchGroup: 2,
      step: 1,
      interpreterNeeded: true,
      effectiveDate: '2025-03-01',
    }).expect(200);
    const expected = { ...citizen, areaCode: 'urbanplanen', benefitType: 'education-benefit', readiness: 'job-ready', matchGroup: 2, step: 1, interpreterNeeded: true };
    expect(changed.body).toEqual(expected);
    await get(citizen.id).expect(200, expected);

    const change = (from: unknown, to: unknown) => ({ citizenId: citizen.id, from, to, effectiveDate: '2025-03-01' });
    expect((await testbed.probe.waitFor(CitizenAreaChanged, citizen.id))[0].data).toEqual(change('tingbjerg', 'urbanplanen'));
    expect((await testbed.probe.waitFor(CitizenBenefitTypeChanged, citizen.id))[0].data).toEqual(change('cash-benefit', 'education-benefit'));
    expect((await testbed.probe.waitFor(CitizenReadinessChanged, citizen.id))[0].data).toEqual(change('activity-ready', 'job-ready'));
    expect((await testbed.probe.waitFor(CitizenMatchGroupChanged, citizen.id))[0].data).toEqual(change(3, 2));
    const [step] = await testbed.probe.waitFor(CitizenStepChanged, citizen.id);
    expect(step).toMatchObject({ subject: citizen.id, tenant: 'kbh', data: change(null, 1) });

    // In publishing order (one key, one partition), each in the citizen's timeline with the effective date.
    const types = testbed.probe.events.filter((event) => event.subject === citizen.id).map((event) => event.type);
    expect(types.slice(1)).toEqual(PROFILE_EVENTS.map((contract) => contract.type));
    const timeline = await inspect<{ event_type: string; occurred_on: string }>(
      `SELECT event_type, occurred_on::text FROM timeline_entry WHERE citizen_id = $1 ORDER BY seq`,
      [citizen.id],
    );
    expect(timeline.slice(1).map((entry) => entry.occurred_on)).toEqual(Array(5).fill('2025-03-01'));
  });

  it('publishes only for the attributes that actually change', async () => {
    const citizen = await registerCitizenView(KBH, { step: 2 });
    await patch(citizen.id, { areaCode: 'tingbjerg', readiness: 'activity-ready', step: 3, effectiveDate: today }).expect(200);
    await testbed.probe.waitFor(CitizenStepChanged, citizen.id);
    expect(await profileEventsInOutbox(citizen.id)).toBe(1);
    expect(testbed.probe.events.filter((event) => event.subject === citizen.id).map((event) => event.type).slice(1)).toEqual([CitizenStepChanged.type]);
  });

  it('answers 200 with the view and no event when nothing changes, and keeps the interpreter need as state only', async () => {
    const citizen = await registerCitizenView(KBH, { matchGroup: 4 });
    const same = await patch(citizen.id, { areaCode: 'tingbjerg', matchGroup: 4, effectiveDate: today }).expect(200);
    expect(same.body).toEqual(citizen);
    const interpreter = await patch(citizen.id, { interpreterNeeded: true, effectiveDate: today }).expect(200);
    expect(interpreter.body).toEqual({ ...citizen, interpreterNeeded: true });
    await get(citizen.id).expect(200, { ...citizen, interpreterNeeded: true });
    expect(await profileEventsInOutbox(citizen.id)).toBe(0);
    // A later change arrives alone: the two requests above published nothing.
    await patch(citizen.id, { matchGroup: 5, effectiveDate: today }).expect(200);
    await testbed.probe.waitFor(CitizenMatchGroupChanged, citizen.id);
    expect(testbed.probe.events.filter((event) => event.subject === citizen.id).map((event) => event.type).slice(1)).toEqual([CitizenMatchGroupChanged.type]);
  });

  it('answers a retry with the same Idempotency-Key with the first answer and one event', async () => {
    const citizen = await registerCitizenView();
    const first = await patch(citizen.id, { readiness: 'job-ready', effectiveDate: today }, 'profile-retry-1').expect(200);
    const retry = await patch(citizen.id, { readiness: 'job-ready', effectiveDate: today }, 'profile-retry-1').expect(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    // Back and forth again without the key: each is a change, so two more events, and the retry none.
    await patch(citizen.id, { readiness: 'activity-ready', effectiveDate: today }).expect(200);
    const events = await testbed.probe.waitFor(CitizenReadinessChanged, citizen.id, 2);
    expect(events.map((event) => event.data.to)).toEqual(['job-ready', 'activity-ready']);
    expect(await profileEventsInOutbox(citizen.id)).toBe(2);
  });

  it.each([
    ['only a date: nothing to change', { effectiveDate: '2025-01-01' }, ['areaCode', 'benefitType', 'interpreterNeeded', 'matchGroup', 'readiness', 'step']],
    ['no effective date', { step: 1 }, ['effectiveDate']],
    ['an impossible date', { step: 1, effectiveDate: '2025-02-29' }, ['effectiveDate']],
    ['a date with a time', { step: 1, effectiveDate: '2025-02-01T00:00:00Z' }, ['effectiveDate']],
    [
      'values outside their ranges and unknown fields',
      { areaCode: 'Ting Bjerg', benefitType: 'pension', readiness: 'ready', matchGroup: 6, step: -1, interpreterNeeded: 'yes', name: 'Ny', cpr: '010190-1234', effectiveDate: today },
      ['areaCode', 'benefitType', 'cpr', 'interpreterNeeded', 'matchGroup', 'name', 'readiness', 'step'],
    ],
    ['a null match group (the contract has no way back to unassessed)', { matchGroup: null, effectiveDate: today }, ['matchGroup']],
  ])('%s → 400 naming each field, nothing written', async (_case, body, fields) => {
    const citizen = await registerCitizenView();
    const response = await patch(citizen.id, body).expect(400);
    expect(response.body.code).toBe('validation-failed');
    expect(fieldsOf(response.body)).toEqual(fields);
    await get(citizen.id).expect(200, citizen);
    expect(await profileEventsInOutbox(citizen.id)).toBe(0);
  });

  it('answers 404 for an unknown citizen and another tenant’s citizen, changing nothing', async () => {
    const foreign = await registerCitizenView(SLAGELSE);
    await patch(UNKNOWN_ID, { step: 1, effectiveDate: today }).expect(404);
    await patch(foreign.id, { step: 1, effectiveDate: today }).expect(404);
    await get(foreign.id, SLAGELSE).expect(200, foreign);
    expect(await profileEventsInOutbox(foreign.id)).toBe(0);
  });

  it('refuses a change to an exited citizen with 409 citizen-exited, nothing written', async () => {
    const citizen = await registerCitizenView();
    const exited = (await api().post(`/citizens/${citizen.id}/exit`, { reason: 'moved', exitDate: today }).expect(200)).body;
    const refused = await patch(citizen.id, { areaCode: 'urbanplanen', step: 2, effectiveDate: today }).expect(409);
    expect(refused.body.code).toBe('citizen-exited');
    await get(citizen.id).expect(200, exited);
    expect(await profileEventsInOutbox(citizen.id)).toBe(0);
  });
});
