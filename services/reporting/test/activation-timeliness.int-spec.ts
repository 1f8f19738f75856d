import { randomUUID } from 'node:crypto';
import { ActivationStarted, ActivationType, OfferPlanned, OfferType, PayloadOf } from '@fremskudt/contracts';
import { CitizenStory, KBH, PlayedEvent, reportingTestbed } from './support/reporting-testbed';

const PERIOD = { type: 'range', from: '2016-05-01', to: '2016-09-30' };
const OUTREACH = { areas: ['tingbjerg', 'urbanplanen'] };
const name = (da: string) => ({ da, en: da });

const GOALS = [
  { id: 'rettidig-aktivering', kind: 'timeliness', scope: OUTREACH, target: { value: 0.6 }, definition: { of: 'activations' } },
  { id: 'rettidig-aktivering-relativ', kind: 'timeliness', scope: OUTREACH, target: { relativeTo: { scope: {} } }, definition: { of: 'activations' } },
  { id: 'rettidige-samtaler', kind: 'timeliness', scope: OUTREACH, target: { value: 0.6 }, definition: { of: 'interviews' } },
  { id: 'praktikstarter-til-tiden', kind: 'count', scope: OUTREACH, target: { value: 1 }, definition: { events: { fact: 'activation-started', where: { activationKind: 'placement', onTime: true } } } },
].map((goal) => ({ name: name(goal.id), period: PERIOD, ...goal }));

/** A citizen's activations as caseload publishes them: planned offers with their due date, starts with theirs. */
class ActivationStory {
  readonly story: CitizenStory;
  readonly events: PlayedEvent[];

  constructor(areaCode: string, registeredOn: string) {
    this.story = new CitizenStory(areaCode, registeredOn);
    this.events = this.story.events;
  }

  get citizenId(): string {
    return this.story.citizenId;
  }

  planned(offerType: OfferType, plannedStart: string, activationDueDate?: string): this {
    const payload: PayloadOf<typeof OfferPlanned> = { citizenId: this.citizenId, offerId: randomUUID(), offerType, providerCode: null, plannedStart, plannedEnd: null };
    this.events.push({ contract: OfferPlanned, payload: activationDueDate ? { ...payload, activationDueDate } : payload, id: randomUUID() });
    return this;
  }

  started(activationType: ActivationType, startedOn: string, dueDate: string): this {
    const payload: PayloadOf<typeof ActivationStarted> = {
      citizenId: this.citizenId,
      activationId: randomUUID(),
      activationKind: activationType === 'company-internship' || activationType === 'wage-subsidy-job' ? 'placement' : 'offer',
      activationType,
      startedOn,
      dueDate,
      onTime: startedOn <= dueDate,
      nextDueDate: dueDate,
    };
    this.events.push({ contract: ActivationStarted, payload, id: randomUUID() });
    return this;
  }
}

/**
 * Activation timeliness: of the activations due in the period (planned offers and started
 * activations, by the due date caseload gave them), the share started by that date.
 */
describe('reporting: activation timeliness (real PostgreSQL and Kafka)', () => {
  const testbed = reportingTestbed('activation-timeliness');
  const { api } = testbed;

  const onTimeOffer = new ActivationStory('tingbjerg', '2015-12-01').planned('course', '2016-05-20', '2016-06-01').started('course', '2016-05-20', '2016-06-01');
  const onTimeInternship = new ActivationStory('urbanplanen', '2016-01-10').started('company-internship', '2016-07-01', '2016-07-10');
  const late = new ActivationStory('tingbjerg', '2016-02-15').planned('mentor', '2016-09-01', '2016-08-15').started('mentor', '2016-09-01', '2016-08-15');
  const neverStarted = new ActivationStory('urbanplanen', '2016-03-01').planned('language', '2016-08-20', '2016-09-01');
  // Two plans for the same due date and one start in time: one obligation, met.
  const twoPlans = new ActivationStory('tingbjerg', '2016-03-20')
    .planned('course', '2016-09-05', '2016-09-20')
    .planned('mentor', '2016-09-10', '2016-09-20')
    .started('mentor', '2016-09-10', '2016-09-20');
  // Due outside the period (June 2015 and October 2016): not counted, whenever they started.
  const dueBefore = new ActivationStory('tingbjerg', '2014-12-01').started('course', '2016-05-03', '2015-06-01');
  const dueAfter = new ActivationStory('tingbjerg', '2016-04-15').started('wage-subsidy-job', '2016-06-01', '2016-10-15');
  // An offer planned before caseload gave plans a due date: nothing to measure.
  const withoutDueDate = new ActivationStory('urbanplanen', '2016-01-05').planned('course', '2016-06-01');
  // Elsewhere in the job centre: two due, one on time.
  const elsewhereOnTime = new ActivationStory('valby', '2016-01-01').started('course', '2016-06-15', '2016-07-01');
  const elsewhereLate = new ActivationStory('valby', '2016-01-01').planned('course', '2016-07-05', '2016-07-01').started('course', '2016-07-05', '2016-07-01');
  const stories = [onTimeOffer, onTimeInternship, late, neverStarted, twoPlans, dueBefore, dueAfter, withoutDueDate, elsewhereOnTime, elsewhereLate];
  // An interview obligation in the outreach areas, so the two subjects are seen to stay apart.
  const interviewed = new CitizenStory('tingbjerg', '2016-02-01').interview('2016-05-01', { heldOn: '2016-04-28' });
  const events = [...stories.flatMap((story) => story.events), ...interviewed.events];

  const status = async (goalId: string, query = '') => (await api().get(`/goals/${goalId}/status${query}`).expect(200)).body;

  beforeAll(async () => {
    await api().post('/goals/import', { goals: GOALS }).expect(200);
    await testbed.playEvents(KBH, events);
    await testbed.processed(events);
  });

  it('counts the activations due in the period, met when one started by the due date', async () => {
    // Due in the outreach areas: onTimeOffer, onTimeInternship, late, neverStarted, twoPlans; on time: 3 of them.
    const activations = await status('rettidig-aktivering', '?citizens=true');
    expect(activations).toMatchObject({ kind: 'timeliness', status: 'met', numerator: 3, denominator: 5, realised: 0.6, target: 0.6 });
    expect(activations.citizens).toEqual({
      numerator: [onTimeOffer, onTimeInternship, twoPlans].map((s) => s.citizenId).sort(),
      denominator: [onTimeOffer, onTimeInternship, late, neverStarted, twoPlans].map((s) => s.citizenId).sort(),
    });
    // Interviews are their own obligations: the one held on time.
    expect(await status('rettidige-samtaler')).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('compares with the whole job centre, and filters activations by kind and timeliness', async () => {
    // The whole tenant: 4 of 7 on time = 0.571…; the areas' 0.6 reach it.
    const relative = await status('rettidig-aktivering-relativ');
    expect(relative).toMatchObject({ status: 'met', realised: 0.6, comparison: { scope: {}, numerator: 4, denominator: 7 } });
    expect(relative.target).toBeCloseTo(4 / 7, 12);
    // Company placements that started on time in the period: the internship, and the wage-subsidy job due in October.
    expect(await status('praktikstarter-til-tiden')).toMatchObject({ status: 'met', realised: 2 });
  });

  it('refuses a timeliness goal of anything else, naming what it may be', async () => {
    const refused = await api()
      .post('/goals', { ...GOALS[0], id: 'rettidige-hjemmebesoeg', definition: { of: 'home-visits' } })
      .set('accept-language', 'en')
      .expect(400);
    expect(refused.body.errors).toEqual([{ field: 'definition.of', code: 'invalid', message: 'must be one of: interviews, activations' }]);
  });
});
