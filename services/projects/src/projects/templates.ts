import type { PartnerKind, PartnerRole, ProjectTemplateCode } from '@fremskudt/contracts';
import { CohortGoalDefinition, Eligibility, MilestoneDefinition, OPEN_ELIGIBILITY, OUTCOME_DEFAULTS, PhaseDefinition } from './project-definition';

/**
 * The documents' projects as ready-made templates a tenant instantiates (POST /projects/from-template):
 * phases, milestones, eligibility, capacity and goals as the sources describe them. Where a source
 * is silent (an exact length, a number), the template leaves the value open rather than invent it.
 */

export interface Texts {
  da: string;
  en: string;
}

export interface TemplateVariant {
  code: string;
  name: Texts;
}

/** A partner the source names; a tenant registers its own partners and joins them to the project. */
export interface SuggestedPartner {
  code: string;
  name: string;
  kind: PartnerKind;
  roles: PartnerRole[];
}

export interface ProjectTemplate {
  code: ProjectTemplateCode;
  name: Texts;
  description: Texts;
  /** Where in the source documents (shared/seeds) the template comes from. */
  source: string;
  /** Variants the instance must choose one of (the job package's target jobs); empty: none. */
  variants: TemplateVariant[];
  targetGroup: string;
  /** The eligibility; `areaCodes` is filled with the project's own areas when the template leaves it empty and `eligibleInProjectAreas` is set. */
  eligibility: Eligibility;
  eligibleInProjectAreas: boolean;
  capacity: number | null;
  phases: PhaseDefinition[];
  milestones: MilestoneDefinition[];
  goals: CohortGoalDefinition[];
  suggestedPartners: SuggestedPartner[];
}

const phase = (code: string, name: string, completedBy: PhaseDefinition['completedBy'], plannedWeeks: number | null = null, completionMilestoneCode: string | null = null): PhaseDefinition => ({
  code,
  name,
  plannedWeeks,
  completedBy,
  completionMilestoneCode,
});

/**
 * Stafetten (Jobpatruljen with LO/Fælles handling, Taskforce/BIF and FOA, 2007-08): women with
 * another ethnic background than Danish, interested in work as care-home helpers; information
 * meetings in the areas and bus tours to the care homes; 25 recruited; a month's introduction in
 * December at the care homes and CBSI; from 1 January temps in integration positions, with
 * training at CBSI (hygiene certificate); the aim a permanent job.
 */
const STAFETTEN: ProjectTemplate = {
  code: 'stafetten',
  name: { da: 'Stafetten', en: 'Stafetten (the relay)' },
  description: {
    da: 'Rekruttering via informationsmøder og busture → en måneds introduktion → integrationsstilling som vikar på plejehjem → hygiejnebevis → fast ansættelse.',
    en: 'Recruitment through information meetings and bus tours → one month of introduction → integration position as a temp at a care home → hygiene certificate → permanent job.',
  },
  source: '000 (Jobpatruljen status note 2008), "Eksempel på samarbejde - Projekt Stafetten"',
  variants: [],
  targetGroup: 'Kvinder med anden etnisk baggrund end dansk, der er interesserede i at arbejde som plejehjemsmedhjælpere.',
  eligibility: { ...OPEN_ELIGIBILITY, genders: ['female'] },
  eligibleInProjectAreas: true,
  capacity: 25,
  phases: [
    phase('introduction', 'Introduktion og undervisning på plejehjemmene og CBSI', 'duration', 4),
    phase('integration-position', 'Integrationsstilling som vikar på plejehjem (med uddannelse på CBSI)', 'milestone', null, 'permanent-employment'),
    phase('permanent-position', 'Fast ansættelse', 'decision'),
  ],
  milestones: [
    { code: 'hygiene-certificate-exam', name: 'Eksamen i hygiejnebevis', kind: 'exam', phaseCode: 'integration-position' },
    { code: 'permanent-employment', name: 'Fastansat', kind: 'hired', phaseCode: 'integration-position' },
  ],
  goals: [],
  suggestedPartners: [
    { code: 'lo-faelles-handling', name: 'LO – Fælles handling', kind: 'union', roles: ['steering-group'] },
    { code: 'foa', name: 'FOA', kind: 'union', roles: ['steering-group', 'recruiter'] },
    { code: 'taskforce-bif', name: 'Taskforce/BIF', kind: 'municipal-unit', roles: ['steering-group'] },
    { code: 'cbsi', name: 'CBSI – Center for Beskæftigelse, Sprog og Integration', kind: 'training-centre', roles: ['provider'] },
  ],
};

/**
 * The job packages ("jobpakker", state pool note 2007-2010, 2.1 and campaign 5): a targeted course
 * to a particular unskilled or short-trained job for cash-benefit recipients in match groups 3-4,
 * immigrants aged 18-55 without vocational training: preparatory intro → alternating company
 * internship and courses → ordinary employment, possibly with a mentor and a consultant's
 * after-check ("jobeftersyn"). The note says there are 12 packages but names only the target jobs
 * below (the rest as "o.a.", "mv."); a tenant adds others as projects of its own.
 */
const JOB_PACKAGE_TARGET_JOBS: TemplateVariant[] = [
  { code: 'care-home-helper', name: { da: 'Plejehjemsmedhjælper', en: 'Care-home helper' } },
  { code: 'social-health-care-helper', name: { da: 'Social- og sundhedshjælper', en: 'Social and health care helper' } },
  { code: 'service-assistant', name: { da: 'Virksomhedsserviceassistent (rengøring og service)', en: 'Cleaning and service assistant' } },
  { code: 'hospital-service-assistant', name: { da: 'Hospitalsserviceassistent', en: 'Hospital service assistant' } },
  { code: 'hotel-worker', name: { da: 'Hotelmedarbejder', en: 'Hotel worker' } },
  { code: 'postal-worker', name: { da: 'Postarbejder', en: 'Postal worker' } },
  { code: 'bus-driver', name: { da: 'Rutebuschauffør', en: 'Bus driver' } },
];

const JOB_PACKAGE: ProjectTemplate = {
  code: 'job-package',
  name: { da: 'Jobpakke', en: 'Job package' },
  description: {
    da: 'Forberedende introforløb → vekslen mellem virksomhedspraktik og kurser → ordinær ansættelse, evt. med mentor → jobeftersyn.',
    en: 'Preparatory intro → alternating company internship and courses → ordinary employment, possibly with a mentor → after-check.',
  },
  source: '001 (state pool 2007-2010), 2.1 "Særligt vedrørende jobpakker" and 2.2 campaign 5 "Jobpakker"',
  variants: JOB_PACKAGE_TARGET_JOBS,
  targetGroup: 'Kontanthjælpsmodtagere i matchgruppe 3 og 4, 18-55 år, uden erhvervsuddannelse, der gerne vil arbejde i det valgte job.',
  eligibility: { ...OPEN_ELIGIBILITY, minAge: 18, maxAge: 55, benefitTypes: ['cash-benefit'], matchGroups: [3, 4] },
  eligibleInProjectAreas: false,
  capacity: null,
  phases: [
    phase('preparatory-intro', 'Forberedende introforløb', 'decision'),
    phase('internship-and-courses', 'Vekslen mellem virksomhedspraktik og kurser', 'milestone', null, 'hired'),
    phase('ordinary-employment', 'Ordinær ansættelse, evt. med mentorstøtte', 'decision'),
    phase('after-check', 'Jobeftersyn ved jobkonsulent', 'decision'),
  ],
  milestones: [
    { code: 'course-certificate', name: 'Kursusbevis', kind: 'certificate', phaseCode: 'internship-and-courses' },
    { code: 'hired', name: 'Ansat i ordinært job', kind: 'hired', phaseCode: 'internship-and-courses' },
  ],
  goals: [],
  suggestedPartners: [],
};

/**
 * The outreach company-preparation courses ("fremskudte virksomhedsforberedende forløb", Tingbjerg
 * and Urbanplanen 2016-17) for activity-ready citizens over 30, with the two cohort goals of the
 * half-yearly reports: within 26 weeks 70 % are in or have been in a company placement; within 52
 * weeks 5 % are in ordinary, part-time or flex job or education.
 */
const COMPANY_PREPARATION_COURSE: ProjectTemplate = {
  code: 'company-preparation-course',
  name: { da: 'Virksomhedsforberedende forløb', en: 'Company-preparation course' },
  description: {
    da: 'Forløb der skal føre til virksomhedspraktik eller løntilskud og på længere sigt ordinær beskæftigelse, deltid, fleksjob eller uddannelse.',
    en: 'A course leading to a company internship or wage-subsidy job and, in time, ordinary, part-time or flex job or education.',
  },
  source: '002 (half-yearly reports 2016-17), "3. Fremskudte virksomhedsforberedende forløb"',
  variants: [],
  targetGroup: 'Aktivitetsparate borgere over 30 år i områderne.',
  eligibility: { ...OPEN_ELIGIBILITY, minAge: 30, readiness: ['activity-ready'] },
  eligibleInProjectAreas: true,
  capacity: null,
  phases: [
    phase('course', 'Virksomhedsforberedende forløb', 'decision'),
    phase('company-placement', 'Virksomhedspraktik eller løntilskud', 'decision'),
  ],
  milestones: [
    { code: 'placement-started', name: 'Startet i virksomhedsplacering', kind: 'placement', phaseCode: 'company-placement' },
    { code: 'job-or-education', name: 'I job eller uddannelse', kind: 'hired', phaseCode: null },
  ],
  goals: [
    {
      code: 'company-placement-26-weeks',
      nameDa: 'Andel, der er i gang med eller har været i en virksomhedsplacering inden for 26 uger',
      nameEn: 'Share in or having been in a company placement within 26 weeks',
      outcome: 'company-placement',
      ...OUTCOME_DEFAULTS['company-placement'],
      windowWeeks: 26,
      targetPercent: 70,
      direction: 'at-least',
    },
    {
      code: 'job-or-education-52-weeks',
      nameDa: 'Andel i ordinær beskæftigelse, deltidsbeskæftigelse, fleksjob eller uddannelse inden for 52 uger',
      nameEn: 'Share in ordinary, part-time or flex job or education within 52 weeks',
      outcome: 'job-or-education',
      ...OUTCOME_DEFAULTS['job-or-education'],
      windowWeeks: 52,
      targetPercent: 5,
      direction: 'at-least',
    },
  ],
  suggestedPartners: [],
};

export const PROJECT_TEMPLATE_CATALOGUE: readonly ProjectTemplate[] = [STAFETTEN, JOB_PACKAGE, COMPANY_PREPARATION_COURSE];

export function templateOf(code: ProjectTemplateCode): ProjectTemplate {
  const template = PROJECT_TEMPLATE_CATALOGUE.find((candidate) => candidate.code === code);
  if (!template) throw new RangeError(`No project template ${code}`);
  return template;
}
