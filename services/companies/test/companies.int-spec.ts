import { CompanyRegistered, CompanyUpdated } from '@fremskudt/contracts';
import { Role } from '@fremskudt/service-kit';
import { companiesTestbed, fieldsOf, SLAGELSE, UNKNOWN_ID, uniqueCvr } from './support/testbed';

const kantine = () => ({
  cvr: uniqueCvr(),
  name: 'Kantinen i Tingbjerg ApS',
  branchCode: 'kitchen-canteen',
  address: { street: 'Ruten 4', postcode: '2700', city: 'Brønshøj' },
  areaCode: 'tingbjerg',
  agreements: [
    { kind: 'social-responsibility-hiring', since: '2024-01-01' },
    { kind: 'integration-positions', since: '2020-01-01', until: '2021-12-31' },
  ],
  contactPersons: [{ name: 'Hanne Holm', role: 'Køkkenchef', phone: '+45 33 12 34 56', email: 'hanne@kantinen.dk' }],
  responsibleStaffId: '3f0c9a4e-2b1d-4c5e-8f7a-6b5c4d3e2f1a',
});

describe('companies: registering and changing companies (real PostgreSQL and Kafka)', () => {
  const testbed = companiesTestbed('companies');
  const { api, inspect, rowCount, registerCompany } = testbed;

  describe('POST /companies', () => {
    it('registers a company and publishes CompanyRegistered with codes and ids only', async () => {
      const body = kantine();
      const created = await api().post('/companies', body).expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        cvr: body.cvr,
        name: 'Kantinen i Tingbjerg ApS',
        branchCode: 'kitchen-canteen',
        address: body.address,
        areaCode: 'tingbjerg',
        status: 'active',
        agreements: [
          { kind: 'social-responsibility-hiring', since: '2024-01-01', until: null },
          { kind: 'integration-positions', since: '2020-01-01', until: '2021-12-31' },
        ],
        contactPersons: body.contactPersons,
        responsibleStaffId: body.responsibleStaffId,
        registeredAt: expect.any(String),
        updatedAt: created.body.registeredAt,
      });
      await api().get(`/companies/${created.body.id}`).expect(200, created.body);

      const [event] = await testbed.probe.waitFor(CompanyRegistered, created.body.id);
      expect(event).toMatchObject({ tenant: 'kbh', subject: created.body.id, source: '/fremskudt/companies' });
      // Only the agreement in force today; no name, address or contact person.
      expect(event.data).toEqual({
        companyId: created.body.id,
        cvr: body.cvr,
        branchCode: 'kitchen-canteen',
        areaCode: 'tingbjerg',
        status: 'active',
        agreements: ['social-responsibility-hiring'],
        responsibleStaffId: body.responsibleStaffId,
        registeredAt: created.body.registeredAt,
      });
      for (const secret of ['Kantinen', 'Ruten', 'Hanne', '33 12']) expect(JSON.stringify(event)).not.toContain(secret);
    });

    it('takes the minimum: CVR, name and branch (active, no area, no consultant)', async () => {
      const created = await api().post('/companies', { cvr: uniqueCvr(), name: 'Lager & Co', branchCode: 'warehouse' }).expect(201);
      expect(created.body).toMatchObject({ status: 'active', areaCode: null, address: null, agreements: [], contactPersons: [], responsibleStaffId: null });
    });

    it.each([
      ['a CVR number failing the modulus-11 check', { cvr: '10150818' }, ['cvr']],
      ['a CVR number of seven digits', { cvr: '1015081' }, ['cvr']],
      ['missing name and branch', { name: undefined, branchCode: undefined }, ['branchCode', 'name']],
      ['a bad postcode and an unknown status', { address: { street: 'Ruten 4', postcode: '27000', city: 'Brønshøj' }, status: 'sleeping' }, ['address.postcode', 'status']],
      ['a bad agreement kind, a bad phone and e-mail', { agreements: [{ kind: 'handshake', since: '2024-01-01' }], contactPersons: [{ name: 'X', phone: 'call me', email: 'x@' }] }, ['agreements.0.kind', 'contactPersons.0.email', 'contactPersons.0.phone']],
      ['an agreement ending before it begins', { agreements: [{ kind: 'other', since: '2024-01-01', until: '2023-12-31' }] }, ['agreements.0.until']],
      ['a branch the tenant does not have', { branchCode: 'space-travel' }, ['branchCode']],
      ['a consultant id that is no uuid, and unknown fields', { responsibleStaffId: 'jens', colour: 'blue' }, ['colour', 'responsibleStaffId']],
    ])('%s → 400 naming each field, nothing written', async (_case, overrides, fields) => {
      const [companies, outbox] = [await rowCount('company'), await rowCount('outbox')];
      const response = await api().post('/companies', { ...kantine(), ...overrides }).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      expect([await rowCount('company'), await rowCount('outbox')]).toEqual([companies, outbox]);
    });

    it('names an invalid CVR number in Danish, and in English on Accept-Language: en', async () => {
      const da = await api().post('/companies', { ...kantine(), cvr: '12345678' }).expect(400);
      expect(da.body).toMatchObject({ title: 'Ugyldige data', errors: [{ field: 'cvr', code: 'isCvr' }] });
      const en = await api().post('/companies', { ...kantine(), cvr: '12345678' }).set('accept-language', 'en').expect(400);
      expect(en.body.title).toBe('Invalid input');
    });

    it('refuses a second company with the same CVR number in the tenant (409), but not in another tenant', async () => {
      const body = kantine();
      const first = await api().post('/companies', body).expect(201);
      const [companies, outbox] = [await rowCount('company'), await rowCount('outbox')];
      const second = await api().post('/companies', { ...body, name: 'Anden' }).expect(409);
      expect(second.body).toMatchObject({ code: 'cvr-exists', detail: expect.stringContaining(first.body.id) });
      expect([await rowCount('company'), await rowCount('outbox')]).toEqual([companies, outbox]);
      await api(SLAGELSE).post('/companies', body).expect(201);
    });

    it('answers a retry with the same Idempotency-Key with the first answer, registering once with one event', async () => {
      const body = kantine();
      const first = await api().post('/companies', body, 'company-retry-1').expect(201);
      const retry = await api().post('/companies', body, 'company-retry-1').expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect((await inspect(`SELECT count(*)::int AS n FROM company WHERE cvr = $1`, [body.cvr]))[0].n).toBe(1);
      expect(await testbed.outboxTypes(first.body.id)).toEqual([CompanyRegistered.type]);
      await api().post('/companies', { ...body, name: 'Andet' }, 'company-retry-1').expect(422);
      // Another user of the same municipality reusing the key gets no replay of the first user's answer.
      const colleague = { user: 'kollega', tenant: 'kbh', roles: [Role.CompanyConsultant] };
      const reused = await api(colleague).post('/companies', body, 'company-retry-1').expect(422);
      expect(reused.body.code).toBe('idempotency-key-reused');
      expect(reused.text).not.toContain(first.body.id);
    });
  });

  describe('GET /companies', () => {
    it('lists the tenant’s companies by name, filtered by branch, area, status, CVR and part of the name', async () => {
      const tenant = 'aarhus';
      const a = await registerCompany(tenant, { name: 'Byggeriet A/S', branchCode: 'construction', areaCode: 'gellerup' });
      const b = await registerCompany(tenant, { name: 'Aarhus Rengøring', branchCode: 'cleaning', areaCode: 'gellerup', status: 'prospect' });
      const c = await registerCompany(tenant, { name: 'Hotel Ø', branchCode: 'hotels', areaCode: 'centrum' });
      const names = async (query: string) => ((await api(tenant).get(`/companies${query}`).expect(200)).body as Array<{ name: string }>).map((x) => x.name);
      expect(await names('')).toEqual(['Aarhus Rengøring', 'Byggeriet A/S', 'Hotel Ø']);
      expect(await names('?areaCode=gellerup')).toEqual(['Aarhus Rengøring', 'Byggeriet A/S']);
      expect(await names('?branchCode=hotels')).toEqual(['Hotel Ø']);
      expect(await names('?status=prospect')).toEqual(['Aarhus Rengøring']);
      expect(await names(`?cvr=${c.cvr}`)).toEqual(['Hotel Ø']);
      expect(await names('?name=RENGØR')).toEqual(['Aarhus Rengøring']);
      expect(await names('?name=%25')).toEqual([]);
      expect([a.id, b.id]).not.toContain(c.id);
    });

    it('refuses bad filters with 400 naming them', async () => {
      const response = await api().get('/companies?cvr=123&status=asleep&branchCode=Bygge%20Ri&size=4').expect(400);
      expect(fieldsOf(response.body)).toEqual(['branchCode', 'cvr', 'size', 'status']);
    });

    it('answers 404 for an unknown id and another tenant’s company, 400 for a bad id', async () => {
      const other = await registerCompany(SLAGELSE);
      await api().get(`/companies/${other.id}`).expect(404);
      await api().get(`/companies/${UNKNOWN_ID}`).expect(404);
      await api().get('/companies/not-a-uuid').expect(400);
      expect((await api().get(`/companies?cvr=${other.cvr}`).expect(200)).body).toEqual([]);
    });
  });

  describe('PATCH /companies/:id', () => {
    it('changes attributes and publishes CompanyUpdated with the new state and the changed attributes', async () => {
      const company = await registerCompany();
      const changed = await api()
        .patch(`/companies/${company.id}`, {
          name: 'Nyt Navn ApS',
          status: 'inactive',
          areaCode: null,
          agreements: [{ kind: 'internship-agreement', since: '2025-01-01' }],
          contactPersons: [{ name: 'Ny Kontakt' }],
        })
        .expect(200);
      expect(changed.body).toMatchObject({
        name: 'Nyt Navn ApS',
        status: 'inactive',
        areaCode: null,
        agreements: [{ kind: 'internship-agreement', since: '2025-01-01', until: null }],
        contactPersons: [{ name: 'Ny Kontakt', role: null, phone: null, email: null }],
      });
      expect(changed.body.updatedAt > company.updatedAt).toBe(true);
      await api().get(`/companies/${company.id}`).expect(200, changed.body);

      const [event] = await testbed.probe.waitFor(CompanyUpdated, company.id);
      expect(event.data).toEqual({
        companyId: company.id,
        cvr: company.cvr,
        branchCode: 'kitchen-canteen',
        areaCode: null,
        status: 'inactive',
        agreements: ['internship-agreement'],
        responsibleStaffId: null,
        changed: ['name', 'area-code', 'status', 'agreements', 'contact-persons'],
        updatedAt: changed.body.updatedAt,
      });
      expect(JSON.stringify(event)).not.toContain('Ny Kontakt');
    });

    it('answers 200 without an event when nothing actually changes (also an address given in another key order)', async () => {
      const company = await registerCompany(undefined, { address: { street: 'Ruten 4', postcode: '2700', city: 'Brønshøj' } });
      const same = await api()
        .patch(`/companies/${company.id}`, { name: company.name, address: { city: 'Brønshøj', postcode: '2700', street: 'Ruten 4' }, status: 'active' })
        .expect(200);
      expect(same.body).toEqual(company);
      expect(await testbed.outboxTypes(company.id)).toEqual([CompanyRegistered.type]);
    });

    it('answers a retry with the same Idempotency-Key with the first answer and one event', async () => {
      const company = await registerCompany();
      const first = await api().patch(`/companies/${company.id}`, { branchCode: 'hotels' }, 'company-change-1').expect(200);
      const retry = await api().patch(`/companies/${company.id}`, { branchCode: 'hotels' }, 'company-change-1').expect(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(await testbed.outboxTypes(company.id)).toEqual([CompanyRegistered.type, CompanyUpdated.type]);
    });

    it.each([
      ['nothing to change', {}, ['address', 'agreements', 'areaCode', 'branchCode', 'contactPersons', 'name', 'responsibleStaffId', 'status']],
      ['a new CVR number (a company’s identity)', { cvr: uniqueCvr() }, ['cvr']],
      ['a null name', { name: null }, ['name']],
      ['a branch the tenant does not have', { branchCode: 'space-travel' }, ['branchCode']],
    ])('%s → 400 naming the fields, nothing written', async (_case, body, fields) => {
      const company = await registerCompany();
      const response = await api().patch(`/companies/${company.id}`, body).expect(400);
      expect(fieldsOf(response.body)).toEqual(fields);
      expect((await api().get(`/companies/${company.id}`).expect(200)).body).toEqual(company);
      expect(await testbed.outboxTypes(company.id)).toEqual([CompanyRegistered.type]);
    });

    it('answers 404 for another tenant’s company', async () => {
      const other = await registerCompany(SLAGELSE);
      await api().patch(`/companies/${other.id}`, { name: 'Kapring' }).expect(404);
      expect((await api(SLAGELSE).get(`/companies/${other.id}`).expect(200)).body.name).toBe(other.name);
    });
  });
});
