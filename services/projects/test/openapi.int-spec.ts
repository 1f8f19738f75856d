import { OpenApiDocument, openApiConventionViolations, openApiOperations } from '@fremskudt/testing';
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
    const violations = openApiConventionViolations({ paths });
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
});
