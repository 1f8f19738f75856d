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

  describe('by CPR number', () => {
    it('finds the exact number with or without the dash, and never shows the number', async () => {
      const withDash = await search('cpr=010190-1234').expect(200);
      expect(withDash.body.map((c: { name: string }) => c.name)).toEqual(['Amina Hassan']);
      expect(withDash.body[0]).toMatchObject({ id: ids.get('Amina Hassan'), birthDate: '1990-01-01', areaCode: 'tingbjerg', status: 'active' });
      expect(withDash.body[0]).not.toHaveProperty('cpr');
      expect(JSON.stringify(withDash.body)).not.toContain('1234');
      expect(await namesFound('cpr=0101901234')).toEqual(['Amina Hassan']);
      expect(await namesFound('cpr=0101901234', 'slagelse')).toEqual(['Amina Andersen']);
    });

    it('finds nobody for a valid number that is not registered', async () => {
      expect(await namesFound('cpr=010190-1235')).toEqual([]);
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
      ['no criterion', '', ['areaCode', 'cpr', 'name']],
      ['only a status and a limit', 'status=active&limit=5', ['areaCode', 'cpr', 'name']],
      ['an empty name', 'name=', ['name']],
      ['a CPR number with an impossible date', 'cpr=310290-1234', ['cpr']],
      ['a CPR number in another format', 'cpr=01-01-90-1234', ['cpr']],
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
  });

  it('documents the search in OpenAPI', async () => {
    const docs = await openApiDocument();
    const parameters = docs.paths['/citizens'].get.parameters.map((p: { name: string }) => p.name);
    expect(parameters).toEqual(expect.arrayContaining(['name', 'cpr', 'areaCode', 'status', 'limit']));
  });
});
