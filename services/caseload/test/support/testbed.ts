import { CitizensStream, StreamDefinition } from '@fremskudt/contracts';
import { fieldsOf, KBH, serviceTestbed, SLAGELSE, UNKNOWN_ID } from '@fremskudt/testing';
import { AppModule, caseloadService } from '../../src/app.module';
import { copenhagenToday } from '../../src/case/calendar';
import type { CitizenView } from '../../src/citizens/register-citizen.dto';

/**
 * The shared harness of the caseload integration suites (real PostgreSQL and Kafka): one service
 * and one event probe per test file, a tenant-scoped HTTP client, and citizens with CPR numbers
 * that are valid and new to the file.
 */

export { fieldsOf, KBH, SLAGELSE, UNKNOWN_ID };

let cprsIssued = 0;

/**
 * A CPR number DDMMYY-SSSS with a real birth date, never issued before in this test file. Without
 * a birth date (YYYY-MM-DD) each number takes the next day from 2 January 1960. The 7th digit fixes
 * the century: 3 for the 1900s (0-3 always mean 1900-1999), 4 for 2000-2036.
 */
export function uniqueCpr(birthDate?: string): string {
  cprsIssued += 1;
  const date = birthDate ?? new Date(Date.UTC(1960, 0, 1 + cprsIssued)).toISOString().slice(0, 10);
  const [, yyyy, mm, dd] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) ?? [];
  const year = Number(yyyy);
  if (!(year >= 1900 && year <= 2036)) throw new Error(`uniqueCpr: no 7th digit for a birth date in ${date}`);
  const centuryDigit = year <= 1999 ? '3' : '4';
  return `${dd}${mm}${yyyy.slice(2)}-${centuryDigit}${String(cprsIssued % 1000).padStart(3, '0')}`;
}

/** Fields of the registration to set instead of the defaults; `birthDate` picks the CPR number's date. */
export type CitizenOverrides = { birthDate?: string } & Record<string, unknown>;

export interface CaseloadTestbedOptions {
  /** The stream the event probe collects from its beginning: the citizens stream unless said; `false` for no probe. */
  probe?: StreamDefinition | false;
}

/**
 * Starts the caseload service (and an event probe) in `beforeAll` and stops them in `afterAll` of the
 * enclosing describe block. `label` names the suite's topics. The service and the probe are there
 * from `beforeAll` on: read them as `testbed.service` and `testbed.probe` inside hooks and tests.
 */
export function caseloadTestbed(label: string, options: CaseloadTestbedOptions = {}) {
  const testbed = serviceTestbed(label, caseloadService, AppModule.forRoot, { probe: options.probe ?? CitizensStream });
  const { api, inspect } = testbed;
  let citizensRegistered = 0;

  /** Registers a citizen (201) and answers the view the API returned. */
  const registerCitizenView = async (tenant = KBH, { birthDate, ...overrides }: CitizenOverrides = {}): Promise<CitizenView> => {
    citizensRegistered += 1;
    const body = {
      cpr: uniqueCpr(birthDate),
      name: `Borger ${citizensRegistered}`,
      areaCode: 'tingbjerg',
      benefitType: 'cash-benefit',
      readiness: 'activity-ready',
      ...overrides,
    };
    return (await api(tenant).post('/citizens', body).expect(201)).body;
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
    registerCitizenView,
    /** Registers a citizen (201) and answers the new citizen's id. */
    registerCitizen: async (tenant = KBH, overrides: CitizenOverrides = {}): Promise<string> => (await registerCitizenView(tenant, overrides)).id,
    inspect,
    /** Leaves a citizen as an exit would (exited, the open case period closed today), without the exit command or its event. */
    markExited: async (citizenId: string, exitReason = 'moved'): Promise<void> => {
      await inspect(`UPDATE citizen SET status = 'exited' WHERE id = $1`, [citizenId]);
      await inspect(`UPDATE case_period SET closed_on = $2, exit_reason = $3 WHERE citizen_id = $1 AND closed_on IS NULL`, [
        citizenId,
        copenhagenToday(),
        exitReason,
      ]);
    },
    openApiDocument: testbed.openApiDocument,
  };
}

export type CaseloadTestbed = ReturnType<typeof caseloadTestbed>;
