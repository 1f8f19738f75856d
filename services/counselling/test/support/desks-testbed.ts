import { CounsellingDesksStream, PayloadOf, StaffMemberRegistered, StreamDefinition } from '@fremskudt/contracts';
import { fieldsOf, KBH, serviceTestbed, SLAGELSE, UNKNOWN_ID } from '@fremskudt/testing';
import { randomUUID } from 'node:crypto';
import { AppModule, counsellingService } from '../../src/app.module';
import type { DeskView } from '../../src/desks/desks.dto';

/**
 * The harness of the desks package's integration suites (real PostgreSQL and Kafka): one
 * counselling service and one event probe (the desks stream) per test file, a tenant-scoped
 * HTTP client, desks, and staff members played in as caseload's events.
 */

export { fieldsOf, KBH, SLAGELSE, UNKNOWN_ID };

/** Monday to Thursday 09:30-12:30: the Tingbjerg pattern. */
export const MORNINGS_MON_THU = [1, 2, 3, 4].map((weekday) => ({ weekday, opens: '09:30', closes: '12:30' }));

export interface DesksTestbedOptions {
  /** The stream the event probe collects from its beginning: the desks stream unless said; `false` for no probe. */
  probe?: StreamDefinition | false;
}

export function desksTestbed(label: string, options: DesksTestbedOptions = {}) {
  const testbed = serviceTestbed(label, counsellingService, AppModule.forRoot, { probe: options.probe ?? CounsellingDesksStream });
  const { api, play, eventually } = testbed;
  let desksCreated = 0;

  /** Creates a desk (201) with a name new to the file, and gives it a weekly schedule when one is given. */
  const createDesk = async (tenant = KBH, { weekly, ...overrides }: { weekly?: object[] } & Record<string, unknown> = {}): Promise<DeskView> => {
    desksCreated += 1;
    const body = { areaCode: 'tingbjerg', name: `Skranke ${desksCreated}`, location: 'Lokalkontoret', ...overrides };
    const desk = (await api(tenant).post('/desks', body).expect(201)).body as DeskView;
    if (weekly) await api(tenant).put(`/desks/${desk.id}/opening-hours`, { weekly }).expect(200);
    return desk;
  };

  /** A staff member as caseload registers one (StaffMemberRegistered), once this service has it in its read model. */
  const registerStaff = async (tenant = KBH, overrides: Partial<PayloadOf<typeof StaffMemberRegistered>> = {}): Promise<string> => {
    const staffId = overrides.staffId ?? randomUUID();
    const payload = {
      staffId,
      role: 'job-consultant' as const,
      teamCode: 'team-nordvest',
      areaCodes: ['tingbjerg'],
      caseloadCapacity: 15,
      registeredAt: new Date().toISOString(),
      ...overrides,
    };
    await play(tenant, [{ contract: StaffMemberRegistered, payload }]);
    await eventually(`SELECT id FROM staff_member WHERE id = $1`, [staffId], (rows) => rows.length === 1, `staff member ${staffId}`);
    return staffId;
  };

  return {
    get service() {
      return testbed.service;
    },
    get probe() {
      return testbed.probe;
    },
    prefix: testbed.prefix,
    api,
    inspect: testbed.inspect,
    createDesk,
    play,
    eventually,
    registerStaff,
    outboxTypes: testbed.outboxTypes,
    openApiDocument: testbed.openApiDocument,
  };
}

export type DesksTestbed = ReturnType<typeof desksTestbed>;
