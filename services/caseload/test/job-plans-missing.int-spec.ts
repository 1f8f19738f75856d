import { copenhagenToday } from '../src/case/calendar';
import { caseloadTestbed, fieldsOf, KBH } from './support/testbed';

/**
 * "Everyone aged 18-60 on benefit must have a job plan": the citizens who lack one on a date.
 * The date is fixed (15 June 2024) and the birth dates sit on both sides of the 18th and 61st
 * birthdays, so the ages are 17, 18, 60 and 61 on it whatever day the test runs.
 */
const DATE = '2024-06-15';

describe('caseload: citizens without a job plan (real PostgreSQL and Kafka)', () => {
  const { api, registerCitizen, inspect } = caseloadTestbed('job-plans-missing', { probe: false });
  const tenant = 'missing-plans';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const register = async (key: string, birthDate: string, name: string, areaCode = 'tingbjerg') => {
      ids[key] = await registerCitizen(tenant, { birthDate, name, areaCode });
    };
    await register('aged17', '2006-06-16', 'Ali Sytten'); // 18 tomorrow
    await register('aged18', '2006-06-15', 'Bea Atten'); // 18 today
    await register('aged60', '1963-06-16', 'Carl Tres'); // 61 tomorrow
    await register('aged61', '1963-06-15', 'Dina Enogtres'); // 61 today
    await register('withPlan', '1990-01-01', 'Emil Plan');
    await register('planAfterDate', '1990-01-01', 'Fatima Senere');
    await register('otherArea', '1990-02-02', 'Gustav Urban', 'urbanplanen');
    await register('exited', '1990-03-03', 'Hanne Afgået');
    await register('planInOldPeriod', '1990-04-04', 'Ib Genindskrevet');

    const plan = (citizenId: string, createdOn: string) =>
      api(tenant).post(`/citizens/${citizenId}/job-plans`, { goals: [{ kind: 'job', description: 'Job', targetDate: '2025-01-01' }], createdOn }).expect(201);
    await plan(ids.withPlan, '2024-06-15'); // on the date itself: has a plan
    await plan(ids.planAfterDate, '2024-06-16');
    await plan(ids.planInOldPeriod, '2024-01-10');
    // Exit (the exits package owns the command): no longer on benefit with us.
    await inspect(`UPDATE citizen SET status = 'exited' WHERE id = $1`, [ids.exited]);
    // Re-entry: a new case period; the old period's plan doesn't count.
    await inspect(`UPDATE case_period SET closed_on = '2024-02-01', exit_reason = 'moved' WHERE citizen_id = $1`, [ids.planInOldPeriod]);
    await inspect(
      `WITH p AS (INSERT INTO case_period (id, tenant_id, citizen_id, opened_on)
                  SELECT gen_random_uuid(), tenant_id, id, '2024-03-01' FROM citizen WHERE id = $1 RETURNING id)
       UPDATE citizen SET current_period_id = (SELECT id FROM p) WHERE id = $1`,
      [ids.planInOldPeriod],
    );
  });

  const missing = (query: Record<string, string>, tenantId = tenant) => api(tenantId).get('/job-plans/missing').query(query);

  it('lists active citizens aged 18 to 60 inclusive without a plan made on or before the date in their current period', async () => {
    const response = await missing({ date: DATE }).expect(200);
    expect(response.body).toEqual({
      date: DATE,
      count: 5,
      citizens: [
        { id: ids.aged18, name: 'Bea Atten', areaCode: 'tingbjerg', age: 18 },
        { id: ids.aged60, name: 'Carl Tres', areaCode: 'tingbjerg', age: 60 },
        { id: ids.planAfterDate, name: 'Fatima Senere', areaCode: 'tingbjerg', age: 34 },
        { id: ids.planInOldPeriod, name: 'Ib Genindskrevet', areaCode: 'tingbjerg', age: 34 },
        { id: ids.otherArea, name: 'Gustav Urban', areaCode: 'urbanplanen', age: 34 },
      ].sort((a, b) => a.areaCode.localeCompare(b.areaCode) || a.name.localeCompare(b.name)),
    });
  });

  it('moves with the date: a day later the 17-year-old is 18, the 60-year-old 61, and the later plan exists', async () => {
    const response = await missing({ date: '2024-06-16' }).expect(200);
    const byId = Object.fromEntries(response.body.citizens.map((c: { id: string; age: number }) => [c.id, c.age]));
    expect(byId).toEqual({ [ids.aged17]: 18, [ids.aged18]: 18, [ids.planInOldPeriod]: 34, [ids.otherArea]: 34 });
    expect(response.body.count).toBe(4);
  });

  it('a day earlier the 18-year-old is 17 and the 61-year-old 60, and the plan made on the 15th is not made yet', async () => {
    const response = await missing({ date: '2024-06-14' }).expect(200);
    const byId = Object.fromEntries(response.body.citizens.map((c: { id: string; age: number }) => [c.id, c.age]));
    expect(byId).toEqual({
      [ids.aged60]: 60,
      [ids.aged61]: 60,
      [ids.withPlan]: 34,
      [ids.planAfterDate]: 34,
      [ids.planInOldPeriod]: 34,
      [ids.otherArea]: 34,
    });
  });

  it('filters by area', async () => {
    const response = await missing({ date: DATE, areaCode: 'urbanplanen' }).expect(200);
    expect(response.body).toEqual({ date: DATE, count: 1, citizens: [{ id: ids.otherArea, name: 'Gustav Urban', areaCode: 'urbanplanen', age: 34 }] });
  });

  it("defaults to today, and shows no other tenant's citizens", async () => {
    const today = await missing({}).expect(200);
    expect(today.body.date).toBe(copenhagenToday());
    const other = await missing({ date: DATE }, KBH).expect(200);
    expect(other.body).toEqual({ date: DATE, count: 0, citizens: [] });
  });

  it('refuses a bad date or area code with 400 naming the parameter', async () => {
    const response = await missing({ date: '2024-02-30', areaCode: 'Tingbjerg!' }).expect(400);
    expect(fieldsOf(response.body)).toEqual(['areaCode', 'date']);
    await missing({ date: '15-06-2024' }).expect(400);
  });
});
