import request from 'supertest';
import { StaffMemberChanged, StaffMemberRegistered, StaffStream, topicName } from '@fremskudt/contracts';
import { EventProbe, startTestService, TestService, uniqueTopicPrefix } from '@fremskudt/testing';
import { AppModule, caseloadService } from '../src/app.module';

const consultant = { name: 'Jens Madsen', role: 'job-consultant', teamCode: 'team-nord', areaCodes: ['tingbjerg', 'urbanplanen'] };
const UNKNOWN_ID = '7b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d';

describe('caseload: staff of the outreach teams (real PostgreSQL and Kafka)', () => {
  let service: TestService;
  let probe: EventProbe;
  const prefix = uniqueTopicPrefix('staff');

  beforeAll(async () => {
    service = await startTestService(caseloadService, AppModule.forRoot, { topicPrefix: prefix });
    probe = await EventProbe.start(topicName(prefix, StaffStream));
  });
  afterAll(async () => {
    await probe?.stop();
    await service?.dispose();
  });

  const http = (tenant = 'kbh') => ({
    post: (path: string, body: object, key?: string) => withKey(request(service.http).post(path).set('x-tenant-id', tenant), key).send(body),
    patch: (path: string, body: object, key?: string) => withKey(request(service.http).patch(path).set('x-tenant-id', tenant), key).send(body),
    put: (path: string, body: object) => request(service.http).put(path).set('x-tenant-id', tenant).send(body),
    get: (path: string) => request(service.http).get(path).set('x-tenant-id', tenant),
  });
  const withKey = (req: request.Test, key?: string) => (key ? req.set('idempotency-key', key) : req);
  const fieldsOf = (body: { errors?: Array<{ field: string }> }) => [...new Set((body.errors ?? []).map((e) => e.field))].sort();
  /** Events in the outbox (as superuser, every tenant): the source the relay publishes from. */
  const outboxCount = async (type: string, key: string) =>
    (await service.database.inspect(`SELECT count(*)::int AS n FROM outbox WHERE event_type = $1 AND message_key = $2`, [type, key]))[0].n as number;

  describe('POST /staff', () => {
    it('registers a staff member with the tenant’s default capacity and publishes StaffMemberRegistered without the name', async () => {
      const created = await http().post('/staff', consultant).expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'Jens Madsen',
        role: 'job-consultant',
        teamCode: 'team-nord',
        areaCodes: ['tingbjerg', 'urbanplanen'],
        caseloadCapacity: 30,
        active: true,
        registeredAt: expect.any(String),
      });
      await http().get(`/staff/${created.body.id}`).expect(200, created.body);

      const [event] = await probe.waitFor(StaffMemberRegistered, created.body.id);
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
      const own = await http().post('/staff', { ...consultant, name: 'Halv Stamme', caseloadCapacity: 15 }).expect(201);
      expect(own.body.caseloadCapacity).toBe(15);
      await http('odense').put('/settings', { caseloadCapacity: 12, interviewIntervalMonths: 3, noShowFollowUpWorkingDays: 2 }).expect(200);
      const fromSettings = await http('odense').post('/staff', { ...consultant, name: 'Odense Konsulent' }).expect(201);
      expect(fromSettings.body.caseloadCapacity).toBe(12);
      expect((await probe.waitFor(StaffMemberRegistered, fromSettings.body.id))[0].data.caseloadCapacity).toBe(12);
    });

    it('answers a retry with the same Idempotency-Key with the first answer and registers once', async () => {
      const body = { ...consultant, name: 'Retry Konsulent' };
      const first = await http().post('/staff', body, 'staff-retry-1').expect(201);
      const retry = await http().post('/staff', body, 'staff-retry-1').expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      const [row] = await service.database.inspect(`SELECT count(*)::int AS n FROM staff_member WHERE name = 'Retry Konsulent'`);
      expect(row.n).toBe(1);
      // A later event on the same key has arrived, so a duplicate registration would have too.
      await http().patch(`/staff/${first.body.id}`, { caseloadCapacity: 29 }).expect(200);
      await probe.waitFor(StaffMemberChanged, first.body.id);
      expect(probe.of(StaffMemberRegistered, first.body.id)).toHaveLength(1);
    });

    it.each([
      ['missing fields', {}, ['areaCodes', 'name', 'role', 'teamCode']],
      ['an unknown role and bad codes', { ...consultant, role: 'boss', teamCode: 'Team Nord', areaCodes: ['tingbjerg', 'Ting Bjerg'] }, ['areaCodes', 'role', 'teamCode']],
      ['a fractional capacity and unknown fields', { ...consultant, caseloadCapacity: 2.5, shoeSize: 44 }, ['caseloadCapacity', 'shoeSize']],
      ['areas that are not a list', { ...consultant, areaCodes: 'tingbjerg' }, ['areaCodes']],
    ])('%s → 400 naming each field, nothing written', async (_case, body, fields) => {
      const before = (await service.database.inspect(`SELECT count(*)::int AS n FROM staff_member`))[0].n;
      const response = await http().post('/staff', body).expect(400);
      expect(response.body.code).toBe('validation-failed');
      expect(fieldsOf(response.body)).toEqual(fields);
      expect((await service.database.inspect(`SELECT count(*)::int AS n FROM staff_member`))[0].n).toBe(before);
    });
  });

  describe('GET /staff', () => {
    it('lists the tenant’s staff, filtered by team, role and active state', async () => {
      const mentor = await http('aarhus').post('/staff', { ...consultant, name: 'Mette Mentor', role: 'mentor', teamCode: 'team-syd' }).expect(201);
      const lead = await http('aarhus').post('/staff', { ...consultant, name: 'Lars Leder', role: 'team-lead', caseloadCapacity: 0 }).expect(201);
      const leaving = await http('aarhus').post('/staff', { ...consultant, name: 'Anna Afgang' }).expect(201);
      await http('aarhus').patch(`/staff/${leaving.body.id}`, { active: false }).expect(200);

      const names = (body: Array<{ name: string }>) => body.map((member) => member.name);
      expect(names((await http('aarhus').get('/staff').expect(200)).body)).toEqual(['Anna Afgang', 'Lars Leder', 'Mette Mentor']);
      expect(names((await http('aarhus').get('/staff?teamCode=team-syd').expect(200)).body)).toEqual(['Mette Mentor']);
      expect(names((await http('aarhus').get('/staff?role=team-lead').expect(200)).body)).toEqual(['Lars Leder']);
      expect(names((await http('aarhus').get('/staff?active=false').expect(200)).body)).toEqual(['Anna Afgang']);
      expect(names((await http('aarhus').get('/staff?active=true&teamCode=team-nord').expect(200)).body)).toEqual(['Lars Leder']);
      expect(mentor.body.id).not.toBe(lead.body.id);
    });

    it('refuses bad filters with 400 naming them', async () => {
      const response = await http().get('/staff?active=maybe&role=boss&teamCode=Nord&colour=blue').expect(400);
      expect(fieldsOf(response.body)).toEqual(['active', 'colour', 'role', 'teamCode']);
    });

    it('answers 404 for an unknown id and another tenant’s staff member', async () => {
      const other = await http('slagelse').post('/staff', { ...consultant, name: 'Slagelse Konsulent' }).expect(201);
      await http().get(`/staff/${other.body.id}`).expect(404);
      await http().get(`/staff/${UNKNOWN_ID}`).expect(404);
      await http().get(`/staff/${other.body.id}/caseload`).expect(404);
      await http().get('/staff/not-a-uuid').expect(400);
      expect((await http().get('/staff').expect(200)).body.map((m: { name: string }) => m.name)).not.toContain('Slagelse Konsulent');
    });
  });

  describe('PATCH /staff/:id', () => {
    it('changes team, areas, capacity and active state and publishes StaffMemberChanged with the whole new state', async () => {
      const created = await http().post('/staff', { ...consultant, name: 'Skifter Team' }).expect(201);
      const changed = await http().patch(`/staff/${created.body.id}`, { teamCode: 'team-syd', areaCodes: ['akacieparken'], caseloadCapacity: 20 }).expect(200);
      expect(changed.body).toMatchObject({ teamCode: 'team-syd', areaCodes: ['akacieparken'], caseloadCapacity: 20, active: true, name: 'Skifter Team' });
      await http().get(`/staff/${created.body.id}`).expect(200, changed.body);

      const [event] = await probe.waitFor(StaffMemberChanged, created.body.id);
      expect(event.data).toEqual({
        staffId: created.body.id,
        teamCode: 'team-syd',
        areaCodes: ['akacieparken'],
        caseloadCapacity: 20,
        active: true,
        changedAt: expect.any(String),
      });
      expect(JSON.stringify(event)).not.toContain('Skifter');

      await http().patch(`/staff/${created.body.id}`, { active: false }).expect(200);
      const events = await probe.waitFor(StaffMemberChanged, created.body.id, 2);
      expect(events[1].data).toMatchObject({ active: false, teamCode: 'team-syd', caseloadCapacity: 20 });
    });

    it('answers 200 without an event when nothing actually changes', async () => {
      const created = await http().post('/staff', { ...consultant, name: 'Ingen Ændring' }).expect(201);
      const same = await http().patch(`/staff/${created.body.id}`, { teamCode: 'team-nord', areaCodes: ['tingbjerg', 'urbanplanen'], active: true }).expect(200);
      expect(same.body).toEqual(created.body);
      expect(await outboxCount(StaffMemberChanged.type, created.body.id)).toBe(0);
    });

    it('answers a retry with the same Idempotency-Key with the first answer and one event', async () => {
      const created = await http().post('/staff', { ...consultant, name: 'Gentaget Ændring' }).expect(201);
      const first = await http().patch(`/staff/${created.body.id}`, { caseloadCapacity: 25 }, 'staff-change-1').expect(200);
      const retry = await http().patch(`/staff/${created.body.id}`, { caseloadCapacity: 25 }, 'staff-change-1').expect(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      await http().patch(`/staff/${created.body.id}`, { caseloadCapacity: 26 }).expect(200);
      const events = await probe.waitFor(StaffMemberChanged, created.body.id, 2);
      expect(events.map((event) => event.data.caseloadCapacity)).toEqual([25, 26]);
      expect(await outboxCount(StaffMemberChanged.type, created.body.id)).toBe(2);
    });

    it('refuses a change without anything to change, and bad values, with 400 naming the fields', async () => {
      const created = await http().post('/staff', { ...consultant, name: 'Forkert Ændring' }).expect(201);
      const empty = await http().patch(`/staff/${created.body.id}`, {}).expect(400);
      expect(fieldsOf(empty.body)).toEqual(['active', 'areaCodes', 'caseloadCapacity', 'teamCode']);
      const bad = await http().patch(`/staff/${created.body.id}`, { active: 'no', caseloadCapacity: -1, role: 'mentor', name: 'X' }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['active', 'caseloadCapacity', 'name', 'role']);
      await http().get(`/staff/${created.body.id}`).expect(200, created.body);
      expect(await outboxCount(StaffMemberChanged.type, created.body.id)).toBe(0);
    });

    it('answers 404 for an unknown id and another tenant’s staff member, changing nothing', async () => {
      const other = await http('slagelse').post('/staff', { ...consultant, name: 'Anden Kommune' }).expect(201);
      await http().patch(`/staff/${other.body.id}`, { caseloadCapacity: 1 }).expect(404);
      await http().patch(`/staff/${UNKNOWN_ID}`, { caseloadCapacity: 1 }).expect(404);
      await http('slagelse').get(`/staff/${other.body.id}`).expect(200, other.body);
      expect(await outboxCount(StaffMemberChanged.type, other.body.id)).toBe(0);
    });
  });

  it('documents the staff endpoints in OpenAPI', async () => {
    const docs = await request(service.http).get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/staff', '/staff/{id}', '/staff/{id}/caseload', '/citizens/{id}/consultant', '/citizens/{id}/assignments']));
  });
});
