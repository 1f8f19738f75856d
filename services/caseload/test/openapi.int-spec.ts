import request from 'supertest';
import { OpenApiDocument, openApiConventionViolations, startTestService, TestService, uniqueTopicPrefix } from '@fremskudt/testing';
import { AppModule, caseloadService } from '../src/app.module';

/** The REST API is the consultants' and integrators' contract: every command documented alike. */
describe('caseload: OpenAPI document', () => {
  let service: TestService;
  let paths: OpenApiDocument['paths'];

  beforeAll(async () => {
    service = await startTestService(caseloadService, AppModule.forRoot, { topicPrefix: uniqueTopicPrefix('openapi') });
    paths = (await request(service.http).get('/docs-json').expect(200)).body.paths;
  });
  afterAll(() => service?.dispose());

  it('documents every part of the caseload domain', () => {
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/citizens',
        '/citizens/{id}',
        '/citizens/{id}/exit',
        '/citizens/{id}/reentry',
        '/citizens/{id}/timeline',
        '/staff',
        '/citizens/{id}/consultant',
        '/citizens/{id}/job-plans',
        '/job-plans/missing',
        '/citizens/{id}/offers',
        '/citizens/{id}/summons',
        '/tasks',
        '/citizens/{id}/progression-assessments',
        '/citizens/{id}/hours-rule-risk',
        '/citizens/{id}/home-visits',
        '/citizens/{id}/round-table-meetings',
        '/settings',
      ]),
    );
  });

  it('gives every command an Idempotency-Key and a 400, every resource a 404, every operation a tag', () => {
    // Jobs, and the citizen search that is a POST only so a CPR number never stands in a URL.
    const violations = openApiConventionViolations({ paths }, { notCommands: (path) => path.startsWith('/jobs/') || path === '/citizens/search' });
    expect(violations.commands).toBeGreaterThan(20);
    expect(violations).toEqual({ commands: violations.commands, withoutIdempotencyKey: [], without400: [], without404OnResource: [], untagged: [] });
  });

  it('declares every endpoint that touches a citizen’s personal data as logged (X-Purpose); the rest names no citizen', () => {
    const operations = Object.entries(paths)
      .filter(([path]) => !path.startsWith('/health'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })));
    const notLogged = operations.filter(({ operation }) => !operation.parameters?.some((p) => p.in === 'header' && p.name === 'X-Purpose')).map(({ name }) => name);
    // Staff, settings, team counts and jobs: no citizen's data in or out.
    expect(notLogged.sort()).toEqual([
      'GET /settings',
      'GET /staff',
      'GET /staff/{id}',
      'GET /task-overview',
      'PATCH /staff/{id}',
      'POST /jobs/access-log-purge',
      'POST /jobs/hours-rule-notices',
      'POST /staff',
      'PUT /settings',
    ]);
    expect(operations.length - notLogged.length).toBeGreaterThan(40);
  });
});
