import { randomUUID } from 'node:crypto';
import { JobWishesStream, JobWishRecorded } from '@fremskudt/contracts';
import { copenhagenToday } from '../src/shared/calendar';
import { companiesTestbed, fieldsOf, SLAGELSE, UNKNOWN_ID } from './support/testbed';

const consultant = '8a7b6c5d-4e3f-4a1b-9c2d-3e4f5a6b7c8d';
const wish = (overrides: Record<string, unknown> = {}) => ({
  branchCodes: ['kitchen-canteen', 'cleaning'],
  hoursMin: 20,
  hoursMax: 30,
  languageLevel: 'basic',
  recordedBy: consultant,
  ...overrides,
});

describe('companies: citizens’ job wishes (real PostgreSQL and Kafka)', () => {
  const testbed = companiesTestbed('job-wishes', { probe: JobWishesStream });
  const { api, rowCount, knownCitizen, exitCitizen } = testbed;

  it('records a wish with the default reach and publishes JobWishRecorded without the notes', async () => {
    const citizenId = await knownCitizen();
    const body = wish({ areaCodes: ['tingbjerg'], certificates: ['hygiene-certificate'], avoidConditions: ['night-shifts'], notes: 'Henter børn kl. 15' });
    const recorded = await api().post(`/citizens/${citizenId}/job-wishes`, body).expect(201);
    expect(recorded.body).toEqual({
      id: expect.any(String),
      citizenId,
      branchCodes: ['kitchen-canteen', 'cleaning'],
      areaCodes: ['tingbjerg'],
      maxTravelKm: 10,
      hoursMin: 20,
      hoursMax: 30,
      languageLevel: 'basic',
      certificates: ['hygiene-certificate'],
      avoidConditions: ['night-shifts'],
      notes: 'Henter børn kl. 15',
      recordedBy: consultant,
      recordedOn: copenhagenToday(),
      current: true,
    });
    await api().get(`/citizens/${citizenId}/job-wish`).expect(200, recorded.body);

    const [event] = await testbed.probe.waitFor(JobWishRecorded, citizenId);
    expect(event.data).toEqual({
      citizenId,
      wishId: recorded.body.id,
      branchCodes: ['kitchen-canteen', 'cleaning'],
      areaCodes: ['tingbjerg'],
      maxTravelKm: 10,
      hoursMin: 20,
      hoursMax: 30,
      languageLevel: 'basic',
      certificates: ['hygiene-certificate'],
      avoidConditions: ['night-shifts'],
      recordedBy: consultant,
      recordedOn: copenhagenToday(),
    });
    expect(JSON.stringify(event)).not.toContain('børn');
  });

  it('replaces the current wish with a new one and keeps the old as history', async () => {
    const citizenId = await knownCitizen();
    const first = await api().post(`/citizens/${citizenId}/job-wishes`, wish()).expect(201);
    const second = await api().post(`/citizens/${citizenId}/job-wishes`, wish({ branchCodes: ['warehouse'], maxTravelKm: 25 })).expect(201);
    expect((await api().get(`/citizens/${citizenId}/job-wish`).expect(200)).body).toEqual(second.body);
    const history = (await api().get(`/citizens/${citizenId}/job-wishes`).expect(200)).body;
    expect(history).toEqual([second.body, { ...first.body, current: false }]);
    expect((await testbed.probe.waitFor(JobWishRecorded, citizenId, 2)).map((e) => e.data.wishId)).toEqual([first.body.id, second.body.id]);
  });

  it.each([
    ['fewer hours at most than at least', { hoursMin: 30, hoursMax: 20 }, ['hoursMax']],
    ['no branch, an unknown language level', { branchCodes: [], languageLevel: 'some' }, ['branchCodes', 'languageLevel']],
    ['a branch the tenant does not have (named by position)', { branchCodes: ['cleaning', 'space-travel'] }, ['branchCodes.1']],
    ['a negative reach, bad codes, an unknown condition', { maxTravelKm: -1, areaCodes: ['Ting Bjerg'], certificates: [''], avoidConditions: ['mondays'] }, ['areaCodes', 'avoidConditions', 'certificates', 'maxTravelKm']],
    ['no consultant', { recordedBy: undefined }, ['recordedBy']],
  ])('%s → 400 naming the fields, nothing written', async (_case, overrides, fields) => {
    const citizenId = await knownCitizen();
    const [wishes, outbox] = [await rowCount('job_wish'), await rowCount('outbox')];
    const response = await api().post(`/citizens/${citizenId}/job-wishes`, wish(overrides)).expect(400);
    expect(fieldsOf(response.body)).toEqual(fields);
    expect([await rowCount('job_wish'), await rowCount('outbox')]).toEqual([wishes, outbox]);
  });

  it('answers 404 for a citizen the tenant does not know and 409 for one who has exited, writing nothing', async () => {
    const elsewhere = await knownCitizen(SLAGELSE);
    const exited = await knownCitizen();
    await exitCitizen(exited);
    const [wishes, outbox] = [await rowCount('job_wish'), await rowCount('outbox')];
    await api().post(`/citizens/${UNKNOWN_ID}/job-wishes`, wish()).expect(404);
    await api().post(`/citizens/${elsewhere}/job-wishes`, wish()).expect(404);
    expect((await api().post(`/citizens/${exited}/job-wishes`, wish()).expect(409)).body.code).toBe('citizen-exited');
    expect([await rowCount('job_wish'), await rowCount('outbox')]).toEqual([wishes, outbox]);
    await api().get(`/citizens/${exited}/job-wish`).expect(404);
    await api().get(`/citizens/${randomUUID()}/job-wishes`).expect(404);
  });

  it('answers a retry with the same Idempotency-Key with the first answer and one event', async () => {
    const citizenId = await knownCitizen();
    const first = await api().post(`/citizens/${citizenId}/job-wishes`, wish(), 'wish-retry-1').expect(201);
    const retry = await api().post(`/citizens/${citizenId}/job-wishes`, wish(), 'wish-retry-1').expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await testbed.outboxTypes(citizenId)).toEqual([JobWishRecorded.type]);
  });
});
