import { randomUUID } from 'node:crypto';
import { CitizenAreaChanged, CitizenExited, CitizenReentered, CitizenRegistered } from '@fremskudt/contracts';
import { companiesTestbed, KBH, SLAGELSE } from './support/testbed';

const registered = (citizenId: string, areaCode = 'tingbjerg') => ({
  contract: CitizenRegistered,
  payload: {
    citizenId,
    periodId: randomUUID(),
    periodOpenedOn: '2026-01-05',
    birthDate: '1990-02-03',
    areaCode,
    benefitType: 'cash-benefit',
    readiness: 'job-ready',
    matchGroup: 2,
    step: 1,
    interpreterNeeded: true,
    registeredAt: new Date().toISOString(),
  },
});

describe('companies: the citizens it knows, from caseload’s citizens topic (real PostgreSQL and Kafka)', () => {
  const testbed = companiesTestbed('citizens', { probe: false });
  const { play, eventually, inspect } = testbed;

  const rowOf = (citizenId: string) =>
    inspect<{ tenant_id: string; area_code: string; active: boolean }>(`SELECT tenant_id, area_code, active FROM known_citizen WHERE citizen_id = $1`, [citizenId]);
  const until = (citizenId: string, check: (row: { area_code: string; active: boolean } | undefined) => boolean) =>
    eventually<{ area_code: string; active: boolean }>(`SELECT area_code, active FROM known_citizen WHERE citizen_id = $1`, [citizenId], (rows) => check(rows[0]));

  it('follows a citizen through registration, a move, an exit and a re-entry', async () => {
    const citizenId = randomUUID();
    await play(KBH, [registered(citizenId)]);
    await until(citizenId, (row) => row?.active === true);
    expect(await rowOf(citizenId)).toEqual([{ tenant_id: KBH, area_code: 'tingbjerg', active: true }]);

    await play(KBH, [{ contract: CitizenAreaChanged, payload: { citizenId, from: 'tingbjerg', to: 'urbanplanen', effectiveDate: '2026-02-01' } }]);
    await until(citizenId, (row) => row?.area_code === 'urbanplanen');

    await play(KBH, [{ contract: CitizenExited, payload: { citizenId, periodId: randomUUID(), reason: 'job', exitDate: '2026-03-01', positive: true } }]);
    await until(citizenId, (row) => row?.active === false);
    expect(await rowOf(citizenId)).toEqual([{ tenant_id: KBH, area_code: 'urbanplanen', active: false }]);

    await play(KBH, [
      {
        contract: CitizenReentered,
        payload: { citizenId, periodId: randomUUID(), previousPeriodId: randomUUID(), reentryDate: '2026-06-01', areaCode: 'akacieparken', benefitType: 'cash-benefit', readiness: 'activity-ready' },
      },
    ]);
    await until(citizenId, (row) => row?.active === true && row.area_code === 'akacieparken');
  });

  it('keeps each citizen in the tenant of the message, and applies a redelivered event once', async () => {
    const citizenId = randomUUID();
    const event = registered(citizenId, 'nordbyen');
    const id = randomUUID();
    await play(SLAGELSE, [{ ...event, id }, { ...event, id }]);
    await until(citizenId, (row) => row !== undefined);
    expect(await rowOf(citizenId)).toEqual([{ tenant_id: SLAGELSE, area_code: 'nordbyen', active: true }]);
    await eventually(`SELECT count(*)::int AS n FROM processed_event WHERE event_id = $1`, [id], (rows) => rows[0].n === 1);
  });

  it('ignores an exit of a citizen it never knew (no row made)', async () => {
    const stranger = randomUUID();
    const id = randomUUID();
    await play(KBH, [{ id, contract: CitizenExited, payload: { citizenId: stranger, periodId: randomUUID(), reason: 'moved', exitDate: '2026-03-01', positive: false } }]);
    await eventually(`SELECT 1 FROM processed_event WHERE event_id = $1`, [id], (rows) => rows.length === 1);
    expect(await rowOf(stranger)).toEqual([]);
  });
});
