import { companiesTestbed, fieldsOf, KBH, SLAGELSE, uniqueCvr } from './support/testbed';

const FOCUS_BRANCHES = ['construction', 'transport-logistics', 'warehouse', 'kitchen-canteen', 'cleaning', 'care-homes', 'hotels', 'hospital-service', 'retail'];

describe('companies: the tenant’s branches, areas and settings (real PostgreSQL and Kafka)', () => {
  const testbed = companiesTestbed('reference', { probe: false });
  const { api } = testbed;

  describe('branches', () => {
    it('starts every tenant with the brief’s focus branches, in Danish and English', async () => {
      const branches = (await api('odense').get('/branches').expect(200)).body;
      expect(branches.map((b: { code: string }) => b.code)).toEqual(FOCUS_BRANCHES);
      expect(branches).toContainEqual({ code: 'kitchen-canteen', labelDa: 'Køkken og kantine', labelEn: 'Kitchen and canteen', active: true, standard: true });
    });

    it('lets a tenant add its own branch, used at once for companies, without touching other tenants', async () => {
      const added = await api(KBH).post('/branches', { code: 'security', labelDa: 'Vagt og sikkerhed', labelEn: 'Security' }).expect(201);
      expect(added.body).toEqual({ code: 'security', labelDa: 'Vagt og sikkerhed', labelEn: 'Security', active: true, standard: false });
      expect((await api(KBH).get('/branches').expect(200)).body.map((b: { code: string }) => b.code)).toEqual([...FOCUS_BRANCHES, 'security']);
      await api(KBH).post('/companies', { cvr: uniqueCvr(), name: 'Vagtselskabet', branchCode: 'security' }).expect(201);

      expect((await api(SLAGELSE).get('/branches').expect(200)).body).toHaveLength(FOCUS_BRANCHES.length);
      const refused = await api(SLAGELSE).post('/companies', { cvr: uniqueCvr(), name: 'Vagt', branchCode: 'security' }).expect(400);
      expect(fieldsOf(refused.body)).toEqual(['branchCode']);
    });

    it('answers retries of its commands with the same Idempotency-Key with the first answer', async () => {
      const body = { code: 'shipyard', labelDa: 'Værft', labelEn: 'Shipyard' };
      const first = await api('fredericia').post('/branches', body, 'branch-retry').expect(201);
      const retry = await api('fredericia').post('/branches', body, 'branch-retry').expect(201);
      expect([retry.headers['idempotent-replayed'], retry.body]).toEqual(['true', first.body]);
      const area = { name: 'Havnen', kind: 'neighbourhood', latitude: 55.56, longitude: 9.75 };
      await api('fredericia').put('/areas/havnen', area, 'area-retry').expect(200);
      expect((await api('fredericia').put('/areas/havnen', area, 'area-retry').expect(200)).headers['idempotent-replayed']).toBe('true');
      await api('fredericia').post('/areas/templates/slagelse', {}, 'template-retry').expect(200);
      expect((await api('fredericia').post('/areas/templates/slagelse', {}, 'template-retry').expect(200)).headers['idempotent-replayed']).toBe('true');
    });

    it('refuses a code the tenant already has (409), a default one too, and bad input (400)', async () => {
      expect((await api('vejle').post('/branches', { code: 'hotels', labelDa: 'Hoteller', labelEn: 'Hotels' }).expect(409)).body.code).toBe('branch-exists');
      await api('vejle').post('/branches', { code: 'bakery', labelDa: 'Bageri', labelEn: 'Bakery' }).expect(201);
      await api('vejle').post('/branches', { code: 'bakery', labelDa: 'Bageri', labelEn: 'Bakery' }).expect(409);
      const bad = await api('vejle').post('/branches', { code: 'Bageri Nord', labelDa: '', labelEn: 3 }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['code', 'labelDa', 'labelEn']);
    });

    it('relabels a default branch for one tenant and retires it, after which new companies can’t choose it', async () => {
      const tenant = 'herning';
      const relabelled = await api(tenant).patch('/branches/hotels', { labelDa: 'Hotel og restauration' }).expect(200);
      expect(relabelled.body).toEqual({ code: 'hotels', labelDa: 'Hotel og restauration', labelEn: 'Hotels', active: true, standard: true });
      await api(tenant).patch('/branches/hotels', { active: false }).expect(200);
      const listed = (await api(tenant).get('/branches').expect(200)).body;
      expect(listed.find((b: { code: string }) => b.code === 'hotels')).toEqual({ ...relabelled.body, active: false });
      const refused = await api(tenant).post('/companies', { cvr: uniqueCvr(), name: 'Hotel X', branchCode: 'hotels' }).expect(400);
      expect(refused.body.errors[0]).toMatchObject({ field: 'branchCode', code: 'knownBranch' });
      expect((await api('ikast').get('/branches').expect(200)).body.find((b: { code: string }) => b.code === 'hotels').labelDa).toBe('Hotel');
      await api(tenant).patch('/branches/space-travel', { active: false }).expect(404);
      expect(fieldsOf((await api(tenant).patch('/branches/hotels', {}).expect(400)).body)).toEqual(['active', 'labelDa', 'labelEn']);
    });
  });

  describe('areas', () => {
    it('applies a municipality’s area template once: a repeat adds nothing and keeps the tenant’s own changes', async () => {
      const tenant = 'slagelse';
      const applied = (await api(tenant).post('/areas/templates/slagelse', {}).expect(200)).body;
      expect(applied.map((a: { code: string }) => a.code)).toEqual(['korsoer-havn', 'motalavej', 'nordbyen', 'skaelskoer', 'slagelse-centrum', 'sydbyen']);
      expect(applied.find((a: { code: string }) => a.code === 'nordbyen')).toEqual({ code: 'nordbyen', name: 'Nordbyen (Slagelse)', kind: 'housing-area', latitude: 55.41, longitude: 11.36 });

      await api(tenant).put('/areas/nordbyen', { name: 'Nordbyen', kind: 'housing-area', latitude: 55.412, longitude: 11.361 }).expect(200);
      const again = (await api(tenant).post('/areas/templates/slagelse', {}).expect(200)).body;
      expect(again).toHaveLength(6);
      expect(again.find((a: { code: string }) => a.code === 'nordbyen')).toMatchObject({ name: 'Nordbyen', latitude: 55.412 });
      expect((await api(KBH).get('/areas').expect(200)).body.map((a: { code: string }) => a.code)).not.toContain('nordbyen');
    });

    it('refuses an unknown template and bad coordinates with 400 naming them', async () => {
      await api().post('/areas/templates/atlantis', {}).expect(400);
      const badCode = await api().put('/areas/Ting%20Bjerg', { name: 'Tingbjerg', kind: 'housing-area', latitude: 55.7, longitude: 12.5 }).expect(400);
      expect(fieldsOf(badCode.body)).toEqual(['code']);
      const bad = await api().put('/areas/tingbjerg', { name: '', kind: 'city', latitude: 91, longitude: 'east' }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['kind', 'latitude', 'longitude', 'name']);
    });
  });

  describe('settings', () => {
    it('has 30 hours a week as the full-time threshold until the tenant sets its own', async () => {
      expect((await api('roskilde').get('/settings').expect(200)).body).toEqual({ fullTimeHoursPerWeek: 30 });
      await api('roskilde').put('/settings', { fullTimeHoursPerWeek: 25 }, 'settings-1').expect(200, { fullTimeHoursPerWeek: 25 });
      expect((await api('roskilde').put('/settings', { fullTimeHoursPerWeek: 25 }, 'settings-1').expect(200)).headers['idempotent-replayed']).toBe('true');
      expect((await api('roskilde').get('/settings').expect(200)).body).toEqual({ fullTimeHoursPerWeek: 25 });
      expect((await api('koege').get('/settings').expect(200)).body).toEqual({ fullTimeHoursPerWeek: 30 });
      expect(fieldsOf((await api('roskilde').put('/settings', { fullTimeHoursPerWeek: 0 }).expect(400)).body)).toEqual(['fullTimeHoursPerWeek']);
    });
  });
});
