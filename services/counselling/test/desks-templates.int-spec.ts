import { desksTestbed, fieldsOf } from './support/desks-testbed';

describe('counselling: area templates (real PostgreSQL and Kafka)', () => {
  const testbed = desksTestbed('templates', { probe: false });
  const { api, inspect } = testbed;
  const deskCount = async (tenant: string) => (await inspect<{ n: number }>(`SELECT count(*)::int AS n FROM desk WHERE tenant_id = $1`, [tenant]))[0].n;
  const hoursCount = async (tenant: string) => (await inspect<{ n: number }>(`SELECT count(*)::int AS n FROM desk_opening_hours WHERE tenant_id = $1`, [tenant]))[0].n;

  it("Copenhagen: the six areas with the brief's opening days a week, three-hour sessions; a second call adds nothing", async () => {
    const tenant = 'tpl-kbh';
    const first = await api(tenant).post('/setup/areas', { template: 'copenhagen' }).expect(200);
    expect(first.body.template).toBe('copenhagen');
    expect(first.body.created).toBe(6);
    const days = Object.fromEntries(first.body.desks.map((desk: { areaCode: string; weekly: unknown[] }) => [desk.areaCode, desk.weekly.length]));
    expect(days).toEqual({ tingbjerg: 4, 'hothers-plads': 2, aldersrogade: 3, lundtoftegade: 2, akacieparken: 1, urbanplanen: 4 });
    for (const desk of first.body.desks) {
      expect(desk).toMatchObject({ created: true, active: true, openSessionId: null });
      for (const opening of desk.weekly) expect(Number(opening.closes.slice(0, 2)) - Number(opening.opens.slice(0, 2))).toBe(3);
    }
    const tingbjerg = first.body.desks.find((desk: { areaCode: string }) => desk.areaCode === 'tingbjerg');
    const week = await api(tenant).get(`/desks/${tingbjerg.id}/calendar?from=2026-11-23&to=2026-11-29`).expect(200);
    expect(week.body.days.map((day: { date: string }) => day.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']);

    const second = await api(tenant).post('/setup/areas', { template: 'copenhagen' }).expect(200);
    expect(second.body.created).toBe(0);
    expect(second.body.desks.map((desk: { id: string; created: boolean }) => [desk.id, desk.created])).toEqual(
      first.body.desks.map((desk: { id: string }) => [desk.id, false]),
    );
    expect(await deskCount(tenant)).toBe(6);
    expect(await hoursCount(tenant)).toBe(16);
  });

  it("leaves a desk the tenant changed as it is, and recreates only what's missing", async () => {
    const tenant = 'tpl-changed';
    const first = await api(tenant).post('/setup/areas', { template: 'copenhagen' }).expect(200);
    const akacieparken = first.body.desks.find((desk: { areaCode: string }) => desk.areaCode === 'akacieparken');
    const weekly = [{ weekday: 2, opens: '13:00', closes: '14:30' }];
    await api(tenant).put(`/desks/${akacieparken.id}/opening-hours`, { weekly }).expect(200);
    const urbanplanen = first.body.desks.find((desk: { areaCode: string }) => desk.areaCode === 'urbanplanen');
    await api(tenant).patch(`/desks/${urbanplanen.id}`, { name: 'Rådgivningen i Urbanplanen' }).expect(200);

    const again = await api(tenant).post('/setup/areas', { template: 'copenhagen' }).expect(200);
    // The renamed desk is no longer the template's: a new one is made under the template name.
    expect(again.body.created).toBe(1);
    expect(again.body.desks.find((desk: { areaCode: string }) => desk.areaCode === 'akacieparken').weekly).toEqual(weekly);
    expect(await deskCount(tenant)).toBe(7);
  });

  it('Slagelse: Nordbyen, Motalavej, Sydbyen and Skælskør, idempotent; Copenhagen and Slagelse do not mix', async () => {
    const tenant = 'tpl-slagelse';
    const first = await api(tenant).post('/setup/areas', { template: 'slagelse' }).expect(200);
    expect(first.body.desks.map((desk: { areaCode: string }) => desk.areaCode)).toEqual(['nordbyen', 'motalavej', 'sydbyen', 'skaelskoer']);
    expect(first.body.desks.every((desk: { weekly: unknown[] }) => desk.weekly.length >= 1)).toBe(true);
    expect((await api(tenant).post('/setup/areas', { template: 'slagelse' }).expect(200)).body.created).toBe(0);
    expect(await deskCount(tenant)).toBe(4);
    expect((await api('tpl-other').get('/desks').expect(200)).body).toEqual([]);
  });

  it('a retried setup (same Idempotency-Key) answers the first result', async () => {
    const tenant = 'tpl-retry';
    const first = await api(tenant).post('/setup/areas', { template: 'slagelse' }, 'setup-1').expect(200);
    const second = await api(tenant).post('/setup/areas', { template: 'slagelse' }, 'setup-1').expect(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await deskCount(tenant)).toBe(4);
  });

  it('parallel setups create each desk once', async () => {
    const tenant = 'tpl-parallel';
    const answers = await Promise.all([1, 2, 3].map(() => api(tenant).post('/setup/areas', { template: 'copenhagen' })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers.map((answer) => answer.body.created).sort()).toEqual([0, 0, 6]);
    expect(await deskCount(tenant)).toBe(6);
  });

  it.each([
    ['no template', {}, ['template']],
    ['an unknown template', { template: 'aarhus' }, ['template']],
    ['an unknown field', { template: 'copenhagen', areas: ['tingbjerg'] }, ['areas']],
  ])('%s → 400, nothing written', async (_case, body, fields) => {
    const tenant = 'tpl-bad';
    expect(fieldsOf((await api(tenant).post('/setup/areas', body).expect(400)).body)).toEqual(fields);
    expect(await deskCount(tenant)).toBe(0);
  });
});
