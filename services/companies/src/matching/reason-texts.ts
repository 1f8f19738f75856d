import type { Language } from '@fremskudt/service-kit';
import type { ExclusionCode, Facts, ReasonCode } from './ranking';

/** Names to put into the texts: branch labels and area names in the caller's language (codes otherwise). */
export interface Labels {
  branch(code: string): string;
  area(code: string): string;
}

const LANGUAGE_LEVEL_LABELS: Record<string, Record<Language, string>> = {
  none: { da: 'intet dansk', en: 'no Danish' },
  basic: { da: 'begynderdansk', en: 'basic Danish' },
  intermediate: { da: 'mellemniveau', en: 'intermediate Danish' },
  fluent: { da: 'flydende dansk', en: 'fluent Danish' },
};

const CONDITION_LABELS: Record<string, Record<Language, string>> = {
  'night-shifts': { da: 'nattevagter', en: 'night shifts' },
  'weekend-work': { da: 'weekendarbejde', en: 'weekend work' },
  'early-mornings': { da: 'tidlige morgener', en: 'early mornings' },
  'heavy-lifting': { da: 'tunge løft', en: 'heavy lifting' },
  driving: { da: 'kørsel', en: 'driving' },
};

const level = (code: unknown, language: Language) => LANGUAGE_LEVEL_LABELS[String(code)]?.[language] ?? String(code);
const list = (values: unknown, language: Language, labels?: Record<string, Record<Language, string>>) =>
  (values as string[]).map((value) => labels?.[value]?.[language] ?? value).join(', ');
const km = (value: unknown, language: Language) => (language === 'da' ? String(value).replace('.', ',') : String(value));

type Texts = Record<ReasonCode | ExclusionCode, (facts: Facts, labels: Labels) => string>;

const DANISH: Texts = {
  'branch-first-wish': (f, l) => `Borgerens førsteønske er branchen ${l.branch(String(f.branch))}`,
  'branch-wished': (f, l) => `Borgeren ønsker også branchen ${l.branch(String(f.branch))}`,
  'branch-not-wished': (f, l) => `Borgeren har ikke ønsket branchen ${l.branch(String(f.branch))}`,
  'same-area': (f, l) => `Arbejdet er i borgerens eget område (${l.area(String(f.area))})`,
  distance: (f, l) => `Ca. ${km(f.km, 'da')} km fra borgerens område til ${l.area(String(f.area))}`,
  'distance-unknown': (f, l) => `Afstanden til ${l.area(String(f.area))} kendes ikke`,
  'wished-area': (f, l) => `Borgeren ønsker at arbejde i ${l.area(String(f.area))}`,
  'hours-fit': (f) => `${f.hours} timer om ugen passer til ønsket (${f.min}-${f.max})`,
  'fewer-hours-than-wished': (f) => `${f.hours} timer om ugen er færre end ønsket (${f.min}-${f.max})`,
  'language-above': (f) => `Dansk over kravet: ${level(f.actual, 'da')} mod krævet ${level(f.required, 'da')}`,
  'language-meets': (f) => `Dansk opfylder kravet: ${level(f.required, 'da')}`,
  'citizen-exited': () => 'Borgeren er afsluttet hos teamet',
  'in-full-time-placement': () => 'Borgeren er allerede i en fuldtidsplacering',
  'deadline-passed': (f) => `Ansøgningsfristen ${f.deadline} er overskredet`,
  'language-below-requirement': (f) => `Dansk under kravet: ${level(f.actual, 'da')} mod krævet ${level(f.required, 'da')}`,
  'certificates-missing': (f) => `Mangler krævede beviser: ${list(f.missing, 'da')}`,
  'too-many-hours': (f) => `${f.hours} timer om ugen er flere end borgeren kan (højst ${f.max})`,
  'too-far': (f) => `Ca. ${km(f.km, 'da')} km er længere end borgeren kan rejse (højst ${km(f.maxKm, 'da')} km)`,
  'condition-avoided': (f) => `Vilkår borgeren ikke kan tage: ${list(f.conditions, 'da', CONDITION_LABELS)}`,
};

const ENGLISH: Texts = {
  'branch-first-wish': (f, l) => `The citizen's first wish is the branch ${l.branch(String(f.branch))}`,
  'branch-wished': (f, l) => `The citizen also wishes the branch ${l.branch(String(f.branch))}`,
  'branch-not-wished': (f, l) => `The citizen has not wished the branch ${l.branch(String(f.branch))}`,
  'same-area': (f, l) => `The work is in the citizen's own area (${l.area(String(f.area))})`,
  distance: (f, l) => `About ${km(f.km, 'en')} km from the citizen's area to ${l.area(String(f.area))}`,
  'distance-unknown': (f, l) => `The distance to ${l.area(String(f.area))} is unknown`,
  'wished-area': (f, l) => `The citizen wishes to work in ${l.area(String(f.area))}`,
  'hours-fit': (f) => `${f.hours} hours a week fit the wish (${f.min}-${f.max})`,
  'fewer-hours-than-wished': (f) => `${f.hours} hours a week are fewer than wished (${f.min}-${f.max})`,
  'language-above': (f) => `Danish above the requirement: ${level(f.actual, 'en')} against ${level(f.required, 'en')} required`,
  'language-meets': (f) => `Danish meets the requirement: ${level(f.required, 'en')}`,
  'citizen-exited': () => 'The citizen has left the outreach team',
  'in-full-time-placement': () => 'The citizen is already in a full-time placement',
  'deadline-passed': (f) => `The deadline ${f.deadline} has passed`,
  'language-below-requirement': (f) => `Danish below the requirement: ${level(f.actual, 'en')} against ${level(f.required, 'en')} required`,
  'certificates-missing': (f) => `Missing required certificates: ${list(f.missing, 'en')}`,
  'too-many-hours': (f) => `${f.hours} hours a week are more than the citizen can work (at most ${f.max})`,
  'too-far': (f) => `About ${km(f.km, 'en')} km is farther than the citizen can travel (at most ${km(f.maxKm, 'en')} km)`,
  'condition-avoided': (f) => `Working conditions the citizen can't take: ${list(f.conditions, 'en', CONDITION_LABELS)}`,
};

/** The reason as a sentence for the consultant, in Danish or (on Accept-Language: en) English. */
export function reasonText(code: ReasonCode | ExclusionCode, facts: Facts, labels: Labels, language: Language): string {
  return (language === 'en' ? ENGLISH : DANISH)[code](facts, labels);
}
