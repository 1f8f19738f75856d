import { randomUUID } from 'node:crypto';
import {
  CitizenAreaChanged,
  CitizenBenefitTypeChanged,
  CitizenExited,
  CitizenMatchGroupChanged,
  CitizenReadinessChanged,
  CitizenReentered,
  CitizenRegistered,
  CitizenStepChanged,
  EventContract,
  ParticipantEnrolled,
  ProjectCreated,
} from '@fremskudt/contracts';
import { fieldsOf, KBH, projectsTestbed, SLAGELSE, UNKNOWN_ID } from './support/projects-testbed';

type Played = { contract: EventContract; payload: unknown; id: string };

describe("projects: caseload's citizens, eligibility, capacity and enrolment (real PostgreSQL and Kafka)", () => {
  const testbed = projectsTestbed('enrolments');
  const { api, count, createProject, createFromTemplate, registerCitizen, enrol, play, eventually, inspect } = testbed;

  const event = (contract: EventContract, payload: object): Played => ({ contract, payload, id: randomUUID() });
  const nothingWritten = async () => [await count('enrolment'), await count('outbox'), await count('command_log')];

  describe("the read model of caseload's citizens", () => {
    type Row = { birth_date: string; area_code: string; benefit_type: string; readiness: string; match_group: number | null; step: number | null; interpreter_needed: boolean; active: boolean };
    const row = async (citizenId: string, check: (row: Row | undefined) => boolean) =>
      (
        await eventually<Row>(
          `SELECT birth_date::text, area_code, benefit_type, readiness, match_group, step, interpreter_needed, active FROM citizen WHERE citizen_id = $1`,
          [citizenId],
          (rows) => check(rows[0]),
          `citizen ${citizenId}`,
        )
      )[0];

    it('follows registration, every profile change, exit and re-entry', async () => {
      const citizenId = await registerCitizen(KBH, { matchGroup: null, step: null, interpreterNeeded: true, birthDate: '1965-02-03' });
      expect(await row(citizenId, (r) => r !== undefined)).toEqual({
        birth_date: '1965-02-03',
        area_code: 'tingbjerg',
        benefit_type: 'cash-benefit',
        readiness: 'activity-ready',
        match_group: null,
        step: null,
        interpreter_needed: true,
        active: true,
      });
      await play(KBH, [
        event(CitizenAreaChanged, { citizenId, from: 'tingbjerg', to: 'urbanplanen', effectiveDate: '2007-08-01' }),
        event(CitizenBenefitTypeChanged, { citizenId, from: 'cash-benefit', to: 'integration-benefit', effectiveDate: '2007-08-01' }),
        event(CitizenReadinessChanged, { citizenId, from: 'activity-ready', to: 'job-ready', effectiveDate: '2007-08-01' }),
        event(CitizenMatchGroupChanged, { citizenId, from: null, to: 4, effectiveDate: '2007-08-01' }),
        event(CitizenStepChanged, { citizenId, from: null, to: 2, effectiveDate: '2007-08-01' }),
      ]);
      expect(await row(citizenId, (r) => r?.step === 2)).toMatchObject({
        area_code: 'urbanplanen',
        benefit_type: 'integration-benefit',
        readiness: 'job-ready',
        match_group: 4,
        active: true,
      });
      await play(KBH, [event(CitizenExited, { citizenId, periodId: randomUUID(), reason: 'moved', exitDate: '2007-09-01', positive: false })]);
      expect(await row(citizenId, (r) => r?.active === false)).toMatchObject({ area_code: 'urbanplanen' });
      await play(KBH, [
        event(CitizenReentered, {
          citizenId,
          periodId: randomUUID(),
          previousPeriodId: randomUUID(),
          reentryDate: '2007-10-01',
          areaCode: 'akacieparken',
          benefitType: 'cash-benefit',
          readiness: 'activity-ready',
        }),
      ]);
      expect(await row(citizenId, (r) => r?.active === true)).toMatchObject({ area_code: 'akacieparken', benefit_type: 'cash-benefit', readiness: 'activity-ready', match_group: 4 });
    });

    it('a redelivered registration changes nothing; a change of a citizen never registered here makes no row', async () => {
      const citizenId = randomUUID();
      const registration = event(CitizenRegistered, {
        citizenId,
        periodId: randomUUID(),
        periodOpenedOn: '2007-06-01',
        birthDate: '1980-01-01',
        areaCode: 'tingbjerg',
        benefitType: 'cash-benefit',
        readiness: 'activity-ready',
        matchGroup: 3,
        step: null,
        interpreterNeeded: false,
        registeredAt: '2007-06-01T09:00:00.000Z',
      });
      await play(KBH, [registration, event(CitizenAreaChanged, { citizenId, from: 'tingbjerg', to: 'mjoelnerparken', effectiveDate: '2007-07-01' })]);
      await row(citizenId, (r) => r?.area_code === 'mjoelnerparken');
      // The registration again (same id), then a later fact: once the later fact shows, the duplicate was handled.
      await play(KBH, [registration, event(CitizenStepChanged, { citizenId, from: null, to: 1, effectiveDate: '2007-07-02' })]);
      expect(await row(citizenId, (r) => r?.step === 1)).toMatchObject({ area_code: 'mjoelnerparken' });

      const stranger = randomUUID();
      const change = event(CitizenAreaChanged, { citizenId: stranger, from: 'a', to: 'b', effectiveDate: '2007-07-01' });
      await play(KBH, [change]);
      await eventually(`SELECT 1 FROM processed_event WHERE event_id = $1`, [change.id], (rows) => rows.length === 1);
      expect(await inspect(`SELECT 1 FROM citizen WHERE citizen_id = $1`, [stranger])).toEqual([]);
    });
  });

  describe('enrolling', () => {
    it('enrols an eligible citizen and publishes ParticipantEnrolled with the date, area and ids reporting needs', async () => {
      const project = await createFromTemplate('stafetten', KBH, { areaCodes: ['tingbjerg', 'akacieparken'] });
      const citizenId = await registerCitizen(KBH, { areaCode: 'akacieparken' });
      const enrolled = (await api().post(`/projects/${project.id}/enrolments`, { citizenId, enrolledOn: '2007-11-20' }).expect(201)).body;
      expect(enrolled).toEqual({
        id: expect.any(String),
        projectId: project.id,
        citizenId,
        enrolledOn: '2007-11-20',
        areaCode: 'akacieparken',
        applicationId: null,
        status: 'active',
        leftOn: null,
        leaveReason: null,
        leavePlacementId: null,
        replacesEnrolmentId: null,
        replacedByEnrolmentId: null,
        currentPhaseCode: null,
        phases: [],
        milestones: [],
      });
      await api().get(`/enrolments/${enrolled.id}`).expect(200, enrolled);
      expect((await api().get(`/projects/${project.id}/enrolments`).expect(200)).body).toEqual([enrolled]);

      const [published] = await testbed.probe.waitFor(ParticipantEnrolled, project.id);
      expect(published.data).toEqual({
        projectId: project.id,
        enrolmentId: enrolled.id,
        citizenId,
        enrolledOn: '2007-11-20',
        areaCode: 'akacieparken',
        replacesEnrolmentId: null,
      });
      expect(published.subject).toBe(project.id);
      expect(await testbed.outboxTypes(project.id)).toEqual([ProjectCreated.type, ParticipantEnrolled.type]);
    });

    it('an ineligible citizen → 409 enrolment-refused naming every failed criterion; nothing written', async () => {
      const project = await createProject(KBH, {
        eligibility: { minAge: 18, maxAge: 55, benefitTypes: ['cash-benefit'], areaCodes: ['tingbjerg'], matchGroups: [3, 4], languageRequirement: 'without-interpreter' },
      });
      const citizenId = await registerCitizen(KBH, {
        birthDate: '1950-01-01',
        benefitType: 'sickness-benefit',
        areaCode: 'urbanplanen',
        matchGroup: null,
        interpreterNeeded: true,
      });
      const before = await nothingWritten();
      const refused = await api().post(`/projects/${project.id}/enrolments`, { citizenId, enrolledOn: '2007-11-20' }, 'enrol-ineligible').expect(409);
      expect(refused.body).toMatchObject({ status: 409, code: 'enrolment-refused', title: 'Kan ikke udføres i den nuværende tilstand' });
      expect(refused.body.errors).toEqual([
        { field: 'eligibility.maxAge', code: 'tooOld', message: 'is 57 on 2007-11-20; the project takes up to 55' },
        { field: 'eligibility.benefitTypes', code: 'benefitType', message: 'receives sickness-benefit; the project takes cash-benefit' },
        { field: 'eligibility.areaCodes', code: 'area', message: 'lives in urbanplanen; the project takes tingbjerg' },
        { field: 'eligibility.matchGroups', code: 'matchGroupNotAssessed', message: 'has no match group; the project takes 3, 4' },
        { field: 'eligibility.languageRequirement', code: 'interpreterNeeded', message: 'needs an interpreter; the project takes citizens without' },
      ]);
      expect(await nothingWritten()).toEqual(before);

      const check = (await api().get(`/projects/${project.id}/eligibility/${citizenId}?on=2007-11-20`).expect(200)).body;
      expect(check).toMatchObject({ eligible: false, placesTaken: 0, capacity: null, notChecked: [] });
      expect(check.refusals.map((r: { code: string }) => r.code)).toEqual(['tooOld', 'benefitType', 'area', 'matchGroupNotAssessed', 'interpreterNeeded']);
    });

    it('a citizen unknown to caseload, or whose case is closed, is refused', async () => {
      const project = await createProject();
      const unknown = await api().post(`/projects/${project.id}/enrolments`, { citizenId: UNKNOWN_ID, enrolledOn: '2007-11-20' }).expect(409);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'citizenId', code: 'citizenUnknown' })]);

      const citizenId = await registerCitizen();
      const exit = event(CitizenExited, { citizenId, periodId: randomUUID(), reason: 'job', exitDate: '2007-10-01', positive: true });
      await play(KBH, [exit]);
      await eventually(`SELECT 1 FROM citizen WHERE citizen_id = $1 AND NOT active`, [citizenId], (rows) => rows.length === 1);
      const closed = await api().post(`/projects/${project.id}/enrolments`, { citizenId, enrolledOn: '2007-11-20' }).expect(409);
      expect(closed.body.errors).toEqual([expect.objectContaining({ field: 'citizenId', code: 'caseClosed' })]);
      // Another municipality's citizen is unknown here.
      const slagelseCitizen = await registerCitizen(SLAGELSE);
      const foreign = await api().post(`/projects/${project.id}/enrolments`, { citizenId: slagelseCitizen, enrolledOn: '2007-11-20' }).expect(409);
      expect(foreign.body.errors[0].code).toBe('citizenUnknown');
    });

    it('over capacity → 409 naming capacity, nothing written; the capacity can’t drop below the participants, and raising it lets the next in', async () => {
      const project = await createProject(KBH, { capacity: 2 });
      const [first, second, third] = [await registerCitizen(), await registerCitizen(), await registerCitizen()];
      await enrol(project.id, first);
      await enrol(project.id, second);
      const before = await nothingWritten();
      const full = await api().post(`/projects/${project.id}/enrolments`, { citizenId: third, enrolledOn: '2007-11-20' }, 'enrol-full').expect(409);
      expect(full.body).toMatchObject({ code: 'enrolment-refused', errors: [{ field: 'capacity', code: 'capacityReached', message: 'all 2 places are taken (2 active participants)' }] });
      expect(await nothingWritten()).toEqual(before);
      const check = (await api().get(`/projects/${project.id}/eligibility/${third}?on=2007-11-20`).expect(200)).body;
      expect(check).toMatchObject({ eligible: false, placesTaken: 2, capacity: 2 });

      // The capacity can't go below the active participants; raising it lets the third in.
      expect((await api().patch(`/projects/${project.id}`, { capacity: 1 }).expect(409)).body.code).toBe('capacity-below-active');
      await api().patch(`/projects/${project.id}`, { capacity: 3 }).expect(200);
      await enrol(project.id, third);
    });

    it('concurrent enrolments never take more places than the capacity', async () => {
      const project = await createProject(KBH, { capacity: 3 });
      const citizens = await Promise.all(Array.from({ length: 6 }, () => registerCitizen()));
      const answers = await Promise.all(citizens.map((citizenId) => api().post(`/projects/${project.id}/enrolments`, { citizenId, enrolledOn: '2007-11-20' })));
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201, 201, 409, 409, 409]);
      expect((await inspect(`SELECT count(*)::int AS n FROM enrolment WHERE project_id = $1`, [project.id]))[0]).toEqual({ n: 3 });
      await testbed.probe.waitFor(ParticipantEnrolled, project.id, 3);
    });

    it('refuses a second place for the same citizen, and dates outside the project’s period', async () => {
      const project = await createProject(KBH, { startDate: '2007-11-01', endDate: '2007-12-31' });
      const citizenId = await registerCitizen();
      await enrol(project.id, citizenId, '2007-11-02');
      expect((await api().post(`/projects/${project.id}/enrolments`, { citizenId, enrolledOn: '2007-11-03' }).expect(409)).body.code).toBe('already-enrolled');
      const other = await registerCitizen();
      const early = await api().post(`/projects/${project.id}/enrolments`, { citizenId: other, enrolledOn: '2007-10-31' }).expect(409);
      expect(early.body.errors).toEqual([expect.objectContaining({ field: 'startDate', code: 'beforeProjectStart' })]);
      const late = await api().post(`/projects/${project.id}/enrolments`, { citizenId: other, enrolledOn: '2008-01-01' }).expect(409);
      expect(late.body.errors).toEqual([expect.objectContaining({ field: 'endDate', code: 'projectEnded' })]);
    });

    it('a retried enrolment (same Idempotency-Key) enrols once, publishes once, and answers the same', async () => {
      const project = await createProject();
      const citizenId = await registerCitizen();
      const first = await api().post(`/projects/${project.id}/enrolments`, { citizenId, enrolledOn: '2007-11-20' }, 'enrol-retry').expect(201);
      const second = await api().post(`/projects/${project.id}/enrolments`, { citizenId, enrolledOn: '2007-11-20' }, 'enrol-retry').expect(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(await testbed.outboxTypes(project.id)).toEqual([ProjectCreated.type, ParticipantEnrolled.type]);
    });

    it.each([
      ['missing fields', {}, ['citizenId', 'enrolledOn']],
      ['a bad id, a future date and an unknown field', { citizenId: 'nope', enrolledOn: '2999-01-01', note: 'x' }, ['citizenId', 'enrolledOn', 'note']],
    ])('enrolling with %s → 400 naming the fields, nothing written', async (_case, body, fields) => {
      const project = await createProject();
      const before = await nothingWritten();
      const response = await api().post(`/projects/${project.id}/enrolments`, body).expect(400);
      expect(fieldsOf(response.body)).toEqual(fields);
      expect(await nothingWritten()).toEqual(before);
    });

    it('another municipality can’t enrol in, list or read the project and its enrolments', async () => {
      const project = await createProject();
      const enrolmentId = await enrol(project.id, await registerCitizen());
      const slagelseCitizen = await registerCitizen(SLAGELSE);
      await api(SLAGELSE).post(`/projects/${project.id}/enrolments`, { citizenId: slagelseCitizen, enrolledOn: '2007-11-20' }).expect(404);
      await api(SLAGELSE).get(`/projects/${project.id}/enrolments`).expect(404);
      await api(SLAGELSE).get(`/enrolments/${enrolmentId}`).expect(404);
      await api().get(`/enrolments/${UNKNOWN_ID}`).expect(404);
    });
  });
});
