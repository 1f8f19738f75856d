import { areaInScope, citizenInScope, dataScopeOf, EMPTY_SCOPE, LinkedStaffMember, staffInScope } from './data-scope';

const anna: LinkedStaffMember = { staffId: 'anna', teamCode: 'nord', areaCodes: ['tingbjerg', 'husum'], active: true };
const citizen = (areaCode: string, consultantId: string | null = null, teamCode: string | null = null) => ({ areaCode, consultantId, teamCode });

describe('dataScopeOf and citizenInScope', () => {
  it('a job consultant reaches their own caseload and the unassigned citizens of their areas, nobody else', () => {
    const scope = dataScopeOf(['job-consultant'], anna);
    expect(citizenInScope(scope, citizen('urbanplanen', 'anna', 'syd'))).toBe(true); // own, wherever they live
    expect(citizenInScope(scope, citizen('tingbjerg'))).toBe(true); // intake in own area
    expect(citizenInScope(scope, citizen('urbanplanen'))).toBe(false); // intake elsewhere
    expect(citizenInScope(scope, citizen('tingbjerg', 'bo', 'nord'))).toBe(false); // a colleague's, even in own area and team
  });

  it("a team lead reaches the team's caseloads and the intake of their areas", () => {
    const scope = dataScopeOf(['team-lead'], anna);
    expect(citizenInScope(scope, citizen('urbanplanen', 'bo', 'nord'))).toBe(true);
    expect(citizenInScope(scope, citizen('tingbjerg', 'carl', 'syd'))).toBe(false);
    expect(citizenInScope(scope, citizen('husum'))).toBe(true);
  });

  it("a mentor reaches every citizen of their areas, whoever holds the case, and none elsewhere", () => {
    const scope = dataScopeOf(['mentor'], anna);
    expect(citizenInScope(scope, citizen('tingbjerg', 'carl', 'syd'))).toBe(true);
    expect(citizenInScope(scope, citizen('urbanplanen', 'anna', 'nord'))).toBe(false);
  });

  it('roles add up; a unit lead reaches everything, linked or not', () => {
    const both = dataScopeOf(['job-consultant', 'mentor'], anna);
    expect(citizenInScope(both, citizen('tingbjerg', 'carl', 'syd'))).toBe(true);
    expect(citizenInScope(both, citizen('urbanplanen', 'anna', 'syd'))).toBe(true);
    expect(dataScopeOf(['unit-lead'], undefined).everything).toBe(true);
    expect(citizenInScope(dataScopeOf(['unit-lead'], undefined), citizen('anywhere', 'x', 'y'))).toBe(true);
  });

  it('no linked staff member, an inactive one, or no scoped role: nothing', () => {
    expect(dataScopeOf(['job-consultant', 'team-lead', 'mentor'], undefined)).toEqual(EMPTY_SCOPE);
    const left = dataScopeOf(['job-consultant'], { ...anna, active: false });
    expect(citizenInScope(left, citizen('urbanplanen', 'anna', 'nord'))).toBe(false);
    const manager = dataScopeOf(['manager'], anna);
    expect(citizenInScope(manager, citizen('tingbjerg'))).toBe(false);
  });
});

describe('staffInScope and areaInScope', () => {
  it("own caseload for anyone; the team's for a team lead; all for a unit lead", () => {
    expect(staffInScope(dataScopeOf(['job-consultant'], anna), { staffId: 'anna', teamCode: 'nord' })).toBe(true);
    expect(staffInScope(dataScopeOf(['job-consultant'], anna), { staffId: 'bo', teamCode: 'nord' })).toBe(false);
    expect(staffInScope(dataScopeOf(['team-lead'], anna), { staffId: 'bo', teamCode: 'nord' })).toBe(true);
    expect(staffInScope(dataScopeOf(['team-lead'], anna), { staffId: 'carl', teamCode: 'syd' })).toBe(false);
    expect(staffInScope(dataScopeOf(['unit-lead'], undefined), { staffId: 'carl', teamCode: 'syd' })).toBe(true);
  });

  it("desks of the user's own areas", () => {
    expect(areaInScope(dataScopeOf(['job-consultant'], anna), 'husum')).toBe(true);
    expect(areaInScope(dataScopeOf(['mentor'], anna), 'tingbjerg')).toBe(true);
    expect(areaInScope(dataScopeOf(['job-consultant'], anna), 'urbanplanen')).toBe(false);
    expect(areaInScope(dataScopeOf(['unit-lead'], undefined), 'urbanplanen')).toBe(true);
  });
});
