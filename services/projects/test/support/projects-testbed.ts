import { randomUUID } from 'node:crypto';
import { CitizenRegistered, PayloadOf, ProjectsStream, StreamDefinition } from '@fremskudt/contracts';
import { fieldsOf, KBH, serviceTestbed, SLAGELSE, UNKNOWN_ID } from '@fremskudt/testing';
import { AppModule, projectsService } from '../../src/app.module';
import type { PartnerView } from '../../src/projects/partners.dto';
import type { ProjectView } from '../../src/projects/projects.dto';

/**
 * The harness of the projects integration suites (real PostgreSQL and Kafka): one projects service
 * and one event probe (the projects stream) per test file, a tenant-scoped HTTP client, and
 * projects and partners with codes new to the file.
 */

export { fieldsOf, KBH, SLAGELSE, UNKNOWN_ID };

export interface ProjectsTestbedOptions {
  /** The stream the event probe collects from its beginning: the projects stream unless said; `false` for no probe. */
  probe?: StreamDefinition | false;
}

/** A small project of its own: two phases, an exam milestone that completes the second. */
export const simpleProjectBody = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  name: `Projekt ${code}`,
  startDate: '2007-11-01',
  areaCodes: ['tingbjerg'],
  phases: [
    { code: 'intro', name: 'Introduktion', plannedWeeks: 4, completedBy: 'duration' },
    { code: 'training', name: 'Oplæring', completedBy: 'milestone', completionMilestoneCode: 'exam' },
  ],
  milestones: [{ code: 'exam', name: 'Eksamen', kind: 'exam', phaseCode: 'training' }],
  ...overrides,
});

export function projectsTestbed(label: string, options: ProjectsTestbedOptions = {}) {
  const testbed = serviceTestbed(label, projectsService, AppModule.forRoot, { probe: options.probe ?? ProjectsStream });
  const { api } = testbed;
  let codesIssued = 0;
  const nextCode = (stem: string) => `${stem}-${++codesIssued}`;

  /** Creates a project of its own (201) with a code new to the file. */
  const createProject = async (tenant = KBH, overrides: Record<string, unknown> = {}): Promise<ProjectView> =>
    (await api(tenant).post('/projects', simpleProjectBody(nextCode('projekt'), overrides)).expect(201)).body;

  /** Instantiates a template (201) with a code new to the file. */
  const createFromTemplate = async (templateCode: string, tenant = KBH, overrides: Record<string, unknown> = {}): Promise<ProjectView> =>
    (await api(tenant).post('/projects/from-template', { templateCode, code: nextCode(templateCode), startDate: '2007-11-01', areaCodes: ['tingbjerg'], ...overrides }).expect(201))
      .body;

  const createPartner = async (tenant = KBH, overrides: Record<string, unknown> = {}): Promise<PartnerView> =>
    (await api(tenant).post('/partners', { code: nextCode('partner'), name: 'FOA', kind: 'union', ...overrides }).expect(201)).body;

  /** A citizen as caseload registers one (CitizenRegistered), once this service has them in its read model. */
  const registerCitizen = async (tenant = KBH, overrides: Partial<PayloadOf<typeof CitizenRegistered>> = {}): Promise<string> => {
    const citizenId = overrides.citizenId ?? randomUUID();
    const payload: PayloadOf<typeof CitizenRegistered> = {
      citizenId,
      periodId: randomUUID(),
      periodOpenedOn: '2007-06-01',
      birthDate: '1970-03-15',
      areaCode: 'tingbjerg',
      benefitType: 'cash-benefit',
      readiness: 'activity-ready',
      matchGroup: 3,
      step: 1,
      interpreterNeeded: false,
      registeredAt: '2007-06-01T09:00:00.000Z',
      ...overrides,
    };
    await testbed.play(tenant, [{ contract: CitizenRegistered, payload }]);
    await testbed.eventually(`SELECT 1 FROM citizen WHERE citizen_id = $1`, [citizenId], (rows) => rows.length === 1, `citizen ${citizenId} in the read model`);
    return citizenId;
  };

  /** Enrols a citizen (201) and answers the enrolment's id. */
  const enrol = async (projectId: string, citizenId: string, enrolledOn = '2007-11-15', tenant = KBH): Promise<string> =>
    (await api(tenant).post(`/projects/${projectId}/enrolments`, { citizenId, enrolledOn }).expect(201)).body.id;

  const count = async (table: string, tenant = KBH): Promise<number> =>
    (await testbed.inspect<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenant]))[0].n;

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
    eventually: testbed.eventually,
    play: testbed.play,
    outboxTypes: testbed.outboxTypes,
    openApiDocument: testbed.openApiDocument,
    nextCode,
    createProject,
    createFromTemplate,
    createPartner,
    registerCitizen,
    enrol,
    /** Rows of a tenant table for a tenant: "nothing written" checks. */
    count,
  };
}

export type ProjectsTestbed = ReturnType<typeof projectsTestbed>;
