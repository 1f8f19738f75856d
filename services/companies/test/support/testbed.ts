import { randomUUID } from 'node:crypto';
import { CitizenExited, CitizenRegistered, CompaniesStream, PayloadOf, StreamDefinition } from '@fremskudt/contracts';
import { fieldsOf, KBH, serviceTestbed, SLAGELSE, UNKNOWN_ID } from '@fremskudt/testing';
import { AppModule, companiesService } from '../../src/app.module';
import type { CompanyView } from '../../src/companies/company.dto';
import type { OpeningView } from '../../src/openings/opening.dto';
import { uniqueCvr } from './cvr-numbers';

/**
 * The harness of the companies integration suites (real PostgreSQL and Kafka): one companies
 * service and one event probe per test file, a tenant-scoped HTTP client, CVR numbers that are
 * valid and new to the file, and companies registered through the API.
 */

export { fieldsOf, KBH, SLAGELSE, UNKNOWN_ID, uniqueCvr };

export interface CompaniesTestbedOptions {
  /** The stream the event probe collects from its beginning: the companies stream unless said; `false` for no probe. */
  probe?: StreamDefinition | false;
}

export function companiesTestbed(label: string, options: CompaniesTestbedOptions = {}) {
  const testbed = serviceTestbed(label, companiesService, AppModule.forRoot, { probe: options.probe ?? CompaniesStream });
  const { api, inspect } = testbed;
  let companiesRegistered = 0;

  /** Registers a company (201) with a new CVR number and name, and answers the view. */
  const registerCompany = async (tenant = KBH, overrides: Record<string, unknown> = {}): Promise<CompanyView> => {
    companiesRegistered += 1;
    const body = { cvr: uniqueCvr(), name: `Virksomhed ${companiesRegistered}`, branchCode: 'kitchen-canteen', areaCode: 'tingbjerg', ...overrides };
    return (await api(tenant).post('/companies', body).expect(201)).body;
  };

  /** A citizen as caseload registers one (CitizenRegistered on the citizens topic), once this service knows it. */
  const knownCitizen = async (tenant = KBH, areaCode = 'tingbjerg', overrides: Partial<PayloadOf<typeof CitizenRegistered>> = {}): Promise<string> => {
    const citizenId = overrides.citizenId ?? randomUUID();
    const payload: PayloadOf<typeof CitizenRegistered> = {
      citizenId,
      periodId: randomUUID(),
      periodOpenedOn: '2026-01-05',
      birthDate: '1988-04-12',
      areaCode,
      benefitType: 'cash-benefit',
      readiness: 'activity-ready',
      matchGroup: null,
      step: null,
      interpreterNeeded: false,
      registeredAt: new Date().toISOString(),
      ...overrides,
    };
    await testbed.play(tenant, [{ contract: CitizenRegistered, payload }]);
    await testbed.eventually(`SELECT 1 FROM known_citizen WHERE citizen_id = $1`, [citizenId], (rows) => rows.length === 1, `citizen ${citizenId} known`);
    return citizenId;
  };

  /** The citizen leaves the outreach team (CitizenExited), once this service has seen it. */
  const exitCitizen = async (citizenId: string, tenant = KBH): Promise<void> => {
    const payload: PayloadOf<typeof CitizenExited> = { citizenId, periodId: randomUUID(), reason: 'job', exitDate: '2026-02-01', positive: true };
    await testbed.play(tenant, [{ contract: CitizenExited, payload }]);
    await testbed.eventually(`SELECT active FROM known_citizen WHERE citizen_id = $1`, [citizenId], (rows) => rows[0]?.active === false, `citizen ${citizenId} exited`);
  };

  /** Publishes an opening of the company (201) and answers the view. */
  const publishOpening = async (companyId: string, tenant = KBH, overrides: Record<string, unknown> = {}): Promise<OpeningView> => {
    const body = { openingType: 'internship-slot', title: 'Køkkenmedhjælper', hoursPerWeek: 25, ...overrides };
    return (await api(tenant).post(`/companies/${companyId}/openings`, body).expect(201)).body;
  };

  /** Row count of a table as superuser (all tenants): to show that a refused command wrote nothing. */
  const rowCount = async (table: string): Promise<number> => (await inspect<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  return {
    get service() {
      return testbed.service;
    },
    get probe() {
      return testbed.probe;
    },
    prefix: testbed.prefix,
    api,
    inspect,
    play: testbed.play,
    eventually: testbed.eventually,
    outboxTypes: testbed.outboxTypes,
    openApiDocument: testbed.openApiDocument,
    registerCompany,
    knownCitizen,
    exitCitizen,
    publishOpening,
    rowCount,
  };
}

export type CompaniesTestbed = ReturnType<typeof companiesTestbed>;
