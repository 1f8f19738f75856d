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
    const violations = openApiConventionViolations({ paths }, { notCommands: (path) => path.startsWith('/jobs/') });
    expect(violations.commands).toBeGreaterThan(20);
    expect(violations).toEqual({ commands: violations.commands, withoutIdempotencyKey: [], without400: [], without404OnResource: [], untagged: [] });
  });
});
