import { StaffMemberChanged, StaffMemberRegistered, StaffStream } from '@fremskudt/contracts';
import { caseloadTestbed, fieldsOf, UNKNOWN_ID } from './support/testbed';

const consultant = { name: 'Jens Madsen', role: 'job-consultant', teamCode: 'team-nord', areaCodes: ['tingbjerg', 'urbanplanen'] };

describe('caseload: staff of the outreach teams (real PostgreSQL and Kafka)', () => {
  const testbed = caseloadTestbed('staff', { probe: StaffStream });
  const { api, inspect, openApiDocument } = testbed;

  /** Events in the outbox (as superuser, every tenant): the source the relay publishes from. */
  const outboxCount = async (type: string, key: string) =>
    (await inspect(`SELECT count(*)::int AS n FROM outbox WHERE event_type = $1 AND message_key = $2`, [type, key]))[0].n as number;

  describe('POST /staff', () => {
    it('registers a staff member with the tenant’s default capacity and publishes StaffMemberRegistered without the name', async () => {
      const created = await api().post('/staff', consultant).expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'Jens Madsen',
        role: 'job-consultant',
        teamCode: 'team-nord',
        areaCodes: ['tingbjerg', 'urbanplanen'],
        caseloadCapacity: 30,
        active: true,
        // Not linked to a login until an administrator links it (data scoping).
        loginSubject: null,
        registeredAt: expect.any(String),
      });
      await api().get(`/staff/${created.body.id}`).expect(200, created.body);

      const [event] = await testbed.probe.waitFor(StaffMemberRegistered, created.body.id);
      expect(event).toMatchObject({ tenant: 'kbh', subject: created.body.id });
      expect(event.data).toEqual({
        staffId: created.body.id,
        role: 'job-consultant',
        teamCode: 'team-nord',
        areaCodes: ['tingbjerg', 'urbanplanen'],
        caseloadCapacity: 30,
        registeredAt: created.body.registeredAt,
      });
      expect(JSON.stringify(event)).not.toContain('Madsen');
    });

    it('takes a given capacity, and the tenant’s own setting otherwise', async () => {
      const own = await api().post('/staff', { ...consultant, name: 'Halv Stamme', caseloadCapacity: 15 }).expect(201);
      expect(own.body.caseloadCapacity).toBe(15);
      await api('odense').put('/settings', { caseloadCapacity: 12, interviewIntervalMonths: 3, noShowFollowUpWorkingDays: 2 }).expect(200);
      const fromSettings = await api('odense').post('/staff', { ...consultant, name: 'Odense Konsulent' }).expect(201);
      expect(fromSettings.body.caseloadCapacity).toBe(12);
      expect((await testbed.probe.waitFor(StaffMemberRegistered, fromSettings.body.id))[0].data.caseloadCapacity).toBe(12);
    });

    it('answers a retry with the same Idempotency-Key with the first answer and registers once', async () => {
      const body = { ...consultant, name: 'Retry Konsulent' };
      const first = await api().post('/staff', body, 'staff-retry-1').expect(201);
      const retry = await api().post('/staff', body, 'staff-retry-1').expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      const [row] = await inspect(`SELECT count(*)::int AS n FROM staff_member WHERE name = 'Retry Konsulent'`);
      expect(row.n).toBe(1);
      // A later event on the same key has arrived, so a duplicate registration would have too.
      await api().patch(`/staff/${first.body.id}`, { caseloadCapacity: 29 }).expect(200);
      await testbed.probe.waitFor(StaffMemberChanged, first.body.id);
      expect(testbed.probe.of(StaffMemberRegistered, first.body.id)).toHaveLength(1);
    });

    it.each([
      ['missing fields', {}, ['areaCodes', 'name', 'role', 'teamCode']],
      ['an unknown role and bad codes', { ...consultant, role: 'boss', teamCode: 'Team Nord', areaCodes: ['tingbjerg', 'Ting Bjerg'] }, ['areaCodes', 'role', 'teamCode']],
      ['a fractional capacity and unknown fields', { ...consultant, caseloadCapacity: 2.5, shoeSize: 44 }, ['caseloadCapacity', 'shoeSize']],
      ['areas that are not a list', { ...consultant, areaCodes: 'tingbjerg' }, ['areaCodes']],
    ])('%s → 400 naming each field, nothing written', async (_case, body, fields) => {
      const before = (await inspect(`SELECT count(*)::int AS n FROM staff_member`))[0].n;
      const response = await api().post('/staff', body).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      expect((await inspect(`SELECT count(*)::int AS n FROM staff_member`))[0].n).toBe(before);
    });
  });

  describe('GET /staff', () => {
    it('lists the tenant’s staff, filtered by team, role and active state', async () => {
      const mentor = await api('aarhus').post('/staff', { ...consultant, name: 'Mette Mentor', role: 'mentor', teamCode: 'team-syd' }).expect(201);
      const lead = await api('aarhus').post('/staff', { ...consultant, name: 'Lars Leder', role: 'team-lead', caseloadCapacity: 0 }).expect(201);
      const leaving = await api('aarhus').post('/staff', { ...consultant, name: 'Anna Afgang' }).expect(201);
      await api('aarhus').patch(`/staff/${leaving.body.id}`, { active: false }).expect(200);

      const names = (body: Array<{ name: string }>) => body.map((member) => member.name);
      expect(names((await api('aarhus').get('/staff').expect(200)).body)).toEqual(['Anna Afgang', 'Lars Leder', 'Mette Mentor']);
      expect(names((await api('aarhus').get('/staff?teamCode=team-syd').expect(200)).body)).toEqual(['Mette Mentor']);
      expect(names((await api('aarhus').get('/staff?role=team-lead').expect(200)).body)).toEqual(['Lars Leder']);
      expect(names((await api('aarhus').get('/staff?active=false').expect(200)).body)).toEqual(['Anna Afgang']);
      expect(names((await api('aarhus').get('/staff?active=true&teamCode=team-nord').expect(200)).body)).toEqual(['Lars Leder']);
      expect(mentor.body.id).not.toBe(lead.body.id);
    });

    it('refuses bad filters with 400 naming them', async () => {
      const response = await api().get('/staff?active=maybe&role=boss&teamCode=Nord&colour=blue').expect(400);
      expect(fieldsOf(response.body)).toEqual(['active', 'colour', 'role', 'teamCode']);
    });

    it('answers 404 for an unknown id and another tenant’s staff member', async () => {
      const other = await api('slagelse').post('/staff', { ...consultant, name: 'Slagelse Konsulent' }).expect(201);
      await api().get(`/staff/${other.body.id}`).expect(404);
      await api().get(`/staff/${UNKNOWN_ID}`).expect(404);
      await api().get(`/staff/${other.body.id}/caseload`).expect(404);
      await api().get('/staff/not-a-uuid').expect(400);
      expect((await api().get('/staff').expect(200)).body.map((m: { name: string }) => m.name)).not.toContain('Slagelse Konsulent');
    });
  });

  describe('PATCH /staff/:id', () => {
    it('changes team, areas, capacity and active state and publishes StaffMemberChanged with the whole new state', async () => {
      const created = await api().post('/staff', { ...consultant, name: 'Skifter Team' }).expect(201);
      const changed = await api().patch(`/staff/${created.body.id}`, { teamCode: 'team-syd', areaCodes: ['akacieparken'], caseloadCapacity: 20 }).expect(200);
      expect(changed.body).toMatchObject({ teamCode: 'team-syd', areaCodes: ['akacieparken'], caseloadCapacity: 20, active: true, name: 'Skifter Team' });
      await api().get(`/staff/${created.body.id}`).expect(200, changed.body);

      const [event] = await testbed.probe.waitFor(StaffMemberChanged, created.body.id);
      expect(event.data).toEqual({
        staffId: created.body.id,
        teamCode: 'team-syd',
        areaCodes: ['akacieparken'],
        caseloadCapacity: 20,
        active: true,
        changedAt: expect.any(String),
      });
      expect(JSON.stringify(event)).not.toContain('Skifter');

      await api().patch(`/staff/${created.body.id}`, { active: false }).expect(200);
      const events = await testbed.probe.waitFor(StaffMemberChanged, created.body.id, 2);
      expect(events[1].data).toMatchObject({ active: false, teamCode: 'team-syd', caseloadCapacity: 20 });
    });

    it('answers 200 without an event when nothing actually changes', async () => {
      const created = await api().post('/staff', { ...consultant, name: 'Ingen Ændring' }).expect(201);
      const same = await api().patch(`/staff/${created.body.id}`, { teamCode: 'team-nord', areaCodes: ['tingbjerg', 'urbanplanen'], active: true }).expect(200);
      expect(same.body).toEqual(created.body);
      expect(await outboxCount(StaffMemberChanged.type, created.body.id)).toBe(0);
    });

    it('answers a retry with the same Idempotency-Key with the first answer and one event', async () => {
      const created = await api().post('/staff', { ...consultant, name: 'Gentaget Ændring' }).expect(201);
      const first = await api().patch(`/staff/${created.body.id}`, { caseloadCapacity: 25 }, 'staff-change-1').expect(200);
      const retry = await api().patch(`/staff/${created.body.id}`, { caseloadCapacity: 25 }, 'staff-change-1').expect(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      await api().patch(`/staff/${created.body.id}`, { caseloadCapacity: 26 }).expect(200);
      const events = await testbed.probe.waitFor(StaffMemberChanged, created.body.id, 2);
      expect(events.map((event) => event.data.caseloadCapacity)).toEqual([25, 26]);
      expect(await outboxCount(StaffMemberChanged.type, created.body.id)).toBe(2);
    });

    it('refuses a change without anything to change, and bad values, with 400 naming the fields', async () => {
      const created = await api().post('/staff', { ...consultant, name: 'Forkert Ændring' }).expect(201);
      const empty = await api().patch(`/staff/${created.body.id}`, {}).expect(400);
      expect(fieldsOf(empty.body)).toEqual(['active', 'areaCodes', 'caseloadCapacity', 'loginSubject', 'teamCode']);
      const bad = await api().patch(`/staff/${created.body.id}`, { active: 'no', caseloadCapacity: -1, role: 'mentor', name: 'X' }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['active', 'caseloadCapacity', 'name', 'role']);
      await api().get(`/staff/${created.body.id}`).expect(200, created.body);
      expect(await outboxCount(StaffMemberChanged.type, created.body.id)).toBe(0);
    });

    it('answers 404 for an unknown id and another tenant’s staff member, changing nothing', async () => {
      const other = await api('slagelse').post('/staff', { ...consultant, name: 'Anden Kommune' }).expect(201);
      await api().patch(`/staff/${other.body.id}`, { caseloadCapacity: 1 }).expect(404);
      await api().patch(`/staff/${UNKNOWN_ID}`, { caseloadCapacity: 1 }).expect(404);
      await api('slagelse').get(`/staff/${other.body.id}`).expect(200, other.body);
      expect(await outboxCount(StaffMemberChanged.type, other.body.id)).toBe(0);
    });
  });

  it('documents the staff endpoints in OpenAPI', async () => {
    const docs = await openApiDocument();
    expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(['/staff', '/staff/{id}', '/staff/{id}/caseload', '/citizens/{id}/consultant', '/citizens/{id}/assignments']));
  });
});
