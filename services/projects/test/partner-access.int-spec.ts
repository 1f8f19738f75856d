import { createHmac, randomUUID } from 'node:crypto';
import {
  EventEnvelope,
  PartnerParticipantEnrolled,
  PartnerParticipantLeft,
  PartnerParticipantMilestoneReached,
  PartnerParticipantPhaseStarted,
  PartnerParticipantsStream,
} from '@fremskudt/contracts';
import type { TestIdentity } from '@fremskudt/testing';
import type { ProjectView } from '../src/projects/projects.dto';
import { KBH, projectsTestbed, SLAGELSE, UNKNOWN_ID } from './support/projects-testbed';

/** The key the service uses when PARTNER_PSEUDONYM_KEY is not set (outside production), as in pseudonym-key.ts. */
const DEVELOPMENT_KEY = Buffer.from('fremskudt development key for partner pseudonyms; never in production', 'utf8');
/** The partner's pseudonym as the issue defines it, computed here independently of the service's code. */
const pseudonymOf = (tenant: string, partnerCode: string, citizenId: string) =>
  createHmac('sha256', DEVELOPMENT_KEY).update(`${tenant}:${partnerCode}:${citizenId}`).digest('base64url').slice(0, 22);

const partnerUser = (org: string | undefined, tenant = KBH, user = `partner-${org ?? 'uden-org'}-${tenant}`): TestIdentity => ({
  user,
  tenant,
  roles: ['partner'],
  ...(org ? { org } : {}),
});

/**
 * Partners see only their own projects' participants, pseudonymised (real PostgreSQL and Kafka):
 * Ungdomsringen is a partner of project A, FOA of A and B; a third project belongs to Slagelse,
 * whose own partner happens to have the code ungdomsringen too.
 */
describe('projects: partner users see their own projects, by their own pseudonyms (real PostgreSQL and Kafka)', () => {
  const testbed = projectsTestbed('partner-access', { probe: PartnerParticipantsStream });
  const { api, count, createPartner, createProject, registerCitizen, inspect } = testbed;

  const ungdomsringen = partnerUser('ungdomsringen');
  const foa = partnerUser('foa');

  let projectA: ProjectView;
  let projectB: ProjectView;
  let projectSlagelse: ProjectView;
  /** In A (enrolled by staff, in the intro phase), in B, and an applicant to A. */
  let inA: string;
  let inB: string;
  let applicant: string;
  let enrolmentA: string;
  let enrolmentB: string;
  /** Takes the applicant's place after they leave (enrolled by Ungdomsringen). */
  let successor: string;

  beforeAll(async () => {
    const ungdomsringenPartner = await createPartner(KBH, { code: 'ungdomsringen', name: 'Ungdomsringen', kind: 'ngo' });
    const foaPartner = await createPartner(KBH, { code: 'foa', name: 'FOA', kind: 'union' });
    const slagelsePartner = await createPartner(SLAGELSE, { code: 'ungdomsringen', name: 'Ungdomsringen Slagelse', kind: 'ngo' });
    projectA = await createProject(KBH, { name: 'Projekt A' });
    projectB = await createProject(KBH, { name: 'Projekt B' });
    projectSlagelse = await createProject(SLAGELSE, { name: 'Projekt Slagelse', areaCodes: ['nordbyen'] });
    const join = (tenant: string, project: ProjectView, partnerId: string) =>
      api(tenant).post(`/projects/${project.id}/partners`, { partnerId, roles: ['provider'], joinedOn: '2007-10-01' }).expect(201);
    await join(KBH, projectA, ungdomsringenPartner.id);
    await join(KBH, projectA, foaPartner.id);
    await join(KBH, projectB, foaPartner.id);
    await join(SLAGELSE, projectSlagelse, slagelsePartner.id);

    [inA, inB, applicant] = [await registerCitizen(), await registerCitizen(), await registerCitizen()];
    enrolmentA = (await api().post(`/projects/${projectA.id}/enrolments`, { citizenId: inA, enrolledOn: '2007-11-15', phaseCode: 'intro' }).expect(201)).body.id;
    enrolmentB = (await api().post(`/projects/${projectB.id}/enrolments`, { citizenId: inB, enrolledOn: '2007-11-15' }).expect(201)).body.id;
    await api().post(`/projects/${projectA.id}/applications`, { citizenId: applicant, appliedOn: '2007-11-01' }).expect(201);
  });

  const ids = (views: Array<{ id: string }>) => views.map((view) => view.id);

  describe('scope', () => {
    it('a partner lists and reads only the projects it takes part in, with their enrolments and figures', async () => {
      expect(ids((await api(ungdomsringen).get('/projects').expect(200)).body)).toEqual([projectA.id]);
      expect(ids((await api(foa).get('/projects').expect(200)).body).sort()).toEqual([projectA.id, projectB.id].sort());
      await api(ungdomsringen).get(`/projects/${projectA.id}`).expect(200);
      expect(ids((await api(ungdomsringen).get(`/projects/${projectA.id}/enrolments`).expect(200)).body)).toEqual([enrolmentA]);
      expect((await api(ungdomsringen).get(`/projects/${projectA.id}/figures`).expect(200)).body.participants).toMatchObject({ enrolled: 1, active: 1 });
      await api(ungdomsringen).get(`/enrolments/${enrolmentA}`).expect(200);
    });

    it("another project's routes, and its enrolment ids, answer 404 exactly like ids that do not exist; commands write nothing", async () => {
      const notFound = async (path: string, send?: object) => {
        const answer = send ? await api(ungdomsringen).post(path, send) : await api(ungdomsringen).get(path);
        expect({ path, status: answer.status, code: answer.body.code }).toEqual({ path, status: 404, code: 'not-found' });
        for (const secret of [projectB.code, projectB.name, inB, enrolmentB]) if (!path.includes(secret)) expect(answer.text).not.toContain(secret);
        return answer.body;
      };
      const pseudonym = pseudonymOf(KBH, 'ungdomsringen', inB);
      const before = [await count('enrolment'), await count('milestone_record'), await count('outbox'), await count('application')];
      for (const path of [
        `/projects/${projectB.id}`,
        `/projects/${projectB.id}/enrolments`,
        `/projects/${projectB.id}/figures`,
        `/projects/${projectB.id}/applications`,
        `/projects/${projectB.id}/information-meetings`,
        `/projects/${projectB.id}/company-visits`,
        `/projects/${projectB.id}/eligibility/${pseudonym}`,
        `/projects/${projectB.id}/participants/${pseudonym}`,
        `/enrolments/${enrolmentB}`,
      ]) {
        await notFound(path);
      }
      await notFound(`/projects/${projectB.id}/enrolments`, { citizenId: pseudonym, enrolledOn: '2007-11-20' });
      await notFound(`/projects/${projectB.id}/applications`, { citizenId: pseudonym, appliedOn: '2007-11-20' });
      await notFound(`/projects/${projectB.id}/information-meetings`, { areaCode: 'tingbjerg', heldOn: '2007-11-20', attendees: 3, interested: 1 });
      await notFound(`/enrolments/${enrolmentB}/milestones`, { milestoneCode: 'exam', reachedOn: '2007-12-01', result: 'passed' });
      await notFound(`/enrolments/${enrolmentB}/leave`, { leftOn: '2007-12-01', reason: 'job' });
      await notFound(`/enrolments/${enrolmentB}/phases/intro/start`, { startedOn: '2007-12-01' });
      expect([await count('enrolment'), await count('milestone_record'), await count('outbox'), await count('application')]).toEqual(before);

      // The same answer as for a project that does not exist: nothing tells B exists.
      const unknown = (await api(ungdomsringen).get(`/projects/${UNKNOWN_ID}`).expect(404)).body;
      const hidden = (await api(ungdomsringen).get(`/projects/${projectB.id}`).expect(404)).body;
      expect({ ...hidden, detail: hidden.detail.replace(projectB.id, UNKNOWN_ID), instance: undefined }).toEqual({ ...unknown, instance: undefined });
    });

    it('another municipality: its partner of the same code sees only its own project, and neither sees the other’s', async () => {
      const slagelseUser = partnerUser('ungdomsringen', SLAGELSE);
      expect(ids((await api(slagelseUser).get('/projects').expect(200)).body)).toEqual([projectSlagelse.id]);
      await api(slagelseUser).get(`/projects/${projectA.id}`).expect(404);
      await api(slagelseUser).get(`/enrolments/${enrolmentA}`).expect(404);
      await api(slagelseUser).get(`/projects/${projectA.id}/participants/${pseudonymOf(SLAGELSE, 'ungdomsringen', inA)}`).expect(404);
      await api(ungdomsringen).get(`/projects/${projectSlagelse.id}`).expect(404);
      await api(ungdomsringen).get(`/projects/${projectSlagelse.id}/figures`).expect(404);
    });

    it('a partner user without an org, or with an org that is no partner of the municipality, sees nothing', async () => {
      for (const nobody of [partnerUser(undefined), partnerUser('ukendt-organisation')]) {
        await api(nobody).get('/projects').expect(200, []);
        await api(nobody).get(`/projects/${projectA.id}`).expect(404);
        await api(nobody).get(`/projects/${projectA.id}/enrolments`).expect(404);
        await api(nobody).get(`/enrolments/${enrolmentA}`).expect(404);
      }
    });

    it('the role matrix still applies: an org without the partner role is refused where the role is, and staff keep staff rights', async () => {
      const managerWithOrg: TestIdentity = { user: 'leder-med-org', tenant: KBH, roles: ['manager'], org: 'ungdomsringen' };
      expect((await api(managerWithOrg).get(`/projects/${projectA.id}/enrolments`).expect(403)).body.code).toBe('forbidden');
      await api(managerWithOrg).post(`/projects/${projectA.id}/participants/${UNKNOWN_ID}/milestones`, { milestoneCode: 'exam', reachedOn: '2007-12-01', result: 'passed' }).expect(403);
      // A manager reads projects as staff: every project, not scoped by the org.
      expect(ids((await api(managerWithOrg).get('/projects').expect(200)).body)).toEqual(expect.arrayContaining([projectA.id, projectB.id]));

      // Partners may not change projects or decide applications.
      await api(ungdomsringen).patch(`/projects/${projectA.id}`, { name: 'Overtaget' }).expect(403);
      const [application] = (await api().get(`/projects/${projectA.id}/applications`).expect(200)).body;
      await api(ungdomsringen).post(`/applications/${application.id}/decision`, { decision: 'selected', decidedOn: '2007-11-10' }).expect(403);

      // A consultant who is also a partner keeps staff rights: every project, citizen ids.
      const both: TestIdentity = { user: 'konsulent-og-partner', tenant: KBH, roles: ['job-consultant', 'partner'], org: 'ungdomsringen' };
      const enrolmentsB = (await api(both).get(`/projects/${projectB.id}/enrolments`).expect(200)).body;
      expect(enrolmentsB.map((view: { citizenId: string }) => view.citizenId)).toEqual([inB]);
    });
  });

  describe('pseudonyms', () => {
    it('a partner sees its own pseudonym of each participant, different per partner, never the citizen id', async () => {
      const asUngdomsringen = await api(ungdomsringen).get(`/projects/${projectA.id}/enrolments`).expect(200);
      const asFoa = await api(foa).get(`/projects/${projectA.id}/enrolments`).expect(200);
      const asStaff = await api().get(`/projects/${projectA.id}/enrolments`).expect(200);
      expect(asStaff.body.map((view: { citizenId: string }) => view.citizenId)).toEqual([inA]);
      expect(asUngdomsringen.body.map((view: { citizenId: string }) => view.citizenId)).toEqual([pseudonymOf(KBH, 'ungdomsringen', inA)]);
      expect(asFoa.body.map((view: { citizenId: string }) => view.citizenId)).toEqual([pseudonymOf(KBH, 'foa', inA)]);
      expect(pseudonymOf(KBH, 'ungdomsringen', inA)).not.toBe(pseudonymOf(KBH, 'foa', inA));
      // Apart from the citizen the partner sees what staff see.
      expect({ ...asUngdomsringen.body[0], citizenId: inA }).toEqual(asStaff.body[0]);
      for (const answer of [asUngdomsringen, asFoa, await api(ungdomsringen).get(`/enrolments/${enrolmentA}`).expect(200)]) {
        expect(answer.text).not.toContain(inA);
      }
      const applications = await api(ungdomsringen).get(`/projects/${projectA.id}/applications`).expect(200);
      expect(applications.body.map((view: { citizenId: string }) => view.citizenId)).toEqual([pseudonymOf(KBH, 'ungdomsringen', applicant)]);
      expect(applications.text).not.toContain(applicant);

      // Each pseudonym handed out can be resolved back: the lookup table holds it, per tenant and partner.
      const rows = await inspect<{ partner_code: string; pseudonym: string }>(
        `SELECT partner_code, pseudonym FROM partner_pseudonym WHERE tenant_id = $1 AND citizen_id = $2 ORDER BY partner_code`,
        [KBH, inA],
      );
      expect(rows).toEqual([
        { partner_code: 'foa', pseudonym: pseudonymOf(KBH, 'foa', inA) },
        { partner_code: 'ungdomsringen', pseudonym: pseudonymOf(KBH, 'ungdomsringen', inA) },
      ]);
    });

    it('a partner records a milestone by its pseudonym; another partner’s pseudonym or a citizen id does not reach the participant', async () => {
      const own = pseudonymOf(KBH, 'ungdomsringen', inA);
      const milestone = { milestoneCode: 'exam', reachedOn: '2007-12-10', result: 'failed' };
      const recorded = await api(ungdomsringen).post(`/projects/${projectA.id}/participants/${own}/milestones`, milestone, randomUUID()).expect(201);
      expect(recorded.body).toMatchObject({ id: enrolmentA, citizenId: own, milestones: [{ milestoneCode: 'exam', result: 'failed', reachedOn: '2007-12-10' }] });
      expect(recorded.text).not.toContain(inA);
      expect((await api().get(`/enrolments/${enrolmentA}`).expect(200)).body.milestones).toEqual([expect.objectContaining({ milestoneCode: 'exam', result: 'failed' })]);
      expect((await api(ungdomsringen).get(`/projects/${projectA.id}/participants/${own}`).expect(200)).body).toMatchObject({ id: enrolmentA, citizenId: own });

      // FOA's pseudonym of the same citizen means nothing to Ungdomsringen; a citizen id is not a partner's way to name anyone.
      await api(ungdomsringen).post(`/projects/${projectA.id}/participants/${pseudonymOf(KBH, 'foa', inA)}/milestones`, milestone).expect(404);
      const byCitizenId = await api(ungdomsringen).post(`/projects/${projectA.id}/participants/${inA}/milestones`, milestone).expect(400);
      expect(byCitizenId.body.errors).toEqual([expect.objectContaining({ field: 'participantId', code: 'isCitizenReference' })]);
      const enrolByCitizenId = await api(ungdomsringen).post(`/projects/${projectA.id}/enrolments`, { citizenId: applicant, enrolledOn: '2007-11-20' }).expect(400);
      expect(enrolByCitizenId.body.errors).toEqual([expect.objectContaining({ field: 'citizenId', code: 'isCitizenReference' })]);
      // Staff, the other way round, name citizens by id only.
      await api().post(`/projects/${projectA.id}/participants/${own}/milestones`, milestone).expect(400);
      expect((await api().get(`/enrolments/${enrolmentA}`).expect(200)).body.milestones).toHaveLength(1);
    });

    it('a partner enrols an applicant by the pseudonym it was shown; an unknown pseudonym is refused and writes nothing', async () => {
      const shown = pseudonymOf(KBH, 'ungdomsringen', applicant);
      const eligibility = (await api(ungdomsringen).get(`/projects/${projectA.id}/eligibility/${shown}?on=2007-11-20`).expect(200)).body;
      expect(eligibility).toMatchObject({ citizenId: shown, eligible: true });

      const never = pseudonymOf(KBH, 'ungdomsringen', randomUUID());
      const before = [await count('enrolment'), await count('outbox')];
      const refused = await api(ungdomsringen).post(`/projects/${projectA.id}/enrolments`, { citizenId: never, enrolledOn: '2007-11-20' }).expect(409);
      expect(refused.body).toMatchObject({ code: 'enrolment-refused', errors: [expect.objectContaining({ field: 'citizenId', code: 'citizenUnknown' })] });
      await api(ungdomsringen).post(`/projects/${projectA.id}/applications`, { citizenId: never, appliedOn: '2007-11-20' }).expect(409);
      expect([await count('enrolment'), await count('outbox')]).toEqual(before);

      const enrolled = await api(ungdomsringen).post(`/projects/${projectA.id}/enrolments`, { citizenId: shown, enrolledOn: '2007-11-20' }).expect(201);
      expect(enrolled.body).toMatchObject({ citizenId: shown, status: 'active' });
      expect(enrolled.text).not.toContain(applicant);
      const asStaff = (await api().get(`/enrolments/${enrolled.body.id}`).expect(200)).body;
      expect(asStaff).toMatchObject({ citizenId: applicant, projectId: projectA.id, applicationId: expect.any(String) });

      // Enrolling again names no citizen id in the refusal either.
      const again = await api(ungdomsringen).post(`/projects/${projectA.id}/enrolments`, { citizenId: shown, enrolledOn: '2007-11-21' }).expect(409);
      expect(again.body.code).toBe('already-enrolled');
      expect(again.text).not.toContain(applicant);

      await api(foa).post(`/enrolments/${enrolled.body.id}/leave`, { leftOn: '2007-12-01', reason: 'job' }).expect(200);

      // Ungdomsringen fills the place with another applicant, again by the pseudonym it was shown.
      successor = await registerCitizen();
      await api().post(`/projects/${projectA.id}/applications`, { citizenId: successor, appliedOn: '2007-11-25' }).expect(201);
      const listed = (await api(ungdomsringen).get(`/projects/${projectA.id}/applications`).expect(200)).body;
      expect(listed.map((view: { citizenId: string }) => view.citizenId)).toContain(pseudonymOf(KBH, 'ungdomsringen', successor));
      const replacement = await api(ungdomsringen)
        .post(`/enrolments/${enrolled.body.id}/replacement`, { citizenId: pseudonymOf(KBH, 'ungdomsringen', successor), enrolledOn: '2007-12-03' })
        .expect(201);
      expect(replacement.body).toMatchObject({ citizenId: pseudonymOf(KBH, 'ungdomsringen', successor), replacesEnrolmentId: enrolled.body.id });
      expect(replacement.text).not.toContain(successor);
    });
  });

  describe("the partners' topic", () => {
    const subjectOf = (partnerCode: string, citizenId: string) => `${partnerCode}:${pseudonymOf(KBH, partnerCode, citizenId)}`;

    it("carries one event per partner of the project, by that partner's pseudonym, never the citizen id", async () => {
      const probe = testbed.probe;
      const [enrolledForUngdomsringen] = await probe.waitFor(PartnerParticipantEnrolled, subjectOf('ungdomsringen', inA));
      expect(enrolledForUngdomsringen.data).toEqual({
        partnerCode: 'ungdomsringen',
        projectId: projectA.id,
        participantId: pseudonymOf(KBH, 'ungdomsringen', inA),
        enrolledOn: '2007-11-15',
        replacesParticipantId: null,
      });
      expect(enrolledForUngdomsringen.tenant).toBe(KBH);
      const [enrolledForFoa] = await probe.waitFor(PartnerParticipantEnrolled, subjectOf('foa', inA));
      expect(enrolledForFoa.data.participantId).toBe(pseudonymOf(KBH, 'foa', inA));
      const [started] = await probe.waitFor(PartnerParticipantPhaseStarted, subjectOf('ungdomsringen', inA));
      expect(started.data).toMatchObject({ phaseCode: 'intro', position: 1, startedOn: '2007-11-15' });
      const [reached] = await probe.waitFor(PartnerParticipantMilestoneReached, subjectOf('foa', inA));
      expect(reached.data).toEqual({
        partnerCode: 'foa',
        projectId: projectA.id,
        participantId: pseudonymOf(KBH, 'foa', inA),
        milestoneCode: 'exam',
        milestoneKind: 'exam',
        result: 'failed',
        reachedOn: '2007-12-10',
        phaseCode: 'intro',
      });
      // The applicant, enrolled by Ungdomsringen and left through FOA: both partners hear both.
      for (const partnerCode of ['ungdomsringen', 'foa']) {
        await probe.waitFor(PartnerParticipantEnrolled, subjectOf(partnerCode, applicant));
        const [left] = await probe.waitFor(PartnerParticipantLeft, subjectOf(partnerCode, applicant));
        expect(left.data).toMatchObject({ partnerCode, leftOn: '2007-12-01', reason: 'job', phaseCode: null });
      }
      // The successor replaces the applicant, by each partner's own pseudonyms of both.
      for (const partnerCode of ['ungdomsringen', 'foa']) {
        const [replaced] = await probe.waitFor(PartnerParticipantEnrolled, subjectOf(partnerCode, successor));
        expect(replaced.data).toMatchObject({ enrolledOn: '2007-12-03', replacesParticipantId: pseudonymOf(KBH, partnerCode, applicant) });
      }
      // B's participant reaches FOA only: Ungdomsringen is no partner of B.
      await probe.waitFor(PartnerParticipantEnrolled, subjectOf('foa', inB));
      expect(probe.events.filter((event: EventEnvelope) => event.subject === subjectOf('ungdomsringen', inB))).toEqual([]);

      // Nothing on the topic names a citizen by the platform's id or carries an enrolment id.
      const everything = JSON.stringify(probe.events);
      for (const secret of [inA, inB, applicant, successor, enrolmentA, enrolmentB]) expect(everything).not.toContain(secret);
      expect(new Set(probe.events.map((event: EventEnvelope) => event.subject.split(':')[0]))).toEqual(new Set(['ungdomsringen', 'foa']));
    });
  });
});
