import { CitizenAreaChanged, CitizenMatchGroupChanged, CitizenReadinessChanged, CitizenStepChanged } from '@fremskudt/contracts';
import { CitizenProfile, profileChanges } from './citizen-profile';

const current: CitizenProfile = {
  areaCode: 'tingbjerg',
  benefitType: 'cash-benefit',
  readiness: 'activity-ready',
  matchGroup: null,
  step: 1,
  interpreterNeeded: false,
};

describe('profileChanges', () => {
  it('is empty when nothing is given or everything given equals the current profile', () => {
    expect(profileChanges(current, {})).toEqual([]);
    expect(profileChanges(current, { areaCode: 'tingbjerg', readiness: 'activity-ready', step: 1 })).toEqual([]);
  });

  it('has no change for the interpreter need: it is state only', () => {
    expect(profileChanges(current, { interpreterNeeded: true })).toEqual([]);
  });

  it('lists each changed attribute once, in a fixed order, with from and to', () => {
    expect(profileChanges(current, { step: 2, matchGroup: 3, readiness: 'activity-ready', areaCode: 'urbanplanen' })).toEqual([
      { attribute: 'areaCode', contract: CitizenAreaChanged, from: 'tingbjerg', to: 'urbanplanen' },
      { attribute: 'matchGroup', contract: CitizenMatchGroupChanged, from: null, to: 3 },
      { attribute: 'step', contract: CitizenStepChanged, from: 1, to: 2 },
    ]);
  });

  it('treats step 0 as a value, not as missing', () => {
    expect(profileChanges(current, { step: 0 })).toEqual([{ attribute: 'step', contract: CitizenStepChanged, from: 1, to: 0 }]);
    expect(profileChanges({ ...current, step: 0 }, { step: 0 })).toEqual([]);
  });

  it('changes readiness both ways', () => {
    expect(profileChanges(current, { readiness: 'job-ready' })).toEqual([
      { attribute: 'readiness', contract: CitizenReadinessChanged, from: 'activity-ready', to: 'job-ready' },
    ]);
  });
});
