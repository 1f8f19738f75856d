import { BENEFIT_TYPES, READINESS } from '@fremskudt/contracts';
import { FactCatalog, Localised } from '../read-models/fact-catalog';
import { PARTICIPANT_ENROLLED } from '../read-models/projects.projection';
import { GoalPeriod, isCalendarDate, periodProblems } from './periods';

/**
 * The goal model as data. A goal document is what the API and the tenant files carry; the
 * checker turns it into a typed definition the engine computes, or into the reasons it cannot
 * be computed (each with the field it concerns). The vocabulary is small and declarative:
 *
 *  - a population: citizens in case in the goal's scope (during the period or at its end),
 *    with filters (benefit type, readiness, age on a date, having had some fact);
 *  - citizen predicates: "has a fact of kind K (with attributes) within a window, optionally
 *    on or after a fact of kind L", "has a current job plan", and any-of / all-of / not;
 *  - event selectors: facts of some kinds with attribute filters, counted in the period.
 *
 * The facts and their attributes are the read models' catalog (FACT_CATALOG), so a definition
 * naming something no projection records is refused with the reason.
 */

export const GOAL_KINDS = ['share', 'count', 'rate', 'timeliness', 'cohort', 'milestone', 'manual'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];
export const DIRECTIONS = ['at-least', 'at-most'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface GoalScope {
  /** Housing areas (codes); none means every area. */
  areas?: string[];
  /** Teams (codes, the responsible consultant's team); none means every team. */
  teams?: string[];
  /**
   * A project (its code, or its id): the population is the project's participants. Facts of the
   * projects topic count by their project; other facts count when their citizen was a participant
   * on the day (enrolled by then and not left before).
   */
  project?: string;
}

export interface GoalTarget {
  /** Absolute target: a share as a fraction (0.9 = 90 %), a count, a rate per citizen-month. */
  value?: number;
  /** Relative target: the realised value of the same definition for another scope in the same period, times factor plus offset. */
  relativeTo?: { scope: GoalScope; factor?: number; offset?: number };
}

/** A goal as created, changed, listed and loaded from a tenant file. */
export interface GoalDocument {
  id: string;
  name: Localised;
  scope: GoalScope;
  period: GoalPeriod;
  kind: GoalKind;
  target?: GoalTarget;
  direction?: Direction;
  /** Fraction of the target that makes a goal partly met; the tenant's default when left out. */
  partialThreshold?: number;
  definition: Record<string, unknown>;
}

// ---- the typed definition the engine computes ---------------------------------------------------

export interface EventSelector {
  facts: string[];
  where: Array<{ attribute: string; values: string[] }>;
}

/** When a citizen's fact must have happened: in the period, up to its end, up to the citizen's reference date, or ever. */
export const WINDOWS = ['period', 'by-period-end', 'by-reference-date', 'ever'] as const;
export type Window = (typeof WINDOWS)[number];

export type CitizenPredicate =
  | { type: 'fact'; selector: EventSelector; within: Window; after: EventSelector | null }
  | { type: 'current-job-plan' }
  | { type: 'any-of'; predicates: CitizenPredicate[] }
  | { type: 'all-of'; predicates: CitizenPredicate[] }
  | { type: 'not'; predicate: CitizenPredicate };

/** Who is in the population: in case during the period (any day of it) or on its last day. */
export const IN_CASE = ['during-period', 'at-period-end'] as const;
/** The date an age is taken on; the reference date is the period's end, or the last day in case for those who left during it. */
export const AGE_DATES = ['period-start', 'period-end', 'reference-date'] as const;

export interface Population {
  inCase: (typeof IN_CASE)[number];
  benefitTypes: string[] | null;
  readiness: string[] | null;
  age: { min: number | null; max: number | null; on: (typeof AGE_DATES)[number] } | null;
  having: CitizenPredicate | null;
}

/** Interviews (summoned, held, no-show) or activations (offers planned, activations started), each with the date it was due by. */
export const TIMELINESS_SUBJECTS = ['interviews', 'activations'] as const;

/**
 * What a cohort member must reach within the window: a fact in the window or, with `endedBy`, a
 * state the fact opens and a later fact of the same subject closes (a placement started until it
 * ended), reached when the citizen is in it at some time in the window: "in or having been in".
 */
export interface ReachSelector extends EventSelector {
  endedBy: EventSelector | null;
}

export type GoalDefinition =
  | { kind: 'share'; basis: 'citizens'; population: Population; numerator: CitizenPredicate }
  | { kind: 'share'; basis: 'events'; numerator: EventSelector; denominator: EventSelector }
  | { kind: 'count'; events: EventSelector; distinctCitizens: boolean }
  | { kind: 'rate'; events: EventSelector; population: Population }
  | { kind: 'timeliness'; of: (typeof TIMELINESS_SUBJECTS)[number] }
  | { kind: 'cohort'; start: EventSelector; reach: ReachSelector[]; withinWeeks: number; population: Population | null }
  | { kind: 'milestone'; events: EventSelector; deadline: string | null }
  | { kind: 'manual' };

export interface DefinitionProblem {
  /** Dotted path in the goal document, e.g. `definition.numerator.fact`. */
  field: string;
  /** `invalid` (malformed), `unknown` (names something that does not exist), `cannot-compute` (well-formed but not computable). */
  code: 'invalid' | 'unknown' | 'cannot-compute';
  message: Localised;
}

export type CheckedGoal = { ok: true; definition: GoalDefinition } | { ok: false; problems: DefinitionProblem[] };

// ---- the checker ---------------------------------------------------------------------------------

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

class Checker {
  readonly problems: DefinitionProblem[] = [];

  constructor(private readonly catalog: FactCatalog) {}

  problem(field: string, code: DefinitionProblem['code'], da: string, en: string): null {
    this.problems.push({ field, code, message: { da, en } });
    return null;
  }

  /** Refuses keys the form does not know: a misspelt filter must not be silently ignored. */
  onlyKeys(value: Json, field: string, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.problem(`${field}.${key}`, 'unknown', `ukendt felt; tilladt: ${allowed.join(', ')}`, `unknown field; allowed: ${allowed.join(', ')}`);
    }
  }

  object(value: unknown, field: string): Json | null {
    if (isObject(value)) return value;
    return this.problem(field, 'invalid', 'skal være et objekt', 'must be an object');
  }

  oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[], fallback?: T): T | null {
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    return this.problem(field, 'invalid', `skal være en af: ${allowed.join(', ')}`, `must be one of: ${allowed.join(', ')}`);
  }

  stringList(value: unknown, field: string, allowed?: readonly string[]): string[] | null {
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.length === 0 || !list.every((item) => typeof item === 'string')) {
      return this.problem(field, 'invalid', 'skal være en tekst eller en ikke-tom liste af tekster', 'must be a string or a non-empty list of strings');
    }
    const unknown = allowed ? list.filter((item) => !allowed.includes(item)) : [];
    if (unknown.length) return this.problem(field, 'unknown', `ukendt værdi ${unknown.join(', ')}; tilladt: ${allowed!.join(', ')}`, `unknown value ${unknown.join(', ')}; allowed: ${allowed!.join(', ')}`);
    return [...new Set(list as string[])];
  }

  /** `{ fact: kind | kinds, where?: { attribute: value | values } }`; with `citizen`, only facts about a citizen. */
  selector(value: unknown, field: string, { citizen = false, extraKeys = [] as string[] } = {}): EventSelector | null {
    const json = this.object(value, field);
    if (!json) return null;
    this.onlyKeys(json, field, ['fact', 'where', ...extraKeys]);
    const facts = this.stringList(json.fact, `${field}.fact`);
    if (!facts) return null;
    for (const fact of facts) {
      const kind = this.catalog.find(fact);
      if (!kind) {
        this.problem(`${field}.fact`, 'unknown', `ingen læsemodel registrerer faktummet ${fact}`, `no read model records the fact ${fact}`);
      } else if (citizen && !this.catalog.hasCitizen(fact)) {
        this.problem(`${field}.fact`, 'cannot-compute', `${fact} handler ikke om en borger og kan ikke bruges om borgere`, `${fact} is not about a citizen and cannot be used for citizens`);
      }
    }
    const where: EventSelector['where'] = [];
    if (json.where !== undefined) {
      const filters = this.object(json.where, `${field}.where`);
      for (const [attribute, raw] of Object.entries(filters ?? {})) {
        const path = `${field}.where.${attribute}`;
        const specs = facts.map((fact) => this.catalog.find(fact)).filter((kind) => kind !== undefined);
        const missing = specs.filter((kind) => !kind.attributes[attribute]);
        if (missing.length) {
          this.problem(path, 'unknown', `${missing.map((k) => k.kind).join(', ')} har ingen egenskab ${attribute}`, `${missing.map((k) => k.kind).join(', ')} has no attribute ${attribute}`);
          continue;
        }
        const normalised = (Array.isArray(raw) ? raw : [raw]).map((item) => (typeof item === 'boolean' ? String(item) : item));
        const spec = specs[0]?.attributes[attribute];
        const allowed = spec && 'values' in spec ? spec.values : spec && 'type' in spec && spec.type === 'boolean' ? ['true', 'false'] : undefined;
        const values = this.stringList(normalised, path, allowed);
        if (values) where.push({ attribute, values });
      }
    }
    return { facts, where };
  }

  predicate(value: unknown, field: string): CitizenPredicate | null {
    const json = this.object(value, field);
    if (!json) return null;
    if ('anyOf' in json || 'allOf' in json) {
      const key = 'anyOf' in json ? 'anyOf' : 'allOf';
      this.onlyKeys(json, field, [key]);
      const list = json[key];
      if (!Array.isArray(list) || list.length === 0) return this.problem(`${field}.${key}`, 'invalid', 'skal være en ikke-tom liste', 'must be a non-empty list');
      const predicates = list.map((item, index) => this.predicate(item, `${field}.${key}.${index}`));
      if (predicates.some((p) => p === null)) return null;
      return { type: key === 'anyOf' ? 'any-of' : 'all-of', predicates: predicates as CitizenPredicate[] };
    }
    if ('not' in json) {
      this.onlyKeys(json, field, ['not']);
      const predicate = this.predicate(json.not, `${field}.not`);
      return predicate && { type: 'not', predicate };
    }
    if ('currentJobPlan' in json) {
      this.onlyKeys(json, field, ['currentJobPlan']);
      if (json.currentJobPlan !== true) return this.problem(`${field}.currentJobPlan`, 'invalid', 'skal være true', 'must be true');
      return { type: 'current-job-plan' };
    }
    if ('fact' in json) {
      const selector = this.selector(json, field, { citizen: true, extraKeys: ['within', 'after'] });
      const within = this.oneOf(json.within, `${field}.within`, WINDOWS, 'period');
      const after = json.after === undefined ? null : this.selector(json.after, `${field}.after`, { citizen: true });
      if (!selector || !within || (json.after !== undefined && !after)) return null;
      return { type: 'fact', selector, within, after };
    }
    return this.problem(field, 'invalid', 'skal være et af: fact, currentJobPlan, anyOf, allOf, not', 'must be one of: fact, currentJobPlan, anyOf, allOf, not');
  }

  population(value: unknown, field: string): Population | null {
    const json = this.object(value ?? {}, field);
    if (!json) return null;
    this.onlyKeys(json, field, ['inCase', 'benefitTypes', 'readiness', 'age', 'having']);
    const inCase = this.oneOf(json.inCase, `${field}.inCase`, IN_CASE, 'during-period');
    const benefitTypes = json.benefitTypes === undefined ? null : this.stringList(json.benefitTypes, `${field}.benefitTypes`, BENEFIT_TYPES);
    const readiness = json.readiness === undefined ? null : this.stringList(json.readiness, `${field}.readiness`, READINESS);
    let age: Population['age'] = null;
    if (json.age !== undefined) {
      const ageJson = this.object(json.age, `${field}.age`);
      if (ageJson) {
        this.onlyKeys(ageJson, `${field}.age`, ['min', 'max', 'on']);
        const bound = (key: 'min' | 'max') => {
          const raw = ageJson[key];
          if (raw === undefined) return null;
          if (Number.isInteger(raw) && (raw as number) >= 0 && (raw as number) <= 130) return raw as number;
          return this.problem(`${field}.age.${key}`, 'invalid', 'skal være en alder 0-130', 'must be an age 0-130');
        };
        const min = bound('min');
        const max = bound('max');
        const on = this.oneOf(ageJson.on, `${field}.age.on`, AGE_DATES, 'period-end');
        if (min === null && max === null) this.problem(`${field}.age`, 'invalid', 'skal have min eller max', 'needs min or max');
        else if (min !== null && max !== null && min > max) this.problem(`${field}.age.max`, 'invalid', 'må ikke være under min', 'must not be below min');
        if (on) age = { min, max, on };
      }
    }
    const having = json.having === undefined ? null : this.predicate(json.having, `${field}.having`);
    if (!inCase || (json.having !== undefined && !having)) return null;
    return { inCase, benefitTypes, readiness, age, having };
  }

  /** A cohort's reach: one alternative, or `{anyOf: [...]}`; each a fact selector with an optional `endedBy`. */
  reach(value: unknown, field: string): ReachSelector[] | null {
    const json = this.object(value, field);
    if (!json) return null;
    if (!('anyOf' in json)) {
      const one = this.reachAlternative(json, field);
      return one && [one];
    }
    this.onlyKeys(json, field, ['anyOf']);
    const list = json.anyOf;
    if (!Array.isArray(list) || list.length === 0) return this.problem(`${field}.anyOf`, 'invalid', 'skal være en ikke-tom liste', 'must be a non-empty list');
    const alternatives = list.map((item, index) => this.reachAlternative(item, `${field}.anyOf.${index}`));
    return alternatives.some((alternative) => alternative === null) ? null : (alternatives as ReachSelector[]);
  }

  private reachAlternative(value: unknown, field: string): ReachSelector | null {
    const selector = this.selector(value, field, { citizen: true, extraKeys: ['endedBy'] });
    if (!selector) return null;
    const raw = (value as Json).endedBy;
    if (raw === undefined) return { ...selector, endedBy: null };
    const endedBy = this.selector(raw, `${field}.endedBy`, { citizen: true });
    return endedBy && { ...selector, endedBy };
  }

  positiveInteger(value: unknown, field: string, max: number): number | null {
    if (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max) return value as number;
    return this.problem(field, 'invalid', `skal være et heltal 1-${max}`, `must be an integer 1-${max}`);
  }

  definition(kind: GoalKind, value: unknown, scope: GoalScope): GoalDefinition | null {
    const field = 'definition';
    const json = this.object(value, field);
    if (!json) return null;
    switch (kind) {
      case 'share': {
        if ('numeratorEvents' in json || 'denominatorEvents' in json) {
          this.onlyKeys(json, field, ['numeratorEvents', 'denominatorEvents']);
          const numerator = this.selector(json.numeratorEvents, `${field}.numeratorEvents`);
          const denominator = this.selector(json.denominatorEvents, `${field}.denominatorEvents`);
          return numerator && denominator && { kind, basis: 'events', numerator, denominator };
        }
        this.onlyKeys(json, field, ['population', 'numerator']);
        const population = this.population(json.population, `${field}.population`);
        const numerator = json.numerator === undefined ? this.problem(`${field}.numerator`, 'invalid', 'skal udfyldes', 'is required') : this.predicate(json.numerator, `${field}.numerator`);
        return population && numerator && { kind, basis: 'citizens', population, numerator };
      }
      case 'count': {
        this.onlyKeys(json, field, ['events', 'distinctCitizens']);
        const events = this.selector(json.events, `${field}.events`);
        if (json.distinctCitizens !== undefined && typeof json.distinctCitizens !== 'boolean') this.problem(`${field}.distinctCitizens`, 'invalid', 'skal være true eller false', 'must be true or false');
        const distinctCitizens = json.distinctCitizens === true;
        if (events && distinctCitizens && events.facts.some((fact) => !this.catalog.hasCitizen(fact))) {
          return this.problem(`${field}.distinctCitizens`, 'cannot-compute', 'faktummet har ingen borger at tælle', 'the fact has no citizen to count');
        }
        return events && { kind, events, distinctCitizens };
      }
      case 'rate': {
        this.onlyKeys(json, field, ['events', 'population']);
        const events = this.selector(json.events, `${field}.events`);
        const population = this.population(json.population, `${field}.population`);
        return events && population && { kind, events, population };
      }
      case 'timeliness': {
        this.onlyKeys(json, field, ['of']);
        const of = this.oneOf(json.of, `${field}.of`, TIMELINESS_SUBJECTS);
        return of && { kind, of };
      }
      case 'cohort': {
        this.onlyKeys(json, field, ['start', 'reach', 'withinWeeks', 'population']);
        // A project's cohort starts, unless said otherwise, on each participant's enrolment date.
        const start =
          json.start === undefined && scope.project !== undefined
            ? { facts: [PARTICIPANT_ENROLLED], where: [] }
            : this.selector(json.start, `${field}.start`, { citizen: true });
        const reach = this.reach(json.reach, `${field}.reach`);
        const withinWeeks = this.positiveInteger(json.withinWeeks, `${field}.withinWeeks`, 520);
        const population = json.population === undefined ? null : this.population(json.population, `${field}.population`);
        if (json.population !== undefined && !population) return null;
        return start && reach && withinWeeks !== null ? { kind, start, reach, withinWeeks, population } : null;
      }
      case 'milestone': {
        this.onlyKeys(json, field, ['events', 'deadline']);
        const events = this.selector(json.events, `${field}.events`);
        if (json.deadline !== undefined && !isCalendarDate(json.deadline)) {
          return this.problem(`${field}.deadline`, 'invalid', 'skal være en dato (ÅÅÅÅ-MM-DD)', 'must be a date (YYYY-MM-DD)');
        }
        return events && { kind, events, deadline: (json.deadline as string | undefined) ?? null };
      }
      case 'manual':
        this.onlyKeys(json, field, []);
        return { kind };
    }
  }
}

/** Target values a kind can have: shares and timeliness are fractions. */
const FRACTION_KINDS: readonly GoalKind[] = ['share', 'timeliness', 'cohort'];

/**
 * Checks a goal document against the vocabulary and the read models' catalog, and returns the
 * typed definition or every reason it cannot be computed.
 */
export function checkGoal(document: GoalDocument, catalog: FactCatalog): CheckedGoal {
  const checker = new Checker(catalog);
  for (const problem of periodProblems(document.period)) checker.problem(`period.${problem.field}`, 'invalid', problem.message.da, problem.message.en);

  const { scope, kind } = document;
  if (kind === 'milestone' && !scope.areas?.length) {
    checker.problem('scope.areas', 'cannot-compute', 'en milepæl gælder hvert område i scopet; angiv områderne', 'a milestone holds in every area of the scope; name the areas');
  }

  const definition = checker.definition(kind, document.definition, scope);

  // Facts about a place have an area but no team: they cannot be counted per team.
  if (definition && scope.teams?.length) {
    const selectors = selectorsOf(definition);
    const placeFacts = selectors.flatMap((selector) => selector.facts).filter((fact) => catalog.find(fact)?.subject !== 'citizen');
    if (placeFacts.length) {
      checker.problem('scope.teams', 'cannot-compute', `${[...new Set(placeFacts)].join(', ')} hører ikke til et team`, `${[...new Set(placeFacts)].join(', ')} belong to no team`);
    }
  }

  const target = document.target;
  if (kind === 'manual' || kind === 'milestone') {
    if (target !== undefined) {
      checker.problem('target', 'invalid', `et ${kind}-mål har intet måltal`, `a ${kind} goal has no target value`);
    }
  } else if (!target || (target.value === undefined) === (target.relativeTo === undefined)) {
    checker.problem('target', 'invalid', 'angiv enten value eller relativeTo', 'give either value or relativeTo');
  } else if (target.value !== undefined) {
    const fraction = FRACTION_KINDS.includes(kind);
    if (!Number.isFinite(target.value) || target.value < 0 || (fraction && target.value > 1)) {
      checker.problem('target.value', 'invalid', fraction ? 'skal være en andel 0-1 (0,9 = 90 %)' : 'skal være et tal ≥ 0', fraction ? 'must be a fraction 0-1 (0.9 = 90 %)' : 'must be a number ≥ 0');
    }
  } else if (target.relativeTo) {
    const factor = target.relativeTo.factor;
    if (factor !== undefined && (!Number.isFinite(factor) || factor <= 0)) checker.problem('target.relativeTo.factor', 'invalid', 'skal være et tal > 0', 'must be a number > 0');
  }
  const threshold = document.partialThreshold;
  if (threshold !== undefined && !(Number.isFinite(threshold) && threshold > 0 && threshold <= 1)) {
    checker.problem('partialThreshold', 'invalid', 'skal være en andel over 0 og højst 1', 'must be a fraction above 0 and at most 1');
  }

  if (checker.problems.length || !definition) return { ok: false, problems: checker.problems };
  return { ok: true, definition };
}

/** Every event selector a definition uses (for checks that apply to all of them). */
export function selectorsOf(definition: GoalDefinition): EventSelector[] {
  const ofPredicate = (predicate: CitizenPredicate | null): EventSelector[] => {
    if (!predicate) return [];
    switch (predicate.type) {
      case 'fact':
        return [predicate.selector, ...(predicate.after ? [predicate.after] : [])];
      case 'current-job-plan':
        return [];
      case 'any-of':
      case 'all-of':
        return predicate.predicates.flatMap(ofPredicate);
      case 'not':
        return ofPredicate(predicate.predicate);
    }
  };
  const ofPopulation = (population: Population | null) => ofPredicate(population?.having ?? null);
  switch (definition.kind) {
    case 'share':
      return definition.basis === 'events' ? [definition.numerator, definition.denominator] : [...ofPopulation(definition.population), ...ofPredicate(definition.numerator)];
    case 'count':
    case 'milestone':
      return [definition.events];
    case 'rate':
      return [definition.events, ...ofPopulation(definition.population)];
    case 'cohort':
      return [definition.start, ...definition.reach.flatMap((reach) => [reach, ...(reach.endedBy ? [reach.endedBy] : [])]), ...ofPopulation(definition.population)];
    case 'timeliness':
    case 'manual':
      return [];
  }
}
