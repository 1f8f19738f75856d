import type { BenefitType, Readiness } from '@fremskudt/contracts';
import type { FieldProblem } from '@fremskudt/service-kit';
import { ageOn, IsoDate } from '../shared/dates';
import type { Eligibility } from '../projects/project-definition';

/** What the projects service knows of a citizen, from caseload's citizens topic. */
export interface CitizenFacts {
  birthDate: IsoDate;
  areaCode: string;
  benefitType: BenefitType;
  readiness: Readiness;
  matchGroup: number | null;
  step: number | null;
  interpreterNeeded: boolean;
  active: boolean;
}

/** The project as far as taking one more participant on a date goes. */
export interface ProjectIntake {
  startDate: IsoDate;
  endDate: IsoDate | null;
  capacity: number | null;
  eligibility: Eligibility;
}

/**
 * A reason a citizen can't be enrolled, as a field problem: `field` names the project's criterion
 * (or the citizen, or the capacity) that refuses, `code` says how, `message` gives the figures.
 */
export type Refusal = FieldProblem;

const list = (values: ReadonlyArray<string | number>) => values.join(', ');

/**
 * Every criterion of the project the citizen fails on the enrolment date. Empty: eligible. A
 * criterion with an empty list takes anyone; an unassessed match group or step fails a criterion
 * that names some. Gender is not checked: caseload's topic carries none (see `notChecked`).
 */
export function eligibilityRefusals(eligibility: Eligibility, citizen: CitizenFacts | null, on: IsoDate): Refusal[] {
  if (!citizen) {
    return [{ field: 'citizenId', code: 'citizenUnknown', message: "is not a citizen of the outreach team (not, or not yet, on caseload's citizens topic)" }];
  }
  const refusals: Refusal[] = [];
  if (!citizen.active) refusals.push({ field: 'citizenId', code: 'caseClosed', message: 'has left the outreach team (exited) and has no open case' });

  const age = ageOn(citizen.birthDate, on);
  if (eligibility.minAge !== null && age < eligibility.minAge) {
    refusals.push({ field: 'eligibility.minAge', code: 'tooYoung', message: `is ${age} on ${on}; the project takes from ${eligibility.minAge}` });
  }
  if (eligibility.maxAge !== null && age > eligibility.maxAge) {
    refusals.push({ field: 'eligibility.maxAge', code: 'tooOld', message: `is ${age} on ${on}; the project takes up to ${eligibility.maxAge}` });
  }
  if (eligibility.benefitTypes.length && !eligibility.benefitTypes.includes(citizen.benefitType)) {
    refusals.push({ field: 'eligibility.benefitTypes', code: 'benefitType', message: `receives ${citizen.benefitType}; the project takes ${list(eligibility.benefitTypes)}` });
  }
  if (eligibility.readiness.length && !eligibility.readiness.includes(citizen.readiness)) {
    refusals.push({ field: 'eligibility.readiness', code: 'readiness', message: `is ${citizen.readiness}; the project takes ${list(eligibility.readiness)}` });
  }
  if (eligibility.areaCodes.length && !eligibility.areaCodes.includes(citizen.areaCode)) {
    refusals.push({ field: 'eligibility.areaCodes', code: 'area', message: `lives in ${citizen.areaCode}; the project takes ${list(eligibility.areaCodes)}` });
  }
  if (eligibility.matchGroups.length) {
    if (citizen.matchGroup === null) {
      refusals.push({ field: 'eligibility.matchGroups', code: 'matchGroupNotAssessed', message: `has no match group; the project takes ${list(eligibility.matchGroups)}` });
    } else if (!eligibility.matchGroups.includes(citizen.matchGroup)) {
      refusals.push({ field: 'eligibility.matchGroups', code: 'matchGroup', message: `is in match group ${citizen.matchGroup}; the project takes ${list(eligibility.matchGroups)}` });
    }
  }
  if (eligibility.steps.length) {
    if (citizen.step === null) {
      refusals.push({ field: 'eligibility.steps', code: 'stepNotAssessed', message: `has no step; the project takes ${list(eligibility.steps)}` });
    } else if (!eligibility.steps.includes(citizen.step)) {
      refusals.push({ field: 'eligibility.steps', code: 'step', message: `is at step ${citizen.step}; the project takes ${list(eligibility.steps)}` });
    }
  }
  if (eligibility.languageRequirement === 'without-interpreter' && citizen.interpreterNeeded) {
    refusals.push({ field: 'eligibility.languageRequirement', code: 'interpreterNeeded', message: 'needs an interpreter; the project takes citizens without' });
  }
  return refusals;
}

/** The project's own limits on taking a participant on a date: its period and its places. */
export function intakeRefusals(project: ProjectIntake, activeParticipants: number, on: IsoDate): Refusal[] {
  const refusals: Refusal[] = [];
  if (on < project.startDate) refusals.push({ field: 'startDate', code: 'beforeProjectStart', message: `the project starts on ${project.startDate}` });
  if (project.endDate !== null && on > project.endDate) refusals.push({ field: 'endDate', code: 'projectEnded', message: `the project ended on ${project.endDate}` });
  if (project.capacity !== null && activeParticipants >= project.capacity) {
    refusals.push({ field: 'capacity', code: 'capacityReached', message: `all ${project.capacity} places are taken (${activeParticipants} active participants)` });
  }
  return refusals;
}
