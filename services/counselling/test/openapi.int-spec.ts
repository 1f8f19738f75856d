import { openApiConventionViolations, operationsNotLogged } from '@fremskudt/testing';
import { desksTestbed } from './support/desks-testbed';

/** The desks' REST API is what desk staff's screens and integrators build on: documented whole, and alike. */
describe('counselling: OpenAPI document', () => {
  const testbed = desksTestbed('openapi', { probe: false });

  it('documents desks, sessions, visits, the queue, setup and statistics', async () => {
    const document = await testbed.openApiDocument();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/setup/areas',
        '/topics',
        '/areas/{areaCode}/partners',
        '/desks',
        '/desks/{id}/opening-hours',
        '/desks/{id}/exceptions',
        '/desks/{id}/calendar',
        '/desks/{id}/sessions',
        '/desks/{id}/sessions/{sessionId}/close',
        '/desks/{deskId}/visits',
        '/desks/{deskId}/visits/registrations',
        '/desks/{deskId}/queue',
        '/desks/{deskId}/queue/next',
        '/visits/{visitId}/talk',
        '/visits/{visitId}/complete',
        '/statistics/visits',
        '/statistics/visits/days',
      ]),
    );
  });

  it('gives every command an Idempotency-Key and a 400, every resource a 404, every operation a tag', async () => {
    // The access log's purge is a job, not a command.
    const violations = openApiConventionViolations(await testbed.openApiDocument(), { notCommands: (path) => path.startsWith('/jobs/') });
    expect(violations.commands).toBeGreaterThan(15);
    expect(violations).toEqual({ commands: violations.commands, withoutIdempotencyKey: [], without400: [], without404OnResource: [], untagged: [] });
  });

  it('documents the refusals of a visit at a closed desk and of a talk started twice as 409', async () => {
    const { paths } = await testbed.openApiDocument();
    expect(paths['/desks/{deskId}/visits'].post.responses['409']).toBeDefined();
    expect(paths['/desks/{deskId}/visits/registrations'].post.responses['409']).toBeDefined();
    expect(paths['/visits/{visitId}/talk'].post.responses['409']).toBeDefined();
  });

  it('declares every endpoint that touches a citizen’s visits as logged (X-Purpose); desks, sessions, setup and statistics name no citizen', async () => {
    const document = await testbed.openApiDocument();
    expect(operationsNotLogged(document)).toEqual([
      'DELETE /desks/{id}/exceptions/{exceptionId}',
      'GET /areas/{areaCode}/partners',
      'GET /desks',
      'GET /desks/{id}',
      'GET /desks/{id}/calendar',
      'GET /desks/{id}/opening-hours',
      'GET /desks/{id}/sessions',
      'GET /desks/{id}/sessions/{sessionId}',
      'GET /statistics/visits',
      'GET /statistics/visits/days',
      'GET /topics',
      'PATCH /desks/{id}',
      'PATCH /partners/{id}',
      'POST /areas/{areaCode}/partners',
      'POST /desks',
      'POST /desks/{id}/exceptions',
      'POST /desks/{id}/sessions',
      'POST /desks/{id}/sessions/{sessionId}/close',
      'POST /jobs/access-log-purge',
      'POST /setup/areas',
      'PUT /desks/{id}/opening-hours',
      'PUT /desks/{id}/sessions/{sessionId}/staff',
      'PUT /topics',
    ]);
  });
});
