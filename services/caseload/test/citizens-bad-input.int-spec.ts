import request from 'supertest';
import { caseloadTestbed, fieldsOf } from './support/testbed';
import { asUser } from '@fremskudt/testing';

const valid = { cpr: '010190-1234', name: 'Amina Hassan', areaCode: 'tingbjerg', benefitType: 'cash-benefit', readiness: 'activity-ready' };

describe('caseload: bad input is refused with every offending field named, and nothing is written', () => {
  const testbed = caseloadTestbed('caseload-bad', { probe: false });

  /** Every tenant's citizens and outbox rows (as superuser: RLS would hide them otherwise). */
  const rowsWritten = async () => {
    const [row] = await testbed.inspect(
      `SELECT (SELECT count(*) FROM citizen)::int AS citizens, (SELECT count(*) FROM outbox)::int AS events`,
    );
    return row;
  };

  const post = (body: unknown, language?: string) => {
    const req = testbed.api().post('/citizens', body as object);
    return language ? req.set('accept-language', language) : req;
  };

  it.each([
    ['an impossible date in the CPR number', { ...valid, cpr: '310290-1234' }, ['cpr']],
    ['a CPR number in the wrong format', { ...valid, cpr: '01-01-90-1234' }, ['cpr']],
    ['missing fields', { cpr: valid.cpr }, ['areaCode', 'benefitType', 'name', 'readiness']],
    ['unknown fields', { ...valid, favouriteColour: 'blue', notes: 'x' }, ['favouriteColour', 'notes']],
    ['wrong types', { ...valid, name: 42, cpr: 101901234, benefitType: ['cash-benefit'] }, ['benefitType', 'cpr', 'name']],
    ['a value outside the allowed list', { ...valid, readiness: 'ready-ish' }, ['readiness']],
  ])('%s → 400 naming %j', async (_case, body, fields) => {
    const response = await post(body).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 400, code: 'validation-failed', title: 'Ugyldige data' });
    expect(fieldsOf(response.body)).toEqual(fields);
  });

  it('answers in English when asked', async () => {
    const response = await post({ ...valid, extra: 1 }, 'en').expect(400);
    expect(response.body.title).toBe('Invalid input');
    expect(response.body.errors[0]).toMatchObject({ field: 'extra', code: 'whitelistValidation', message: 'unknown field' });
  });

  it('answers 400 for a body that is not JSON', async () => {
    await request(testbed.service.http).post('/citizens').use(asUser('kbh')).set('content-type', 'application/json').send('{"cpr":').expect(400);
  });

  it('wrote no citizen and no event for any refused request', async () => {
    expect(await rowsWritten()).toEqual({ citizens: 0, events: 0 });
    // The count is real: an accepted registration shows up in it.
    await post(valid).expect(201);
    expect(await rowsWritten()).toEqual({ citizens: 1, events: 1 });
  });

  it('never echoes the CPR number in an error', async () => {
    const response = await post({ ...valid, cpr: '310290-9876' }).expect(400);
    expect(JSON.stringify(response.body)).not.toContain('9876');
  });
});
