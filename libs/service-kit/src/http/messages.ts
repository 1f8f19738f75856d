import type { Request } from 'express';

export type Language = 'da' | 'en';

/** User-facing texts: Danish first, English on `Accept-Language: en`. */
export const MESSAGES = {
  'validation-failed': { da: 'Ugyldige data', en: 'Invalid input' },
  'tenant-missing': { da: 'Mangler kommune', en: 'Missing tenant' },
  'tenant-invalid': { da: 'Ugyldig kommune-id', en: 'Invalid tenant id' },
  'token-missing': { da: 'Log ind: forespørgslen mangler et adgangstoken', en: 'Log in: the request has no access token' },
  'token-invalid': { da: 'Adgangstokenet er ugyldigt eller udløbet', en: 'The access token is invalid or expired' },
  forbidden: { da: 'Din rolle giver ikke adgang til dette', en: 'Your role does not give access to this' },
  'out-of-scope': {
    da: 'Det ligger uden for dit ansvarsområde (egen sagsstamme, teamets eller dine områders)',
    en: 'That is outside your responsibility (own caseload, your team’s or your areas’)',
  },
  'citizen-ids-forbidden': {
    da: 'Din rolle giver adgang til samlede tal, ikke til borger-id’erne bag dem',
    en: 'Your role gives access to aggregated figures, not to the citizen ids behind them',
  },
  'staff-not-linked': {
    da: 'Dit login er ikke koblet til en medarbejder; bed en administrator om at koble det',
    en: 'Your login is not linked to a staff member; ask an administrator to link it',
  },
  'tenant-not-served': { da: 'Denne installation betjener ikke din kommune', en: 'This installation does not serve your municipality' },
  'identity-provider-unavailable': { da: 'Login-tjenesten svarer ikke; prøv igen', en: 'The identity provider does not answer; try again' },
  'too-many-requests': { da: 'For mange forespørgsler; vent lidt', en: 'Too many requests; wait a little' },
  'payload-too-large': { da: 'Forespørgslen er for stor', en: 'The request is too large' },
  'unsupported-media-type': { da: 'Forespørgslens indhold skal være JSON', en: 'The request body must be JSON' },
  'not-found': { da: 'Findes ikke', en: 'Not found' },
  conflict: { da: 'Kan ikke udføres i den nuværende tilstand', en: 'Conflicts with the current state' },
  'internal-error': { da: 'Der opstod en uventet fejl', en: 'An unexpected error occurred' },
  'bad-request': { da: 'Ugyldig forespørgsel', en: 'Bad request' },
  'idempotency-key-invalid': { da: 'Ugyldig Idempotency-Key', en: 'Invalid Idempotency-Key' },
  'idempotency-key-reused': {
    da: 'Idempotency-Key er allerede brugt til en anden forespørgsel',
    en: 'Idempotency-Key was already used for another request',
  },
  'field-unknown': { da: 'feltet er ukendt', en: 'unknown field' },
  'field-required': { da: 'feltet skal udfyldes', en: 'is required' },
  'field-invalid': { da: 'ugyldig værdi', en: 'invalid value' },
  'field-string': { da: 'skal være tekst', en: 'must be a string' },
  'field-integer': { da: 'skal være et heltal', en: 'must be an integer' },
  'field-enum': { da: 'skal være en af de tilladte værdier', en: 'must be one of the allowed values' },
  'field-date': { da: 'skal være en dato (ÅÅÅÅ-MM-DD)', en: 'must be a date (YYYY-MM-DD)' },
  'field-length': { da: 'har forkert længde', en: 'has the wrong length' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function text(key: MessageKey, language: Language): string {
  return MESSAGES[key][language];
}

export function languageOf(request: Pick<Request, 'headers'>): Language {
  const header = String(request.headers['accept-language'] ?? '');
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'da';
}

/** Danish wording for class-validator's constraint names; other constraints keep their English text. */
const CONSTRAINT_MESSAGES: Partial<Record<string, MessageKey>> = {
  whitelistValidation: 'field-unknown',
  isDefined: 'field-required',
  isNotEmpty: 'field-required',
  isString: 'field-string',
  isInt: 'field-integer',
  isIn: 'field-enum',
  isEnum: 'field-enum',
  isISO8601: 'field-date',
  isDateString: 'field-date',
  length: 'field-length',
  maxLength: 'field-length',
  minLength: 'field-length',
};

export function constraintMessage(constraint: string, original: string, language: Language): string {
  const key = CONSTRAINT_MESSAGES[constraint];
  if (key) return text(key, language);
  return original;
}
