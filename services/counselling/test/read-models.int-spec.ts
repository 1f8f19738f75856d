import { randomUUID } from 'node:crypto';
import {
  CitizenAreaChanged,
  CitizenExited,
  CitizenReentered,
  CitizenRegistered,
  EventContract,
  StaffLoginLinked,
  StaffMemberChanged,
  StaffMemberRegistered,
} from '@fremskudt/contracts';
import { UnitOfWork } from '@fremskudt/persistence';
import { activeStaffMember, hasCase } from '../src/desks/lookups';
import { desksTestbed, KBH, SLAGELSE } from './support/desks-testbed';

type Played = { contract: EventContract; payload: unknown; id: string };

describe("counselling: read models of caseload's citizens and staff (real PostgreSQL and Kafka)", () => {
  const testbed = desksTestbed('read-models', { probe: false });
  const { play, eventually, inspect } = testbed;

  const event = (contract: EventContract, payload: object): Played => ({ contract, payload, id: randomUUID() });
  const registered = (citizenId: string, areaCode = 'tingbjerg') =>
    event(CitizenRegistered, {
      citizenId,
      periodId: randomUUID(),
      periodOpenedOn: '2026-01-05',
      birthDate: '1980-04-01',
      areaCode,
      benefitType: 'cash-benefit',
      readiness: 'activity-ready',
      matchGroup: null,
      step: null,
      interpreterNeeded: false,
      registeredAt: '2026-01-05T09:00:00.000Z',
    });
  const areaChanged = (citizenId: string, from: string, to: string) => event(CitizenAreaChanged, { citizenId, from, to, effectiveDate: '2026-03-01' });
  const exited = (citizenId: string) => event(CitizenExited, { citizenId, periodId: randomUUID(), reason: 'job', exitDate: '2026-04-01', positive: true });
  const reentered = (citizenId: string, areaCode: string) =>
    event(CitizenReentered, {
      citizenId,
      periodId: randomUUID(),
      previousPeriodId: randomUUID(),
      reentryDate: '2026-06-01',
      areaCode,
      benefitType: 'cash-benefit',
      readiness: 'job-ready',
    });

  type CitizenRow = { tenant_id: string; area_code: string; active: boolean };
  const citizenRow = (citizenId: string, check: (row: CitizenRow | undefined) => boolean) =>
    eventually<CitizenRow>(`SELECT tenant_id, area_code, active FROM case_citizen WHERE citizen_id = $1`, [citizenId], (rows) => check(rows[0]), `case_citizen ${citizenId}`).then(
      (rows) => rows[0],
    );
  const lookup = <T>(tenant: string, work: Parameters<UnitOfWork['run']>[0]) => testbed.service.app.get(UnitOfWork).runForTenant(tenant, work) as Promise<T>;

  it("follows a citizen's case through registration, area change, exit and re-entry", async () => {
    const citizenId = randomUUID();
    await play(KBH, [registered(citizenId)]);
    expect(await citizenRow(citizenId, (row) => row !== undefined)).toEqual({ tenant_id: KBH, area_code: 'tingbjerg', active: true });
    expect(await lookup<boolean>(KBH, (manager) => hasCase(manager, citizenId))).toBe(true);

    await play(KBH, [areaChanged(citizenId, 'tingbjerg', 'urbanplanen')]);
    expect(await citizenRow(citizenId, (row) => row?.area_code === 'urbanplanen')).toMatchObject({ active: true });

    await play(KBH, [exited(citizenId)]);
    expect(await citizenRow(citizenId, (row) => row?.active === false)).toMatchObject({ area_code: 'urbanplanen' });
    expect(await lookup<boolean>(KBH, (manager) => hasCase(manager, citizenId))).toBe(false);

    await play(KBH, [reentered(citizenId, 'akacieparken')]);
    expect(await citizenRow(citizenId, (row) => row?.active === true)).toEqual({ tenant_id: KBH, area_code: 'akacieparken', active: true });
    expect(await lookup<boolean>(KBH, (manager) => hasCase(manager, citizenId))).toBe(true);
  });

  it('a redelivered event (same id) changes nothing, and a replay of the whole history ends in the same state', async () => {
    const citizenId = randomUUID();
    const history = [registered(citizenId), areaChanged(citizenId, 'tingbjerg', 'hothers-plads'), exited(citizenId)];
    await play(KBH, history);
    await citizenRow(citizenId, (row) => row?.active === false);

    // The registration again, then a later fact: once the later fact shows, the duplicate has been handled (same key, in order).
    await play(KBH, [history[0], areaChanged(citizenId, 'hothers-plads', 'aldersrogade')]);
    expect(await citizenRow(citizenId, (row) => row?.area_code === 'aldersrogade')).toMatchObject({ active: false });
    const processed = await inspect(`SELECT event_id FROM processed_event WHERE event_id = $1`, [history[0].id]);
    expect(processed).toHaveLength(1);

    // A replay with new ids (e.g. a topic replayed to a new consumer group) is upserts in order: the same end state.
    const replay = [registered(citizenId), areaChanged(citizenId, 'tingbjerg', 'aldersrogade'), exited(citizenId)];
    await play(KBH, replay);
    await eventually(`SELECT 1 FROM processed_event WHERE event_id = $1`, [replay[2].id], (rows) => rows.length === 1);
    expect(await citizenRow(citizenId, () => true)).toEqual({ tenant_id: KBH, area_code: 'aldersrogade', active: false });
    expect(await inspect(`SELECT citizen_id FROM case_citizen WHERE citizen_id = $1`, [citizenId])).toHaveLength(1);
  });

  it("keeps each tenant's citizens to itself", async () => {
    const citizenId = randomUUID();
    await play(SLAGELSE, [registered(citizenId, 'nordbyen')]);
    expect(await citizenRow(citizenId, (row) => row !== undefined)).toEqual({ tenant_id: SLAGELSE, area_code: 'nordbyen', active: true });
    expect(await lookup<boolean>(SLAGELSE, (manager) => hasCase(manager, citizenId))).toBe(true);
    expect(await lookup<boolean>(KBH, (manager) => hasCase(manager, citizenId))).toBe(false);
  });

  it('an exit of a citizen never registered here makes no row', async () => {
    const citizenId = randomUUID();
    const exit = exited(citizenId);
    await play(KBH, [exit]);
    await eventually(`SELECT 1 FROM processed_event WHERE event_id = $1`, [exit.id], (rows) => rows.length === 1);
    expect(await inspect(`SELECT citizen_id FROM case_citizen WHERE citizen_id = $1`, [citizenId])).toEqual([]);
  });

  describe('staff', () => {
    type StaffRow = { tenant_id: string; role: string; team_code: string; area_codes: string[]; active: boolean };
    const staffRow = (staffId: string, check: (row: StaffRow | undefined) => boolean) =>
      eventually<StaffRow>(`SELECT tenant_id, role, team_code, area_codes, active FROM staff_member WHERE id = $1`, [staffId], (rows) => check(rows[0])).then((rows) => rows[0]);
    const registeredStaff = (staffId: string) =>
      event(StaffMemberRegistered, {
        staffId,
        role: 'mentor',
        teamCode: 'team-syd',
        areaCodes: ['urbanplanen', 'akacieparken'],
        caseloadCapacity: 15,
        registeredAt: '2026-01-05T09:00:00.000Z',
      });
    const changedStaff = (staffId: string, active: boolean, areaCodes = ['urbanplanen']) =>
      event(StaffMemberChanged, { staffId, teamCode: 'team-syd', areaCodes, caseloadCapacity: 20, active, changedAt: '2026-02-01T09:00:00.000Z' });

    it('registers and changes staff members; a leaver is no longer an active staff member', async () => {
      const staffId = randomUUID();
      const registration = registeredStaff(staffId);
      await play(KBH, [registration]);
      expect(await staffRow(staffId, (row) => row !== undefined)).toEqual({
        tenant_id: KBH,
        role: 'mentor',
        team_code: 'team-syd',
        area_codes: ['urbanplanen', 'akacieparken'],
        active: true,
      });
      expect(await lookup(KBH, (manager) => activeStaffMember(manager, staffId))).toMatchObject({ id: staffId, role: 'mentor' });

      await play(KBH, [changedStaff(staffId, false)]);
      expect(await staffRow(staffId, (row) => row?.active === false)).toMatchObject({ role: 'mentor', area_codes: ['urbanplanen'] });
      expect(await lookup(KBH, (manager) => activeStaffMember(manager, staffId))).toBeNull();

      // The registration redelivered, then a later change: the duplicate does not bring the leaver back.
      await play(KBH, [registration, changedStaff(staffId, false, ['akacieparken'])]);
      expect(await staffRow(staffId, (row) => row?.area_codes[0] === 'akacieparken')).toMatchObject({ active: false });
      expect(await lookup(SLAGELSE, (manager) => activeStaffMember(manager, staffId))).toBeNull();
    });

    it('a change of a staff member whose registration never arrived keeps them, role unknown', async () => {
      const staffId = randomUUID();
      await play(KBH, [changedStaff(staffId, true)]);
      expect(await staffRow(staffId, (row) => row !== undefined)).toMatchObject({ role: 'unknown', team_code: 'team-syd', active: true });
    });

    it('keeps the login a staff member signs in with (StaffLoginLinked), moved and removed in order', async () => {
      const staffId = randomUUID();
      const linked = (loginSubject: string | null) => event(StaffLoginLinked, { staffId, loginSubject, linkedAt: '2026-02-01T09:00:00.000Z' });
      const loginOf = (check: (subject: string | null | undefined) => boolean) =>
        eventually<{ login_subject: string | null }>(`SELECT login_subject FROM staff_member WHERE id = $1`, [staffId], (rows) => check(rows[0]?.login_subject));
      await play(KBH, [registeredStaff(staffId), linked('mentor-login'), linked('mentor-ny-login')]);
      await loginOf((subject) => subject === 'mentor-ny-login');
      await play(KBH, [linked(null)]);
      expect(await loginOf((subject) => subject === null)).toEqual([{ login_subject: null }]);
    });
  });
});
