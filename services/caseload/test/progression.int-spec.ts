import { ProgressionAssessed } from '@fremskudt/contracts';
import { copenhagenToday } from '../src/case/calendar';
import { addDays } from '../src/rules';
import { caseloadTestbed, fieldsOf, KBH, SLAGELSE, UNKNOWN_ID } from './support/testbed';
const allFours = { professionalSkills: 4, jobOrEducationFocus: 4, personalAndSocialCompetences: 4, socialConditions: 4, health: 4 };

describe('caseload: progression assessments (real PostgreSQL and Kafka)', () => {
  const testbed = caseloadTestbed('progression');
  const { api, registerCitizen, inspect, markExited, openApiDocument } = testbed;
  const today = copenhagenToday();

  const assess = (citizenId: string, body: object, tenant = KBH, key?: string) => api(tenant).post(`/citizens/${citizenId}/progression-assessments`, body, key);
  const assessments = async (citizenId: string) => (await api().get(`/citizens/${citizenId}/progression-assessments`).expect(200)).body;
  const outboxCount = async (citizenId: string) =>
    (await inspect<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE message_key = $1 AND event_type = $2`, [citizenId, ProgressionAssessed.type]))[0].n;

  it('stores the scores with the A-G group and outlook, publishes ProgressionAssessed, and lists in date order', async () => {
    const citizenId = await registerCitizen();
    const later = await assess(citizenId, { assessedOn: '2025-06-30', scores: { ...allFours, health: 1 } }).expect(201);
    expect(later.body).toEqual({
      id: expect.any(String),
      citizenId,
      periodId: expect.any(String),
      assessedOn: '2025-06-30',
      scores: { ...allFours, health: 1 },
      group: 'G',
      outlook: 'poor',
      recordedAt: expect.any(String),
    });
    const earlier = await assess(citizenId, { assessedOn: '2025-03-31', scores: { ...allFours, socialConditions: 3 } }).expect(201);
    expect(earlier.body).toMatchObject({ group: 'B', outlook: 'good' });

    expect(await assessments(citizenId)).toEqual([earlier.body, later.body]);

    const events = await testbed.probe.waitFor(ProgressionAssessed, citizenId, 2);
    expect(events.map((e) => e.subject)).toEqual([citizenId, citizenId]);
    expect(events[0].data).toEqual({
      citizenId,
      assessmentId: later.body.id,
      assessedOn: '2025-06-30',
      scores: { ...allFours, health: 1 },
      group: 'G',
      outlook: 'poor',
    });
  });

  it.each([
    [{ ...allFours, professionalSkills: 5, health: 5 }, 'A', 'good'],
    [{ ...allFours, jobOrEducationFocus: 3, health: 3, socialConditions: 3 }, 'C', 'good'],
    [{ ...allFours, personalAndSocialCompetences: 2 }, 'D', 'good'],
    [{ ...allFours, personalAndSocialCompetences: 2, professionalSkills: 1 }, 'E', 'poor'],
    [{ professionalSkills: 2, jobOrEducationFocus: 2, personalAndSocialCompetences: 1, socialConditions: 2, health: 5 }, 'F', 'poor'],
    [{ ...allFours, socialConditions: 1 }, 'G', 'poor'],
  ])('computes the group by the rule: %j is %s (%s)', async (scores, group, outlook) => {
    const citizenId = await registerCitizen();
    const response = await assess(citizenId, { assessedOn: today, scores }).expect(201);
    expect(response.body).toMatchObject({ group, outlook });
    const [row] = await inspect(`SELECT progression_group, outlook FROM progression_assessment WHERE id = $1`, [response.body.id]);
    expect(row).toEqual({ progression_group: group, outlook });
  });

  it('answers a retry with the same Idempotency-Key from the log: same body, one assessment, one event', async () => {
    const citizenId = await registerCitizen();
    const body = { assessedOn: today, scores: allFours };
    const first = await assess(citizenId, body, 'kbh', `assess-${citizenId}`).expect(201);
    const again = await assess(citizenId, body, 'kbh', `assess-${citizenId}`).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await assessments(citizenId)).toHaveLength(1);
    await testbed.probe.waitFor(ProgressionAssessed, citizenId);
    expect(await outboxCount(citizenId)).toBe(1);
  });

  it('refuses bad input with 400 naming every field, nested scores included', async () => {
    const citizenId = await registerCitizen();
    expect(fieldsOf((await assess(citizenId, {}).expect(400)).body)).toEqual(['assessedOn', 'scores']);
    const bad = await assess(citizenId, {
      assessedOn: '2025-02-29',
      scores: { professionalSkills: 0, jobOrEducationFocus: 6, personalAndSocialCompetences: 2.5, socialConditions: '3', mood: 4 },
      comment: 'x',
    }).expect(400);
    expect(fieldsOf(bad.body)).toEqual([
      'assessedOn',
      'comment',
      'scores.health',
      'scores.jobOrEducationFocus',
      'scores.mood',
      'scores.personalAndSocialCompetences',
      'scores.professionalSkills',
      'scores.socialConditions',
    ]);
    const future = await assess(citizenId, { assessedOn: addDays(today, 1), scores: allFours }).expect(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'assessedOn', code: 'notInFuture' })]);
    expect(await assessments(citizenId)).toEqual([]);
    expect(await outboxCount(citizenId)).toBe(0);
  });

  it('answers 404 for an unknown citizen and another tenant’s citizen', async () => {
    const theirs = await registerCitizen(SLAGELSE);
    await assess(UNKNOWN_ID, { assessedOn: today, scores: allFours }).expect(404);
    await assess(theirs, { assessedOn: today, scores: allFours }, 'kbh').expect(404);
    await api('kbh').get(`/citizens/${theirs}/progression-assessments`).expect(404);
    expect((await api('slagelse').get(`/citizens/${theirs}/progression-assessments`).expect(200)).body).toEqual([]);
  });

  it('refuses an exited citizen with 409 and writes nothing', async () => {
    const citizenId = await registerCitizen();
    await markExited(citizenId, 'job');
    const refused = await assess(citizenId, { assessedOn: today, scores: allFours }).expect(409);
    expect(refused.body.code).toBe('citizen-exited');
    expect(await assessments(citizenId)).toEqual([]);
    expect(await outboxCount(citizenId)).toBe(0);
  });

  it('documents the endpoints and the five scores in OpenAPI', async () => {
    const docs = await openApiDocument();
    expect(Object.keys(docs.paths)).toContain('/citizens/{id}/progression-assessments');
    expect(Object.keys(docs.components.schemas.ProgressionScoresDto.properties).sort()).toEqual(Object.keys(allFours).sort());
  });
});
