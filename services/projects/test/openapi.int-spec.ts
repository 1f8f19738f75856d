import { OpenApiDocument, openApiConventionViolations, openApiOperations, operationsNotLogged } from '@fremskudt/testing';
import { projectsTestbed } from './support/projects-testbed';

/** The REST API is the consultants' and partners' contract: every command documented alike. */
describe('projects: OpenAPI document', () => {
  const testbed = projectsTestbed('openapi', { probe: false });
  let paths: OpenApiDocument['paths'];

  beforeAll(async () => {
    paths = (await testbed.openApiDocument()).paths;
  });

  const named = (list: ReturnType<typeof openApiOperations>) => list.map(({ method, path }) => `${method} ${path}`);

  it('documents every part of the projects domain', () => {
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/templates',
        '/templates/{code}',
        '/partners',
        '/partners/{id}',
        '/projects',
        '/projects/from-template',
        '/projects/{id}',
        '/projects/{id}/goals',
        '/projects/{id}/partners',
        '/projects/{id}/information-meetings',
        '/projects/{id}/company-visits',
        '/projects/{id}/applications',
        '/applications/{id}/decision',
        '/projects/{id}/enrolments',
        '/projects/{id}/eligibility/{citizenId}',
        '/enrolments/{id}',
        '/enrolments/{id}/phases/{phaseCode}/start',
        '/enrolments/{id}/phases/{phaseCode}/complete',
        '/enrolments/{id}/milestones',
        '/enrolments/{id}/leave',
        '/enrolments/{id}/replacement',
        '/projects/{id}/figures',
      ]),
    );
  });

  it('gives every command an Idempotency-Key and a 400, every resource a 404, every operation a tag', () => {
    // The access log's purge is a job, not a command.
    const violations = openApiConventionViolations({ paths }, { notCommands: (path) => path.startsWith('/jobs/') });
    expect(violations.commands).toBeGreaterThanOrEqual(17);
    expect(violations).toEqual({ commands: violations.commands, withoutIdempotencyKey: [], without400: [], without404OnResource: [], untagged: [] });
  });

  it('documents 409 for the refusing commands (templates by code: 404 too)', () => {
    const operations = openApiOperations({ paths });
    const refusing = operations.filter(
      ({ method, path }) => method === 'post' && /enrolments|replacement|milestones|phases|leave|decision|information-meetings|applications|partners$/.test(path),
    );
    expect(named(refusing.filter(({ operation }) => !operation.responses['409']))).toEqual([]);
    expect(paths['/templates/{code}'].get.responses['404']).toBeDefined();
  });

  it('declares every endpoint that touches a participant’s or applicant’s data as logged (X-Purpose); projects, partners, meetings and figures name no citizen', () => {
    expect(operationsNotLogged({ paths })).toEqual([
      'GET /partners',
      'GET /partners/{id}',
      'GET /projects',
      'GET /projects/{id}',
      'GET /projects/{id}/company-visits',
      'GET /projects/{id}/figures',
      'GET /projects/{id}/information-meetings',
      'GET /templates',
      'GET /templates/{code}',
      'PATCH /partners/{id}',
      'PATCH /projects/{id}',
      'POST /jobs/access-log-purge',
      'POST /partners',
      'POST /projects',
      'POST /projects/from-template',
      'POST /projects/{id}/company-visits',
      'POST /projects/{id}/information-meetings',
      'POST /projects/{id}/partners',
      'PUT /projects/{id}/goals',
    ]);
  });
});
