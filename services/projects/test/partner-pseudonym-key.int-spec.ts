import request from 'supertest';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { PartnerParticipantMilestoneReached, PartnerParticipantsStream } from '@fremskudt/contracts';
import { staffIdentity, startTestService, TestIdentity, TestService, withToken } from '@fremskudt/testing';
import { AppModule, projectsService } from '../src/app.module';
import { KBH, projectsTestbed } from './support/projects-testbed';

/** The key the service uses when PARTNER_PSEUDONYM_KEY is not set (outside production), as in pseudonym-key.ts. */
const DEVELOPMENT_KEY = Buffer.from('fremskudt development key for partner pseudonyms; never in production', 'utf8');
const NEW_KEY = randomBytes(32);
const pseudonymOf = (key: Buffer, citizenId: string) => createHmac('sha256', key).update(`${KBH}:ungdomsringen:${citizenId}`).digest('base64url').slice(0, 22);

const partner: TestIdentity = { user: 'partner-ungdomsringen', tenant: KBH, roles: ['partner'], org: 'ungdomsringen' };

/**
 * A new PARTNER_PSEUDONYM_KEY (real PostgreSQL and Kafka): the service restarted on its own
 * database with another key keeps every pseudonym a partner was given (they are recorded), and
 * gives pseudonyms of the new key to citizens the partner is shown for the first time.
 */
describe("projects: changing the key of the partners' pseudonyms", () => {
  let restarted: TestService | undefined;
  // Before the testbed's own: the restarted service stops before the testbed drops the database.
  afterAll(async () => {
    await restarted?.stop();
  });
  const testbed = projectsTestbed('partner-pseudonym-key', { probe: PartnerParticipantsStream });
  let projectId: string;
  let [known, newcomer] = ['', ''];

  const as = (identity: TestIdentity) => ({
    get: (path: string) => withToken(request(restarted!.http).get(path), identity),
    post: (path: string, body: object) => withToken(request(restarted!.http).post(path), identity).set('idempotency-key', randomUUID()).send(body),
  });
  const shownToPartner = async () =>
    (await as(partner).get(`/projects/${projectId}/enrolments`).expect(200)).body.map((view: { citizenId: string }) => view.citizenId).sort();

  beforeAll(async () => {
    const { id: partnerId } = await testbed.createPartner(KBH, { code: 'ungdomsringen', name: 'Ungdomsringen', kind: 'ngo' });
    projectId = (await testbed.createProject()).id;
    await testbed.api().post(`/projects/${projectId}/partners`, { partnerId, roles: ['provider'], joinedOn: '2007-10-01' }).expect(201);
    [known, newcomer] = [await testbed.registerCitizen(), await testbed.registerCitizen()];
    await testbed.enrol(projectId, known);
  });

  it('keeps the pseudonyms partners hold and resolves them; citizens shown for the first time get the new key’s', async () => {
    const old = pseudonymOf(DEVELOPMENT_KEY, known);
    expect((await testbed.api(partner).get(`/projects/${projectId}/enrolments`).expect(200)).body.map((view: { citizenId: string }) => view.citizenId)).toEqual([old]);

    const { database } = testbed.service;
    await testbed.service.stop();
    const previous = process.env.PARTNER_PSEUDONYM_KEY;
    process.env.PARTNER_PSEUDONYM_KEY = NEW_KEY.toString('base64');
    try {
      restarted = await startTestService(projectsService, AppModule.forRoot, { topicPrefix: testbed.prefix, database });
    } finally {
      if (previous === undefined) delete process.env.PARTNER_PSEUDONYM_KEY;
      else process.env.PARTNER_PSEUDONYM_KEY = previous;
    }

    expect(await shownToPartner()).toEqual([old]);
    const milestone = { milestoneCode: 'exam', reachedOn: '2007-12-10', result: 'passed' };
    await as(partner).post(`/projects/${projectId}/participants/${old}/milestones`, milestone).expect(201);

    await as(staffIdentity(KBH)).post(`/projects/${projectId}/enrolments`, { citizenId: newcomer, enrolledOn: '2007-11-20' }).expect(201);
    const fresh = pseudonymOf(NEW_KEY, newcomer);
    expect(fresh).not.toBe(pseudonymOf(DEVELOPMENT_KEY, newcomer));
    expect(await shownToPartner()).toEqual([old, fresh].sort());
    await as(partner).post(`/projects/${projectId}/participants/${fresh}/milestones`, milestone).expect(201);

    // One recorded pseudonym per citizen, and the partners' topic goes on naming each by it.
    const rows = await testbed.inspect<{ citizen_id: string; pseudonym: string }>(
      `SELECT citizen_id, pseudonym FROM partner_pseudonym WHERE tenant_id = $1 AND partner_code = 'ungdomsringen' ORDER BY pseudonym`,
      [KBH],
    );
    expect(rows).toEqual(
      [
        { citizen_id: known, pseudonym: old },
        { citizen_id: newcomer, pseudonym: fresh },
      ].sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : 1)),
    );
    for (const pseudonym of [old, fresh]) {
      const [reached] = await testbed.probe.waitFor(PartnerParticipantMilestoneReached, `ungdomsringen:${pseudonym}`);
      expect(reached.data).toMatchObject({ participantId: pseudonym, milestoneCode: 'exam', result: 'passed' });
    }
  });
});
