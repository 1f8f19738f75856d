import { DEFAULT_TOPICS } from '../src/desks/lookups';
import { desksTestbed, fieldsOf, KBH, SLAGELSE, UNKNOWN_ID } from './support/desks-testbed';

describe('counselling: topics and local partners (real PostgreSQL and Kafka)', () => {
  const testbed = desksTestbed('config', { probe: false });
  const { api, inspect } = testbed;
  const outboxCount = async () => (await inspect<{ n: number }>(`SELECT count(*)::int AS n FROM outbox`))[0].n;

  describe('topics', () => {
    const defaults = DEFAULT_TOPICS.map((topic) => ({ code: topic.code, labelDa: topic.da, labelEn: topic.en, active: true }));
    const ownList = [
      { code: 'hours-rule', labelDa: '225-timers-reglen', labelEn: 'Hours rule', active: true },
      { code: 'debt', labelDa: 'Gæld og budget', labelEn: 'Debt and budget', active: true },
      { code: 'language-school', labelDa: 'Sprogskole', labelEn: 'Language school', active: false },
    ];
    const topicRows = async (tenant: string) =>
      inspect<{ code: string; active: boolean; retired: boolean }>(`SELECT code, active, retired FROM counselling_topic WHERE tenant_id = $1 ORDER BY code`, [tenant]);

    it("gives the brief's thirteen topics in Danish and English while the tenant has no list", async () => {
      const response = await api('topics-defaults').get('/topics').expect(200);
      expect(response.body).toEqual({ source: 'defaults', topics: defaults });
      expect(response.body.topics).toHaveLength(13);
    });

    it("replaces the tenant's list in the given order; a topic left out is retired (kept, inactive, not listed)", async () => {
      const tenant = 'topics-replace';
      const first = await api(tenant).put('/topics', { topics: ownList }).expect(200);
      expect(first.body).toEqual({ source: 'tenant', topics: ownList });
      await api(tenant).get('/topics').expect(200, first.body);

      const next = [ownList[1], { ...ownList[2], active: true }];
      const second = await api(tenant).put('/topics', { topics: next }).expect(200);
      expect(second.body).toEqual({ source: 'tenant', topics: next });
      expect(await topicRows(tenant)).toEqual([
        { code: 'debt', active: true, retired: false },
        { code: 'hours-rule', active: false, retired: true },
        { code: 'language-school', active: true, retired: false },
      ]);
      // Bringing a retired topic back lists it again.
      const third = await api(tenant).put('/topics', { topics: [ownList[0], ...next] }).expect(200);
      expect(third.body.topics.map((topic: { code: string }) => topic.code)).toEqual(['hours-rule', 'debt', 'language-school']);
      // Other tenants keep the defaults.
      expect((await api(KBH).get('/topics').expect(200)).body.source).toBe('defaults');
      expect(await outboxCount()).toBe(0);
    });

    it('a retried replacement answers the same', async () => {
      const tenant = 'topics-retry';
      const first = await api(tenant).put('/topics', { topics: ownList }, 'topics-1').expect(200);
      const second = await api(tenant).put('/topics', { topics: ownList }, 'topics-1').expect(200);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(await topicRows(tenant)).toHaveLength(3);
    });

    it.each([
      ['no list', {}, ['topics']],
      ['an empty list', { topics: [] }, ['topics']],
      [
        'bad codes, missing labels and an unknown field',
        { topics: [{ code: 'Hours Rule', labelDa: '', labelEn: 'x', active: 'yes' }, { code: 'debt', labelEn: 'Debt', active: true, colour: 'red' }] },
        ['topics.0.active', 'topics.0.code', 'topics.0.labelDa', 'topics.1.colour', 'topics.1.labelDa'],
      ],
      ['a code twice', { topics: [ownList[0], ownList[1], { ...ownList[0], labelEn: 'Again' }] }, ['topics.2.code']],
    ])('%s → 400 naming the fields, the list unchanged', async (_case, body, fields) => {
      const tenant = 'topics-bad';
      await api(tenant).put('/topics', { topics: ownList }).expect(200);
      const response = await api(tenant).put('/topics', body).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      expect((await api(tenant).get('/topics').expect(200)).body.topics).toEqual(ownList);
    });
  });

  describe('local partners', () => {
    const helhedsplan = { code: 'helhedsplan-tingbjerg', name: 'Helhedsplanen i Tingbjerg', kind: 'housing-partnership' };
    const partnerCount = async (areaCode: string) => (await inspect<{ n: number }>(`SELECT count(*)::int AS n FROM local_partner WHERE area_code = $1`, [areaCode]))[0].n;

    it('registers partners per area, lists them by name and changes them', async () => {
      const created = await api().post('/areas/tingbjerg/partners', helhedsplan).expect(201);
      expect(created.body).toEqual({ id: expect.any(String), areaCode: 'tingbjerg', ...helhedsplan, active: true });
      const union = await api().post('/areas/tingbjerg/partners', { code: 'foa', name: 'FOA', kind: 'union' }).expect(201);
      // The same code in another area is another partner.
      await api().post('/areas/urbanplanen/partners', { ...helhedsplan, name: 'Helhedsplanen i Urbanplanen' }).expect(201);
      expect((await api().get('/areas/tingbjerg/partners').expect(200)).body).toEqual([union.body, created.body]);

      const changed = await api().patch(`/partners/${created.body.id}`, { name: 'Boligsocial helhedsplan Tingbjerg', active: false }).expect(200);
      expect(changed.body).toEqual({ ...created.body, name: 'Boligsocial helhedsplan Tingbjerg', active: false });
      expect((await api().get('/areas/tingbjerg/partners').expect(200)).body).toEqual([changed.body, union.body]);
      expect(await outboxCount()).toBe(0);
    });

    it('retries (same Idempotency-Key) register once and change once', async () => {
      const body = { code: 'ngo-retry', name: 'Frivilligcentret', kind: 'ngo' };
      const first = await api().post('/areas/akacieparken/partners', body, 'partner-1').expect(201);
      const second = await api().post('/areas/akacieparken/partners', body, 'partner-1').expect(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(await partnerCount('akacieparken')).toBe(1);
      const patched = await api().patch(`/partners/${first.body.id}`, { active: false }, 'partner-patch-1').expect(200);
      const again = await api().patch(`/partners/${first.body.id}`, { active: false }, 'partner-patch-1').expect(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(patched.body);
    });

    it('a code already in the area → 409 partner-exists, nothing written', async () => {
      await api().post('/areas/aldersrogade/partners', { code: 'cab', name: 'CAB', kind: 'training-centre' }).expect(201);
      const refused = await api().post('/areas/aldersrogade/partners', { code: 'cab', name: 'CAB igen', kind: 'other' }).expect(409);
      expect(refused.body).toMatchObject({ status: 409, code: 'partner-exists' });
      expect((await api().get('/areas/aldersrogade/partners').expect(200)).body.map((p: { name: string }) => p.name)).toEqual(['CAB']);
    });

    it.each([
      ['missing fields', '/areas/lundtoftegade/partners', {}, ['code', 'kind', 'name']],
      ['a bad code and kind', '/areas/lundtoftegade/partners', { code: 'Boligselskab', name: 'X', kind: 'company' }, ['code', 'kind']],
      ['a bad area code', '/areas/Lundtoftegade%20Nord/partners', helhedsplan, ['areaCode']],
      ['an unknown field', '/areas/lundtoftegade/partners', { ...helhedsplan, phone: '12345678' }, ['phone']],
    ])('registering with %s → 400 naming the fields, nothing written', async (_case, path, body, fields) => {
      const response = await api().post(path, body).expect(400);
      expect(fieldsOf(response.body)).toEqual(fields);
      expect(await partnerCount('lundtoftegade')).toBe(0);
    });

    it('changing with nothing, a null or an unknown field → 400; unknown and other tenants’ partners → 404', async () => {
      const partner = (await api(SLAGELSE).post('/areas/nordbyen/partners', { code: 'jobcenter', name: 'Jobcenter Slagelse', kind: 'municipal-service' }).expect(201)).body;
      expect(fieldsOf((await api(SLAGELSE).patch(`/partners/${partner.id}`, {}).expect(400)).body)).toEqual(['active', 'name']);
      expect(fieldsOf((await api(SLAGELSE).patch(`/partners/${partner.id}`, { name: null, kind: 'ngo' }).expect(400)).body)).toEqual(['kind', 'name']);
      await api(KBH).patch(`/partners/${UNKNOWN_ID}`, { active: false }).expect(404);
      expect((await api(KBH).patch(`/partners/${partner.id}`, { active: false }).expect(404)).body.code).toBe('not-found');
      expect((await api(KBH).get('/areas/nordbyen/partners').expect(200)).body).toEqual([]);
      expect((await api(SLAGELSE).get('/areas/nordbyen/partners').expect(200)).body).toEqual([partner]);
      expect(fieldsOf((await api().get('/areas/NORD/partners').expect(400)).body)).toEqual(['areaCode']);
    });
  });
});
