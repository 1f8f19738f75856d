import { randomUUID } from 'node:crypto';
import { ContactLogged } from '@fremskudt/contracts';
import { copenhagenToday } from '../src/shared/calendar';
import { companiesTestbed, fieldsOf, SLAGELSE, UNKNOWN_ID } from './support/testbed';

const staffId = '5d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c0d';
const daysAgo = (days: number) => {
  const date = new Date(`${copenhagenToday()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
};

describe('companies: contacts with companies (real PostgreSQL and Kafka)', () => {
  const testbed = companiesTestbed('contacts');
  const { api, rowCount, registerCompany } = testbed;

  it('logs a contact and publishes ContactLogged with codes and ids (notes and next step stay here)', async () => {
    const company = await registerCompany();
    const body = {
      kind: 'visit',
      occurredOn: daysAgo(2),
      staffId,
      outcome: 'interested',
      notes: 'Køkkenchefen vil gerne tage en praktikant fra Tingbjerg',
      nextStep: 'Send to kandidater',
      nextStepOn: daysAgo(-5),
    };
    const logged = await api().post(`/companies/${company.id}/contacts`, body).expect(201);
    expect(logged.body).toEqual({
      id: expect.any(String),
      companyId: company.id,
      kind: 'visit',
      eventKind: null,
      occurredOn: body.occurredOn,
      staffId,
      citizenIds: [],
      openingIds: [],
      outcome: 'interested',
      notes: body.notes,
      nextStep: body.nextStep,
      nextStepOn: body.nextStepOn,
      loggedAt: expect.any(String),
    });

    const [event] = (await testbed.probe.waitFor(ContactLogged, company.id)).filter((e) => e.data.contactId === logged.body.id);
    expect(event.data).toEqual({
      contactId: logged.body.id,
      companyId: company.id,
      kind: 'visit',
      eventKind: null,
      occurredOn: body.occurredOn,
      staffId,
      citizenIds: [],
      openingIds: [],
      outcome: 'interested',
      nextStepOn: body.nextStepOn,
      loggedAt: logged.body.loggedAt,
    });
    expect(JSON.stringify(event)).not.toContain('praktikant');
    expect(JSON.stringify(event)).not.toContain('kandidater');
  });

  it('logs an event (a bus tour) and lists the company’s contacts newest first', async () => {
    const company = await registerCompany();
    const older = await api().post(`/companies/${company.id}/contacts`, { kind: 'call', occurredOn: daysAgo(10), staffId, outcome: 'no-answer' }).expect(201);
    const tour = await api()
      .post(`/companies/${company.id}/contacts`, { kind: 'event', eventKind: 'bus-tour', occurredOn: daysAgo(1), staffId, outcome: 'follow-up-needed' })
      .expect(201);
    expect(tour.body).toMatchObject({ kind: 'event', eventKind: 'bus-tour' });
    const list = await api().get(`/companies/${company.id}/contacts`).expect(200);
    expect(list.body.map((contact: { id: string }) => contact.id)).toEqual([tour.body.id, older.body.id]);
    const events = await testbed.probe.waitFor(ContactLogged, company.id, 2);
    expect(events.map((e) => e.data.eventKind)).toEqual([null, 'bus-tour']);
  });

  it.each([
    ['an event without its kind', { kind: 'event' }, ['eventKind']],
    ['an event kind on a call', { kind: 'call', eventKind: 'job-fair' }, ['eventKind']],
    ['a contact in the future', { occurredOn: daysAgo(-1) }, ['occurredOn']],
    ['a next step before the contact', { nextStepOn: daysAgo(30) }, ['nextStepOn']],
    ['unknown kind and outcome, a bad staff id', { kind: 'telegram', outcome: 'maybe', staffId: 'jens' }, ['kind', 'outcome', 'staffId']],
    ['citizen and opening ids that are no uuids', { citizenIds: ['x'], openingIds: 'y' }, ['citizenIds', 'openingIds']],
  ])('%s → 400 naming the fields, nothing written', async (_case, overrides, fields) => {
    const company = await registerCompany();
    const [contacts, outbox] = [await rowCount('company_contact'), await rowCount('outbox')];
    const response = await api()
      .post(`/companies/${company.id}/contacts`, { kind: 'meeting', occurredOn: daysAgo(3), staffId, outcome: 'interested', ...overrides })
      .expect(400);
    expect(fieldsOf(response.body)).toEqual(fields);
    expect([await rowCount('company_contact'), await rowCount('outbox')]).toEqual([contacts, outbox]);
  });

  it('names the citizens and openings it was about, which must be the tenant’s (409 and nothing written otherwise)', async () => {
    const company = await registerCompany();
    const citizenId = await testbed.knownCitizen();
    const opening = await testbed.publishOpening(company.id);
    const body = { kind: 'event', eventKind: 'company-visit-with-citizens', occurredOn: daysAgo(1), staffId, outcome: 'placement-agreed' };
    const logged = await api().post(`/companies/${company.id}/contacts`, { ...body, citizenIds: [citizenId, citizenId], openingIds: [opening.id] }).expect(201);
    expect(logged.body).toMatchObject({ citizenIds: [citizenId], openingIds: [opening.id] });
    const [event] = (await testbed.probe.waitFor(ContactLogged, company.id)).filter((e) => e.data.contactId === logged.body.id);
    expect(event.data).toMatchObject({ citizenIds: [citizenId], openingIds: [opening.id] });

    const elsewhere = await testbed.knownCitizen(SLAGELSE);
    const [contacts, outbox] = [await rowCount('company_contact'), await rowCount('outbox')];
    const unknownCitizen = await api().post(`/companies/${company.id}/contacts`, { ...body, citizenIds: [citizenId, elsewhere] }).expect(409);
    expect(unknownCitizen.body).toMatchObject({ code: 'citizen-unknown', detail: expect.stringContaining(elsewhere) });
    const unknownOpening = await api().post(`/companies/${company.id}/contacts`, { ...body, openingIds: [UNKNOWN_ID] }).expect(409);
    expect(unknownOpening.body.code).toBe('opening-unknown');
    expect([await rowCount('company_contact'), await rowCount('outbox')]).toEqual([contacts, outbox]);
  });

  it('answers a retry with the same Idempotency-Key with the first answer and one event', async () => {
    const company = await registerCompany();
    const body = { kind: 'email', occurredOn: daysAgo(0), staffId, outcome: 'opening-offered' };
    const first = await api().post(`/companies/${company.id}/contacts`, body, 'contact-retry-1').expect(201);
    const retry = await api().post(`/companies/${company.id}/contacts`, body, 'contact-retry-1').expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect((await api().get(`/companies/${company.id}/contacts`).expect(200)).body).toHaveLength(1);
  });

  it('answers 404 for contacts with an unknown or another tenant’s company', async () => {
    const other = await registerCompany(SLAGELSE);
    const body = { kind: 'call', occurredOn: daysAgo(0), staffId: randomUUID(), outcome: 'interested' };
    await api().post(`/companies/${other.id}/contacts`, body).expect(404);
    await api().post(`/companies/${UNKNOWN_ID}/contacts`, body).expect(404);
    await api().get(`/companies/${other.id}/contacts`).expect(404);
  });
});
