import { Type } from '@sinclair/typebox';
import { defineEvent } from '../core/event-contract';
import { Code, IsoDate, IsoDateTime, Nullable, OneOf, PseudonymousId } from '../core/schema-types';
import { defineStream } from '../core/stream';

/**
 * The companies service's employer CRM as events: companies and the contacts with them, job
 * openings, and the citizens' job wishes. Placements have their own stream (placements.stream.ts).
 * No names, addresses, contact persons or notes travel here: companies appear by id and CVR
 * number (a public register number), citizens by pseudonymous id, staff by id.
 */

export const CompaniesStream = defineStream({
  domain: 'companies',
  name: 'companies',
  version: 1,
  description: 'Companies the job centre works with and every contact with them, in order per company.',
  keyDescription: 'The company id.',
});

export const OpeningsStream = defineStream({
  domain: 'companies',
  name: 'openings',
  version: 1,
  description: 'Job openings the companies offer (ordinary jobs, internship and wage-subsidy slots, education places), in order per opening.',
  keyDescription: 'The opening id.',
});

export const JobWishesStream = defineStream({
  domain: 'companies',
  name: 'job-wishes',
  version: 1,
  description: "Citizens' job wishes as consultants record them, in order per citizen.",
  keyDescription: "The citizen's pseudonymous id.",
});

export const COMPANY_STATUSES = ['prospect', 'active', 'inactive'] as const;
/** Agreements a company has with the job centre (social-responsibility hiring, integration positions, ...). */
export const AGREEMENT_KINDS = [
  'social-responsibility-hiring',
  'integration-positions',
  'internship-agreement',
  'wage-subsidy-agreement',
  'consultancy-accepted',
  'other',
] as const;
export const CONTACT_KINDS = ['visit', 'meeting', 'call', 'email', 'event'] as const;
/** What kind of event, for contacts of kind `event`. */
export const CONTACT_EVENT_KINDS = ['job-fair', 'company-visit-with-citizens', 'bus-tour'] as const;
export const CONTACT_OUTCOMES = ['interested', 'opening-offered', 'placement-agreed', 'follow-up-needed', 'not-interested', 'no-answer'] as const;
export const OPENING_TYPES = ['ordinary-job', 'internship-slot', 'wage-subsidy-slot', 'education-place'] as const;
export const OPENING_CLOSE_REASONS = ['withdrawn-by-company', 'deadline-passed', 'not-filled', 'other'] as const;
/** Danish language level, in increasing order: an opening asks for at least one, a citizen has one. */
export const LANGUAGE_LEVELS = ['none', 'basic', 'intermediate', 'fluent'] as const;
/** Working conditions an opening may have and a citizen's wish may rule out. */
export const WORK_CONDITIONS = ['night-shifts', 'weekend-work', 'early-mornings', 'heavy-lifting', 'driving'] as const;

export type CompanyStatus = (typeof COMPANY_STATUSES)[number];
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export type ContactKind = (typeof CONTACT_KINDS)[number];
export type ContactEventKind = (typeof CONTACT_EVENT_KINDS)[number];
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
export type OpeningType = (typeof OPENING_TYPES)[number];
export type OpeningCloseReason = (typeof OPENING_CLOSE_REASONS)[number];
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
export type WorkCondition = (typeof WORK_CONDITIONS)[number];

/** A CVR number: eight digits (the modulus-11 check is the companies service's input rule). */
const Cvr = (description: string) => Type.String({ pattern: '^[0-9]{8}$', description });
const Hours = (description: string) => Type.Number({ minimum: 0, maximum: 60, description });

/** The company as it stands after the event: the same shape for registration and every update. */
const companyState = () => ({
  companyId: PseudonymousId('The company'),
  cvr: Cvr('CVR number (public business register)'),
  branchCode: Code("Branch, from the tenant's branch list"),
  areaCode: Nullable(Code('The area the company lies in or near, when it is local')),
  status: OneOf(COMPANY_STATUSES, 'Prospect, active or inactive'),
  agreements: Type.Array(OneOf(AGREEMENT_KINDS, 'Agreement'), { description: 'Agreements in force with the job centre' }),
  responsibleStaffId: Nullable(PseudonymousId('The responsible company consultant')),
});

export const CompanyRegistered = defineEvent({
  name: 'CompanyRegistered',
  version: 1,
  stream: CompaniesStream,
  description: 'A company was registered as a company contact of the job centre.',
  schema: Type.Object({ ...companyState(), registeredAt: IsoDateTime('When it was registered') }, { additionalProperties: false }),
  keyOf: (payload) => payload.companyId,
});

export const CompanyUpdated = defineEvent({
  name: 'CompanyUpdated',
  version: 1,
  stream: CompaniesStream,
  description: 'A company changed; carries its whole new state and which attributes changed (by name; the values of name, address and contact persons stay in the service).',
  schema: Type.Object(
    {
      ...companyState(),
      changed: Type.Array(Code('Attribute name, e.g. branch-code or contact-persons'), { description: 'The attributes that changed' }),
      updatedAt: IsoDateTime('When the change was recorded'),
    },
    { additionalProperties: false },
  ),
  keyOf: (payload) => payload.companyId,
});

export const ContactLogged = defineEvent({
  name: 'ContactLogged',
  version: 1,
  stream: CompaniesStream,
  description: 'A contact with a company (visit, meeting, call, e-mail or event) was logged, with the citizens and openings it was about and its outcome.',
  schema: Type.Object(
    {
      contactId: PseudonymousId('The contact'),
      companyId: PseudonymousId('The company'),
      kind: OneOf(CONTACT_KINDS, 'Kind of contact'),
      eventKind: Nullable(OneOf(CONTACT_EVENT_KINDS, 'Kind of event, for contacts of kind event')),
      occurredOn: IsoDate('When the contact took place'),
      staffId: PseudonymousId('The staff member who had the contact'),
      citizenIds: Type.Array(PseudonymousId("A citizen's pseudonymous id"), { description: 'Citizens the contact was about' }),
      openingIds: Type.Array(PseudonymousId('An opening'), { description: 'Openings the contact was about' }),
      outcome: OneOf(CONTACT_OUTCOMES, 'Outcome'),
      nextStepOn: Nullable(IsoDate('When the agreed next step is due, if any')),
      loggedAt: IsoDateTime('When it was logged'),
    },
    { additionalProperties: false },
  ),
  keyOf: (payload) => payload.companyId,
});

export const OpeningPublished = defineEvent({
  name: 'OpeningPublished',
  version: 1,
  stream: OpeningsStream,
  description: 'A company offered an opening: its type, branch, area, hours, places and requirements.',
  schema: Type.Object(
    {
      openingId: PseudonymousId('The opening'),
      companyId: PseudonymousId('The company'),
      openingType: OneOf(OPENING_TYPES, 'Kind of opening'),
      branchCode: Code('Branch'),
      areaCode: Code('Where the work is'),
      hoursPerWeek: Hours('Hours per week'),
      places: Type.Integer({ minimum: 1, description: 'Number of places' }),
      languageLevel: OneOf(LANGUAGE_LEVELS, 'Danish language level required at least'),
      certificates: Type.Array(Code('Certificate'), { description: 'Certificates required, e.g. hygiene-certificate' }),
      conditions: Type.Array(OneOf(WORK_CONDITIONS, 'Working condition'), { description: 'Working conditions of the job' }),
      deadline: Nullable(IsoDate('Last day to apply, if any')),
      publishedOn: IsoDate('When it was published'),
    },
    { additionalProperties: false },
  ),
  keyOf: (payload) => payload.openingId,
});

export const OpeningFilled = defineEvent({
  name: 'OpeningFilled',
  version: 1,
  stream: OpeningsStream,
  description: 'Every place of an opening was filled.',
  schema: Type.Object(
    {
      openingId: PseudonymousId('The opening'),
      companyId: PseudonymousId('The company'),
      places: Type.Integer({ minimum: 1, description: 'Number of places filled' }),
      filledOn: IsoDate('When it was filled'),
    },
    { additionalProperties: false },
  ),
  keyOf: (payload) => payload.openingId,
});

export const OpeningClosed = defineEvent({
  name: 'OpeningClosed',
  version: 1,
  stream: OpeningsStream,
  description: 'An opening was closed without being filled, with the reason.',
  schema: Type.Object(
    {
      openingId: PseudonymousId('The opening'),
      companyId: PseudonymousId('The company'),
      reason: OneOf(OPENING_CLOSE_REASONS, 'Why it closed'),
      closedOn: IsoDate('When it closed'),
    },
    { additionalProperties: false },
  ),
  keyOf: (payload) => payload.openingId,
});

export const JobWishRecorded = defineEvent({
  name: 'JobWishRecorded',
  version: 1,
  stream: JobWishesStream,
  description: "A consultant recorded a citizen's job wish (it replaces the previous one): branches, hours, areas, language level, certificates and constraints.",
  schema: Type.Object(
    {
      citizenId: PseudonymousId("The citizen's pseudonymous id"),
      wishId: PseudonymousId('This version of the wish'),
      branchCodes: Type.Array(Code('Branch'), { minItems: 1, description: 'Wished branches, the first the most wished' }),
      areaCodes: Type.Array(Code('Area'), { description: 'Areas the citizen would like to work in (empty: anywhere within reach)' }),
      maxTravelKm: Type.Number({ minimum: 0, maximum: 200, description: 'How far from home the citizen can work, in km' }),
      hoursMin: Hours('Fewest hours per week wished'),
      hoursMax: Hours('Most hours per week the citizen can work'),
      languageLevel: OneOf(LANGUAGE_LEVELS, "The citizen's Danish language level"),
      certificates: Type.Array(Code('Certificate'), { description: 'Certificates the citizen holds' }),
      avoidConditions: Type.Array(OneOf(WORK_CONDITIONS, 'Working condition'), { description: 'Working conditions the citizen cannot take' }),
      recordedBy: PseudonymousId('The consultant who recorded it'),
      recordedOn: IsoDate('When it was recorded'),
    },
    { additionalProperties: false },
  ),
  keyOf: (payload) => payload.citizenId,
});

export const COMPANIES_EVENTS = [
  CompanyRegistered,
  CompanyUpdated,
  ContactLogged,
  OpeningPublished,
  OpeningFilled,
  OpeningClosed,
  JobWishRecorded,
] as const;
