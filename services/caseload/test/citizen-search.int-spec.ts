import { copenhagenToday } from '../src/case/calendar';
import { caseloadTestbed, fieldsOf, KBH, SLAGELSE } from './support/testbed';

const people = [
  { cpr: '010190-1234', name: 'Amina Hassan', areaCode: 'tingbjerg' },
  { cpr: '020291-2345', name: 'Hassan Ali-Omar', areaCode: 'urbanplanen' },
  { cpr: '030392-3456', name: 'Bo Amin', areaCode: 'tingbjerg' },
  { cpr: '040493-4567', name: 'Ørsted Jensen', areaCode: 'akacieparken' },
  { cpr: '050594-5678', name: 'Åse Hansen', areaCode: 'akacieparken' },
  { cpr: '060695-6789', name: 'Ærø Nielsen', areaCode: 'akacieparken' },
  { cpr: '070796-7890', name: 'Zainab Hamid', areaCode: 'akacieparken' },
  { cpr: '080897-8901', name: 'Carl 100% Larsen', areaCode: 'mjoelnerparken' },
];

describe('caseload: searching citizens by name, CPR number and area (real PostgreSQL)', () => {
  const { api, registerCitizen, openApiDocument } = caseloadTestbed('search', { probe: false });
  const ids = new Map<string, string>();

  beforeAll(async () => {
    for (const person of people) {
      const body = { ...person, benefitType: 'cash-benefit', readiness: 'activity-ready' };
      ids.set(person.name, (await api(KBH).post('/citizens', body).expect(201)).body.id);
    }
    // Another municipality's Amina, with the same CPR number as ours: never found from kbh.
    const foreign = { cpr: '010190-1234', name: 'Amina Andersen', areaCode: 'tingbjerg', benefitType: 'cash-benefit', readiness: 'job-ready' };
    await api(SLAGELSE).post('/citizens', foreign).expect(201);
    await api(KBH).post(`/citizens/${ids.get('Zainab Hamid')}/exit`, { reason: 'job', exitDate: copenhagenToday() }).expect(200);
  });

  const search = (query: string, tenant = KBH) => api(tenant).get(`/citizens?${query}`);
  const namesFound = async (query: string, tenant = KBH) => ((await search(query, tenant).expect(200)).body as Array<{ name: string }>).map((c) => c.name);
  /** POST /citizens/search: the criteria in the body, the only place a CPR number may be searched by. */
  const searchBy = (criteria: object, tenant = KBH) => api(tenant).post('/citizens/search', criteria);
  const namesFoundBy = async (criteria: object, tenant = KBH) =>
    ((await searchBy(criteria, tenant).expect(200)).body as Array<{ name: string }>).map((c) => c.name);

  describe('by name', () => {
    it.each([
      ['has', ['Amina Hassan', 'Hassan Ali-Omar']],
      ['HASSAN', ['Amina Hassan', 'Hassan Ali-Omar']],
      ['amin', ['Amina Hassan', 'Bo Amin']],
      ['amina h', ['Amina Hassan']],
      ['  amina   hassan ', ['Amina Hassan']],
      ['omar', ['Hassan Ali-Omar']],
      ['ali-o', ['Hassan Ali-Omar']],
      ['ssan', []],
      ['hassan amina', []],
      ['ørs', ['Ørsted Jensen']],
      ['ÆRØ', ['Ærø Nielsen']],
      ['100%', ['Carl 100% Larsen']],
      ['%', []],
      ['_', []],
    ])('"%s" finds %j', async (name, expected) => {
      expect(await namesFound(`name=${encodeURIComponent(name)}`)).toEqual(expected);
    });

    it('sorts in Danish order (æ, ø, å after z)', async () => {
      expect(await namesFound('areaCode=akacieparken')).toEqual(['Zainab Hamid', 'Ærø Nielsen', 'Ørsted Jensen', 'Åse Hansen']);
    });
  });

  describe('by CPR number (POST /citizens/search: never in a URL)', () => {
    it('finds the exact number with or without the dash, and never shows the number', async () => {
      const withDash = await searchBy({ cpr: '010190-1234' }).expect(200);
      expect(withDash.body.map((c: { name: string }) => c.name)).toEqual(['Amina Hassan']);
      expect(withDash.body[0]).toMatchObject({ id: ids.get('Amina Hassan'), birthDate: '1990-01-01', areaCode: 'tingbjerg', status: 'active' });
      expect(withDash.body[0]).not.toHaveProperty('cpr');
      expect(JSON.stringify(withDash.body)).not.toContain('1234');
      expect(await namesFoundBy({ cpr: '0101901234' })).toEqual(['Amina Hassan']);
      expect(await namesFoundBy({ cpr: '0101901234' }, 'slagelse')).toEqual(['Amina Andersen']);
    });

    it('finds nobody for a valid number that is not registered', async () => {
      expect(await namesFoundBy({ cpr: '010190-1235' })).toEqual([]);
    });

    it('combines the CPR number with the other criteria, which the body takes too', async () => {
      expect(await namesFoundBy({ cpr: '010190-1234', areaCode: 'tingbjerg', status: 'active' })).toEqual(['Amina Hassan']);
      expect(await namesFoundBy({ cpr: '010190-1234', areaCode: 'urbanplanen' })).toEqual([]);
      expect(await namesFoundBy({ name: 'has', limit: 1 })).toEqual(['Amina Hassan']);
    });

    it('refuses a cpr query parameter with 400 naming it, whatever the value, and never echoes the number', async () => {
      for (const query of ['cpr=010190-1234', 'name=amina&cpr=0101901234', 'cpr=nonsense']) {
        const response = await search(query).expect(400);
        expect(response.body.code).toBe('validation-failed');
        expect(fieldsOf(response.body)).toEqual(['cpr']);
        expect(response.body.errors[0].message).toContain('POST /citizens/search');
        expect(JSON.stringify(response.body)).not.toMatch(/1234|nonsense/);
      }
    });
  });

  describe('by area, status and limit', () => {
    it('combines criteria', async () => {
      expect(await namesFound('areaCode=tingbjerg')).toEqual(['Amina Hassan', 'Bo Amin']);
      expect(await namesFound('areaCode=tingbjerg&name=bo')).toEqual(['Bo Amin']);
      expect(await namesFound('areaCode=akacieparken&status=exited')).toEqual(['Zainab Hamid']);
      expect(await namesFound('areaCode=akacieparken&status=active')).toEqual(['Ærø Nielsen', 'Ørsted Jensen', 'Åse Hansen']);
      expect(await namesFound('areaCode=akacieparken&limit=2')).toEqual(['Zainab Hamid', 'Ærø Nielsen']);
      expect(await namesFound('areaCode=nowhere')).toEqual([]);
    });

    it('only ever finds the tenant’s own citizens', async () => {
      expect(await namesFound('name=amina')).toEqual(['Amina Hassan']);
      expect(await namesFound('name=amina', 'slagelse')).toEqual(['Amina Andersen']);
      expect(await namesFound('areaCode=urbanplanen', 'slagelse')).toEqual([]);
    });

    it('returns at most 50 by default', async () => {
      for (let i = 0; i < 52; i++) {
        await registerCitizen(KBH, { name: `Masse ${String(i).padStart(2, '0')}`, areaCode: 'masse', benefitType: 'other', readiness: 'job-ready' });
      }
      const found = await namesFound('areaCode=masse');
      expect(found).toHaveLength(50);
      expect(found[0]).toBe('Masse 00');
      expect(await namesFound('areaCode=masse&limit=200')).toHaveLength(52);
    });
  });

  describe('bad searches', () => {
    it.each([
      ['no criterion', '', ['areaCode', 'name']],
      ['only a status and a limit', 'status=active&limit=5', ['areaCode', 'name']],
      ['an empty name', 'name=', ['name']],
      ['a bad area, status and limit', 'areaCode=Ting%20Bjerg&status=gone&limit=201', ['areaCode', 'limit', 'status']],
      ['a limit of zero', 'name=a&limit=0', ['limit']],
      ['a limit that is not a number', 'name=a&limit=many', ['limit']],
      ['an unknown parameter', 'name=a&birthDate=1990-01-01', ['birthDate']],
      ['a repeated parameter', 'name=a&name=b', ['name']],
    ])('%s (?%s) → 400 naming each field', async (_case, query, fields) => {
      const response = await search(query).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      expect(JSON.stringify(response.body)).not.toContain('1234');
    });

    it.each([
      ['no criterion', {}, ['areaCode', 'cpr', 'name']],
      ['a CPR number with an impossible date', { cpr: '310290-1234' }, ['cpr']],
      ['a CPR number in another format', { cpr: '01-01-90-1234' }, ['cpr']],
      ['a CPR number that is not text', { cpr: 3102901234 }, ['cpr']],
      ['an unknown field and a bad limit', { cpr: '010190-1234', birthDate: '1990-01-01', limit: 0 }, ['birthDate', 'limit']],
    ])('POST /citizens/search with %s → 400 naming each field, never echoing the number', async (_case, criteria, fields) => {
      const response = await searchBy(criteria).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      for (const error of response.body.errors) expect(error.message).not.toMatch(/1234|3102901234/);
      expect(JSON.stringify(response.body)).not.toMatch(/1234/);
    });
  });

  it('documents the searches in OpenAPI: the CPR number only in the body of POST /citizens/search', async () => {
    const docs = await openApiDocument();
    const parameters = docs.paths['/citizens'].get.parameters.map((p: { name: string }) => p.name);
    expect(parameters).toEqual(expect.arrayContaining(['name', 'areaCode', 'status', 'limit']));
    expect(parameters).not.toContain('cpr');
    const search = docs.paths['/citizens/search'].post;
    const body = search.requestBody.content['application/json'].schema.$ref.split('/').pop();
    expect(Object.keys(docs.components.schemas[body].properties)).toEqual(expect.arrayContaining(['name', 'cpr', 'areaCode', 'status', 'limit']));
    expect(search.parameters.map((p: { name: string }) => p.name)).toContain('X-Purpose');
  });
});
