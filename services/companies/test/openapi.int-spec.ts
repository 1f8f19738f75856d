import { OpenApiDocument, openApiConventionViolations, operationsNotLogged } from '@fremskudt/testing';
import { companiesTestbed } from './support/testbed';

/** The REST API is the consultants' and integrators' contract: every command documented alike. */
describe('companies: OpenAPI document', () => {
  const testbed = companiesTestbed('openapi', { probe: false });
  let paths: OpenApiDocument['paths'];

  beforeAll(async () => {
    paths = (await testbed.openApiDocument()).paths;
  });

  it('documents every part of the companies domain', () => {
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/companies',
        '/companies/{id}',
        '/companies/{id}/contacts',
        '/companies/{id}/openings',
        '/openings',
        '/openings/{id}/fill',
        '/openings/{id}/close',
        '/openings/{id}/candidates',
        '/placements',
        '/placements/{id}/start',
        '/placements/{id}/end',
        '/citizens/{id}/job-wishes',
        '/citizens/{id}/job-wish',
        '/citizens/{id}/matching-openings',
        '/branches',
        '/areas',
        '/settings',
      ]),
    );
  });

  it('gives every command an Idempotency-Key and a 400, every resource a 404, every operation a tag', () => {
    // The access log's purge is a job, not a command.
    const violations = openApiConventionViolations({ paths }, { notCommands: (path) => path.startsWith('/jobs/') });
    expect(violations.commands).toBeGreaterThanOrEqual(15);
    expect(violations).toEqual({ commands: violations.commands, withoutIdempotencyKey: [], without400: [], without404OnResource: [], untagged: [] });
  });

  it('documents the 409 of the placement command', () => {
    expect(paths['/placements'].post.responses['409']).toBeDefined();
  });

  it('declares every endpoint that touches a citizen’s data as logged (X-Purpose); companies, openings and reference data name no citizen', () => {
    expect(operationsNotLogged({ paths })).toEqual([
      'GET /areas',
      'GET /branches',
      'GET /companies',
      'GET /companies/{id}',
      'GET /openings',
      'GET /openings/{id}',
      'GET /settings',
      'PATCH /branches/{code}',
      'PATCH /companies/{id}',
      'POST /areas/templates/{template}',
      'POST /branches',
      'POST /companies',
      'POST /companies/{id}/openings',
      'POST /jobs/access-log-purge',
      'POST /openings/{id}/close',
      'POST /openings/{id}/fill',
      'PUT /areas/{code}',
      'PUT /settings',
    ]);
  });
});
