import request from 'supertest';
import { startTestService, TestService, uniqueTopicPrefix } from '@fremskudt/testing';
import { AppModule, caseloadService } from '../src/app.module';

interface Operation {
  parameters?: Array<{ name: string; in: string }>;
  responses: Record<string, unknown>;
  tags?: string[];
}

/** The REST API is the consultants' and integrators' contract: every command documented alike. */
describe('caseload: OpenAPI document', () => {
  let service: TestService;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    service = await startTestService(caseloadService, AppModule.forRoot, { topicPrefix: uniqueTopicPrefix('openapi') });
    paths = (await request(service.http).get('/docs-json').expect(200)).body.paths;
  });
  afterAll(() => service?.dispose());

  const operations = () =>
    Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));
  const commands = () => operations().filter(({ method, path }) => ['post', 'put', 'patch', 'delete'].includes(method) && !path.startsWith('/jobs/'));

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

  it('gives every command an optional Idempotency-Key header and a documented 400 answer', () => {
    expect(commands().length).toBeGreaterThan(20);
    const missingKey = commands().filter(({ operation }) => !operation.parameters?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'));
    const missing400 = commands().filter(({ operation }) => !operation.responses['400']);
    expect(missingKey.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
    expect(missing400.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
  });

  it('documents 404 for every operation on one citizen and tags every operation', () => {
    const onCitizen = operations().filter(({ path }) => path.startsWith('/citizens/{id}'));
    expect(onCitizen.filter(({ operation }) => !operation.responses['404']).map(({ method, path }) => `${method} ${path}`)).toEqual([]);
    expect(operations().filter(({ operation }) => !operation.tags?.length).map(({ method, path }) => `${method} ${path}`)).toEqual([]);
  });
});
