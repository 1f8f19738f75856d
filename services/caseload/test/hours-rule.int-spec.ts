import { HoursRuleHearingIssued, HoursRuleWarningIssued } from '@fremskudt/contracts';
import { copenhagenToday } from '../src/case/calendar';
import { HoursRuleScheduler } from '../src/interviews/hours-rule/hours-rule.scheduler';
import { addCalendarMonths, addDays, hearingDeadline, warningDeadline } from '../src/rules';
import { caseloadTestbed, fieldsOf, UNKNOWN_ID } from './support/testbed';

describe('caseload: hours-rule risks, warnings and hearings (real PostgreSQL and Kafka)', () => {
  const testbed = caseloadTestbed('hoursrule');
  const { api, registerCitizen, inspect, markExited, openApiDocument } = testbed;
  const today = copenhagenToday();

  const atRisk = async (benefitEffectDate: string, tenant = 'kbh') => {
    const citizenId = await registerCitizen(tenant);
    await api(tenant).put(`/citizens/${citizenId}/hours-rule-risk`, { benefitEffectDate }).expect(200);
    return citizenId;
  };
  const runJob = async (tenant = 'kbh', body: object = {}) => (await api(tenant).post('/jobs/hours-rule-notices', body).expect(200)).body;
  const noticeEvents = async (citizenId: string) =>
    (
      await inspect<{ event_type: string }>(`SELECT event_type FROM outbox WHERE message_key = $1 AND event_type = ANY($2) ORDER BY seq`, [
        citizenId,
        [HoursRuleWarningIssued.type, HoursRuleHearingIssued.type],
      ])
    ).map((row) => row.event_type);
  const tasksOf = async (citizenId: string) => (await api().get(`/tasks?citizenId=${citizenId}`).expect(200)).body;

  describe('PUT and DELETE /citizens/:id/hours-rule-risk', () => {
    it('registers the effective date with its deadlines, and clears it', async () => {
      const citizenId = await registerCitizen();
      const put = await api().put(`/citizens/${citizenId}/hours-rule-risk`, { benefitEffectDate: '2027-08-31' }).expect(200);
      expect(put.body).toEqual({
        citizenId,
        atRisk: true,
        benefitEffectDate: '2027-08-31',
        warningDeadline: '2027-02-28',
        hearingDeadline: '2027-07-31',
        notices: [],
      });
      expect((await api().get(`/citizens/${citizenId}/hours-rule-risk`).expect(200)).body).toEqual(put.body);
      expect(await inspect(`SELECT tenant_id FROM hours_rule_tenant`)).toEqual([{ tenant_id: 'kbh' }]);

      const cleared = await api().delete(`/citizens/${citizenId}/hours-rule-risk`).expect(200);
      expect(cleared.body).toEqual({ ...put.body, atRisk: false });
      const again = await api().delete(`/citizens/${citizenId}/hours-rule-risk`).expect(409);
      expect(again.body.code).toBe('hours-rule-risk-not-registered');
      expect((await api().get(`/citizens/${citizenId}/hours-rule-risk`).expect(200)).body).toEqual(cleared.body);
    });

    it('answers retries with the same Idempotency-Key from the log', async () => {
      const citizenId = await registerCitizen();
      const first = await api().put(`/citizens/${citizenId}/hours-rule-risk`, { benefitEffectDate: '2027-09-30' }, `risk-${citizenId}`).expect(200);
      const again = await api().put(`/citizens/${citizenId}/hours-rule-risk`, { benefitEffectDate: '2027-09-30' }, `risk-${citizenId}`).expect(200);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      const cleared = await api().delete(`/citizens/${citizenId}/hours-rule-risk`, `clear-${citizenId}`).expect(200);
      const clearedAgain = await api().delete(`/citizens/${citizenId}/hours-rule-risk`, `clear-${citizenId}`).expect(200);
      expect(clearedAgain.body).toEqual(cleared.body);
      expect(clearedAgain.headers['idempotent-replayed']).toBe('true');
    });

    it('refuses bad input with 400, unknown and other tenants’ citizens with 404, and an exited citizen with 409', async () => {
      const citizenId = await registerCitizen();
      expect(fieldsOf((await api().put(`/citizens/${citizenId}/hours-rule-risk`, {}).expect(400)).body)).toEqual(['benefitEffectDate']);
      expect(fieldsOf((await api().put(`/citizens/${citizenId}/hours-rule-risk`, { benefitEffectDate: '2027-02-29', hours: 225 }).expect(400)).body)).toEqual([
        'benefitEffectDate',
        'hours',
      ]);
      const theirs = await registerCitizen('slagelse');
      await api().put(`/citizens/${UNKNOWN_ID}/hours-rule-risk`, { benefitEffectDate: '2027-08-31' }).expect(404);
      await api('kbh').put(`/citizens/${theirs}/hours-rule-risk`, { benefitEffectDate: '2027-08-31' }).expect(404);
      await api('kbh').delete(`/citizens/${theirs}/hours-rule-risk`).expect(404);
      await api('kbh').get(`/citizens/${theirs}/hours-rule-risk`).expect(404);

      await markExited(citizenId);
      const refused = await api().put(`/citizens/${citizenId}/hours-rule-risk`, { benefitEffectDate: '2027-08-31' }).expect(409);
      expect(refused.body.code).toBe('citizen-exited');
      expect(await inspect(`SELECT 1 FROM hours_rule_risk WHERE citizen_id = ANY($1)`, [[citizenId, theirs]])).toEqual([]);
    });
  });

  describe('the daily job (POST /jobs/hours-rule-notices)', () => {
    it('issues each due notice once, with a task, and reports late ones; a second run issues nothing', async () => {
      // Warning due soon (deadline in 5 days), hearing months away.
      const warnNow = await atRisk(addDays(addCalendarMonths(today, 6), 5));
      // Both deadlines passed, effective date not yet come: issued late.
      const overdue = await atRisk(addDays(today, 20));
      // The effective date has come: nothing is sent any more.
      const late = await atRisk(today);
      // Far away: nothing yet.
      const notYet = await atRisk(addDays(addCalendarMonths(today, 6), 60));
      const cleared = await atRisk(addDays(today, 20));
      await api().delete(`/citizens/${cleared}/hours-rule-risk`).expect(200);
      const exited = await atRisk(addDays(today, 20));
      await markExited(exited);

      const first = await runJob();
      expect(first).toEqual({
        today,
        citizensChecked: 4,
        issuedWarnings: 2,
        issuedHearings: 1,
        issuedAfterDeadline: 2,
        skippedLate: expect.arrayContaining([
          { citizenId: late, notice: 'warning', benefitEffectDate: today, deadline: warningDeadline(today) },
          { citizenId: late, notice: 'hearing', benefitEffectDate: today, deadline: hearingDeadline(today) },
        ]),
        skippedExited: 1,
        failed: 0,
      });
      expect(first.skippedLate).toHaveLength(2);

      const warnDeadline = warningDeadline(addDays(addCalendarMonths(today, 6), 5));
      const [warning] = await testbed.probe.waitFor(HoursRuleWarningIssued, warnNow);
      expect(warning.data).toEqual({
        citizenId: warnNow,
        noticeId: expect.any(String),
        benefitEffectDate: addDays(addCalendarMonths(today, 6), 5),
        issuedOn: today,
        deadline: warnDeadline,
      });
      expect(await tasksOf(warnNow)).toEqual([
        expect.objectContaining({ kind: 'hours-rule-warning', dueDate: warnDeadline, status: 'open', noticeId: warning.data.noticeId, interviewId: null }),
      ]);

      const [overdueWarning] = await testbed.probe.waitFor(HoursRuleWarningIssued, overdue);
      const [overdueHearing] = await testbed.probe.waitFor(HoursRuleHearingIssued, overdue);
      expect(overdueWarning.data).toMatchObject({ issuedOn: today, deadline: warningDeadline(addDays(today, 20)) });
      expect(overdueHearing.data).toMatchObject({ issuedOn: today, deadline: hearingDeadline(addDays(today, 20)) });
      expect((await tasksOf(overdue)).map((task: { kind: string; dueDate: string }) => [task.kind, task.dueDate]).sort()).toEqual([
        ['hours-rule-hearing', today],
        ['hours-rule-warning', today],
      ]);
      expect((await api().get(`/citizens/${overdue}/hours-rule-risk`).expect(200)).body.notices).toEqual([
        { noticeId: overdueWarning.data.noticeId, kind: 'warning', benefitEffectDate: addDays(today, 20), issuedOn: today, deadline: overdueWarning.data.deadline },
        { noticeId: overdueHearing.data.noticeId, kind: 'hearing', benefitEffectDate: addDays(today, 20), issuedOn: today, deadline: overdueHearing.data.deadline },
      ]);

      const second = await runJob();
      expect(second).toMatchObject({ citizensChecked: 4, issuedWarnings: 0, issuedHearings: 0, issuedAfterDeadline: 0, skippedExited: 1, failed: 0 });
      expect(second.skippedLate).toHaveLength(2);
      expect(await noticeEvents(warnNow)).toEqual([HoursRuleWarningIssued.type]);
      expect(await noticeEvents(overdue)).toEqual([HoursRuleWarningIssued.type, HoursRuleHearingIssued.type]);
      for (const citizenId of [late, notYet, cleared, exited]) {
        expect(await noticeEvents(citizenId)).toEqual([]);
        expect(await tasksOf(citizenId)).toEqual([]);
      }
    });

    it('issues each notice once when two runs go at the same time', async () => {
      const citizenId = await atRisk(addDays(today, 25));
      const runs = await Promise.all([runJob(), runJob(), runJob()]);
      expect(runs.reduce((sum, run) => sum + run.issuedWarnings, 0)).toBe(1);
      expect(runs.reduce((sum, run) => sum + run.issuedHearings, 0)).toBe(1);
      expect(runs.every((run) => run.failed === 0)).toBe(true);
      expect(await noticeEvents(citizenId)).toEqual([HoursRuleWarningIssued.type, HoursRuleHearingIssued.type]);
      expect(await tasksOf(citizenId)).toHaveLength(2);
    });

    it('issues new notices when the effective date moves, keeping the old ones', async () => {
      const citizenId = await atRisk(addDays(today, 10));
      await runJob();
      await api().put(`/citizens/${citizenId}/hours-rule-risk`, { benefitEffectDate: addDays(today, 15) }).expect(200);
      const run = await runJob();
      expect(run).toMatchObject({ issuedWarnings: 1, issuedHearings: 1 });
      const view = (await api().get(`/citizens/${citizenId}/hours-rule-risk`).expect(200)).body;
      expect(view.notices.map((n: { kind: string; benefitEffectDate: string }) => [n.kind, n.benefitEffectDate]).sort()).toEqual(
        [
          ['hearing', addDays(today, 10)],
          ['hearing', addDays(today, 15)],
          ['warning', addDays(today, 10)],
          ['warning', addDays(today, 15)],
        ].sort(),
      );
    });

    it('runs for the caller’s tenant only, and takes a past day but not a future one', async () => {
      const theirs = await atRisk(addDays(today, 30), 'slagelse');
      await runJob('kbh');
      expect(await noticeEvents(theirs)).toEqual([]);

      // Forty days ago the warning for an effective date 30 days ahead was already overdue, the hearing not yet due.
      const past = await runJob('slagelse', { today: addDays(today, -40) });
      expect(past).toMatchObject({ today: addDays(today, -40), issuedWarnings: 1, issuedHearings: 0 });
      const [warning] = await testbed.probe.waitFor(HoursRuleWarningIssued, theirs);
      expect(warning.data.issuedOn).toBe(addDays(today, -40));

      const future = await api('slagelse').post('/jobs/hours-rule-notices', { today: addDays(today, 1) }).expect(400);
      expect(future.body.errors).toEqual([expect.objectContaining({ field: 'today', code: 'notInFuture' })]);
      expect(fieldsOf((await api().post('/jobs/hours-rule-notices', { today: 'yesterday', force: true }).expect(400)).body)).toEqual(['force', 'today']);
    });

    it('the scheduler runs the job for every tenant with a risk, outside any request', async () => {
      const kbh = await atRisk(addDays(addCalendarMonths(today, 6), 1));
      const slagelse = await atRisk(addDays(addCalendarMonths(today, 6), 2), 'slagelse');
      expect((await inspect(`SELECT tenant_id FROM hours_rule_tenant ORDER BY tenant_id`)).map((row) => row.tenant_id)).toEqual(['kbh', 'slagelse']);

      await testbed.service.app.get(HoursRuleScheduler).runForAllTenants();
      await testbed.probe.waitFor(HoursRuleWarningIssued, kbh);
      await testbed.probe.waitFor(HoursRuleWarningIssued, slagelse);
      const [event] = testbed.probe.of(HoursRuleWarningIssued, slagelse);
      expect(event.tenant).toBe('slagelse');
    });
  });

  it('documents the endpoints in OpenAPI', async () => {
    const docs = await openApiDocument();
    expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(['/citizens/{id}/hours-rule-risk', '/jobs/hours-rule-notices']));
    expect(Object.keys(docs.paths['/citizens/{id}/hours-rule-risk']).sort()).toEqual(['delete', 'get', 'put']);
  });
});
