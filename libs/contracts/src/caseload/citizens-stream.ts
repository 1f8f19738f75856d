import { defineStream } from '../core/stream';

export const CitizensStream = defineStream({
  domain: 'caseload',
  name: 'citizens',
  version: 1,
  description:
    'Facts about citizens followed by the outreach team, in order per citizen: registration, profile changes, ' +
    'case responsibility, job plans, offers, interviews, progression, hours-rule notices, activities and exits.',
  keyDescription: "The citizen's pseudonymous id (never the CPR number).",
});
