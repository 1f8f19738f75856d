import { OpeningClosed, OpeningFilled, OpeningPublished, OpeningsStream } from '@fremskudt/contracts';
import { copenhagenToday } from '../src/shared/calendar';
import { companiesTestbed, fieldsOf, SLAGELSE, UNKNOWN_ID } from './support/testbed';

const inDays = (days: number) => {
  const date = new Date(`${copenhagenToday()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

describe('companies: job openings (real PostgreSQL and Kafka)', () => {
  const testbed = companiesTestbed('openings', { probe: OpeningsStream });
  const { api, rowCount, registerCompany, publishOpening } = testbed;

  describe('POST /companies/:id/openings', () => {
    it('publishes an opening with its requirements and publishes OpeningPublished (no title)', async () => {
      const company = await registerCompany(undefined, { branchCode: 'kitchen-canteen', areaCode: 'tingbjerg' });
      const body = {
        openingType: 'wage-subsidy-slot',
        title: 'Køkkenmedhjælper i kantinen',
        hoursPerWeek: 30,
        places: 2,
        languageLevel: 'basic',
        certificates: ['hygiene-certificate', 'hygiene-certificate'],
        conditions: ['early-mornings'],
        deadline: inDays(14),
      };
      const opening = await api().post(`/companies/${company.id}/openings`, body).expect(201);
      expect(opening.body).toEqual({
        id: expect.any(String),
        companyId: company.id,
        openingType: 'wage-subsidy-slot',
        title: body.title,
        branchCode: 'kitchen-canteen',
        areaCode: 'tingbjerg',
        hoursPerWeek: 30,
        places: 2,
        languageLevel: 'basic',
        certificates: ['hygiene-certificate'],
        conditions: ['early-mornings'],
        deadline: body.deadline,
        status: 'open',
        publishedOn: copenhagenToday(),
        filledOn: null,
        closedOn: null,
        closeReason: null,
      });
      await api().get(`/openings/${opening.body.id}`).expect(200, opening.body);

      const [event] = await testbed.probe.waitFor(OpeningPublished, opening.body.id);
      expect(event.data).toEqual({
        openingId: opening.body.id,
        companyId: company.id,
        openingType: 'wage-subsidy-slot',
        branchCode: 'kitchen-canteen',
        areaCode: 'tingbjerg',
        hoursPerWeek: 30,
        places: 2,
        languageLevel: 'basic',
        certificates: ['hygiene-certificate'],
        conditions: ['early-mornings'],
        deadline: body.deadline,
        publishedOn: copenhagenToday(),
      });
      expect(JSON.stringify(event)).not.toContain('kantinen');
    });

    it('takes branch and area from the company unless given, with one place, no language requirement and no deadline', async () => {
      const company = await registerCompany(undefined, { branchCode: 'warehouse', areaCode: 'urbanplanen' });
      const opening = await publishOpening(company.id, undefined, { branchCode: 'transport-logistics', areaCode: 'kastrup' });
      expect(opening).toMatchObject({ branchCode: 'transport-logistics', areaCode: 'kastrup', places: 1, languageLevel: 'none', certificates: [], conditions: [], deadline: null });
      expect(await publishOpening(company.id)).toMatchObject({ branchCode: 'warehouse', areaCode: 'urbanplanen' });
    });

    it.each([
      ['missing type, title and hours', { openingType: undefined, title: undefined, hoursPerWeek: undefined }, ['hoursPerWeek', 'openingType', 'title']],
      ['too many hours, no places, an unknown language level', { hoursPerWeek: 61, places: 0, languageLevel: 'perfect' }, ['hoursPerWeek', 'languageLevel', 'places']],
      ['bad certificate codes and an unknown condition', { certificates: ['Hygiejnebevis'], conditions: ['rain'] }, ['certificates', 'conditions']],
      ['a deadline already passed', { deadline: inDays(-1) }, ['deadline']],
      ['a branch the tenant does not have', { branchCode: 'space-travel' }, ['branchCode']],
    ])('%s → 400 naming the fields, nothing written', async (_case, overrides, fields) => {
      const company = await registerCompany();
      const [openings, outbox] = [await rowCount('opening'), await rowCount('outbox')];
      const response = await api()
        .post(`/companies/${company.id}/openings`, { openingType: 'internship-slot', title: 'Lagermedarbejder', hoursPerWeek: 20, ...overrides })
        .expect(400);
      expect(fieldsOf(response.body)).toEqual(fields);
      expect([await rowCount('opening'), await rowCount('outbox')]).toEqual([openings, outbox]);
    });

    it('needs an area when the company has none (400), and refuses an inactive company (409), writing nothing', async () => {
      const nowhere = await registerCompany(undefined, { areaCode: undefined });
      const body = { openingType: 'ordinary-job', title: 'Chauffør', hoursPerWeek: 37 };
      expect(fieldsOf((await api().post(`/companies/${nowhere.id}/openings`, body).expect(400)).body)).toEqual(['areaCode']);
      const closed = await registerCompany(undefined, { status: 'inactive' });
      const [openings, outbox] = [await rowCount('opening'), await rowCount('outbox')];
      expect((await api().post(`/companies/${closed.id}/openings`, body).expect(409)).body.code).toBe('company-inactive');
      expect([await rowCount('opening'), await rowCount('outbox')]).toEqual([openings, outbox]);
    });

    it('answers a retry with the same Idempotency-Key with the first answer and one event; 404 for another tenant’s company', async () => {
      const company = await registerCompany();
      const body = { openingType: 'education-place', title: 'Elev', hoursPerWeek: 37 };
      const first = await api().post(`/companies/${company.id}/openings`, body, 'opening-retry-1').expect(201);
      const retry = await api().post(`/companies/${company.id}/openings`, body, 'opening-retry-1').expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(await testbed.outboxTypes(first.body.id)).toEqual([OpeningPublished.type]);
      const other = await registerCompany(SLAGELSE);
      await api().post(`/companies/${other.id}/openings`, body).expect(404);
    });
  });

  describe('filling and closing', () => {
    it('fills an open opening (OpeningFilled), after which it can be neither filled nor closed again', async () => {
      const company = await registerCompany();
      const opening = await publishOpening(company.id, undefined, { places: 3 });
      const filled = await api().post(`/openings/${opening.id}/fill`, {}).expect(200);
      expect(filled.body).toMatchObject({ status: 'filled', filledOn: copenhagenToday(), closedOn: null });
      const [event] = await testbed.probe.waitFor(OpeningFilled, opening.id);
      expect(event.data).toEqual({ openingId: opening.id, companyId: company.id, places: 3, filledOn: copenhagenToday() });

      const [openings, outbox] = [await rowCount('opening'), await rowCount('outbox')];
      expect((await api().post(`/openings/${opening.id}/fill`, {}).expect(409)).body.code).toBe('opening-not-open');
      expect((await api().post(`/openings/${opening.id}/close`, { reason: 'other' }).expect(409)).body.code).toBe('opening-not-open');
      expect([await rowCount('opening'), await rowCount('outbox')]).toEqual([openings, outbox]);
    });

    it('closes an open opening with the reason (OpeningClosed)', async () => {
      const company = await registerCompany();
      const opening = await publishOpening(company.id);
      const closed = await api().post(`/openings/${opening.id}/close`, { reason: 'withdrawn-by-company', closedOn: copenhagenToday() }, 'close-1').expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', closedOn: copenhagenToday(), closeReason: 'withdrawn-by-company' });
      const replay = await api().post(`/openings/${opening.id}/close`, { reason: 'withdrawn-by-company', closedOn: copenhagenToday() }, 'close-1').expect(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      const [event] = await testbed.probe.waitFor(OpeningClosed, opening.id);
      expect(event.data).toEqual({ openingId: opening.id, companyId: company.id, reason: 'withdrawn-by-company', closedOn: copenhagenToday() });
      expect(await testbed.outboxTypes(opening.id)).toEqual([OpeningPublished.type, OpeningClosed.type]);
    });

    it('refuses a bad reason, a date before publishing or in the future (400), and answers 404 for unknown openings', async () => {
      const company = await registerCompany();
      const opening = await publishOpening(company.id);
      expect(fieldsOf((await api().post(`/openings/${opening.id}/close`, { reason: 'bored' }).expect(400)).body)).toEqual(['reason']);
      expect(fieldsOf((await api().post(`/openings/${opening.id}/close`, { reason: 'other', closedOn: inDays(-3) }).expect(400)).body)).toEqual(['closedOn']);
      expect(fieldsOf((await api().post(`/openings/${opening.id}/fill`, { filledOn: inDays(1) }).expect(400)).body)).toEqual(['filledOn']);
      await api().post(`/openings/${UNKNOWN_ID}/fill`, {}).expect(404);
      await api(SLAGELSE).post(`/openings/${opening.id}/close`, { reason: 'other' }).expect(404);
      await api(SLAGELSE).get(`/openings/${opening.id}`).expect(404);
      expect((await api().get(`/openings/${opening.id}`).expect(200)).body.status).toBe('open');
    });
  });

  it('lists the tenant’s openings, filtered by status, type, branch, area and company', async () => {
    const tenant = 'esbjerg';
    const a = await registerCompany(tenant, { branchCode: 'construction', areaCode: 'stengaardsvej' });
    const b = await registerCompany(tenant, { branchCode: 'cleaning', areaCode: 'centrum' });
    const o1 = await publishOpening(a.id, tenant, { openingType: 'ordinary-job' });
    const o2 = await publishOpening(b.id, tenant);
    const o3 = await publishOpening(b.id, tenant);
    await api(tenant).post(`/openings/${o3.id}/fill`, {}).expect(200);
    const ids = async (query: string) => ((await api(tenant).get(`/openings${query}`).expect(200)).body as Array<{ id: string }>).map((o) => o.id).sort();
    expect(await ids('')).toEqual([o1.id, o2.id, o3.id].sort());
    expect(await ids('?status=open')).toEqual([o1.id, o2.id].sort());
    expect(await ids('?openingType=ordinary-job')).toEqual([o1.id]);
    expect(await ids('?branchCode=cleaning&status=open')).toEqual([o2.id]);
    expect(await ids(`?companyId=${b.id}`)).toEqual([o2.id, o3.id].sort());
    expect(await ids('?areaCode=stengaardsvej')).toEqual([o1.id]);
    expect(fieldsOf((await api(tenant).get('/openings?status=half&companyId=x').expect(400)).body)).toEqual(['companyId', 'status']);
  });
});
