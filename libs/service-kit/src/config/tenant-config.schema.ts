/**
 * The municipality's configuration (one tenant per installation), as JSON Schema (draft-07).
 * One schema, two checks: the Helm chart embeds it in helm/fremskudt/values.schema.json under
 * `tenant` (a chart test fails when the two differ; `npm run helm:schema` copies it over), so a
 * bad value stops `helm install`; and every service validates TENANT_CONFIG_FILE against it at
 * start-up. Plain data, no `$schema`/`$id`, so it can sit inside the chart's schema as is.
 */
export const TENANT_CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'topicPrefix', 'identity', 'areas'],
  properties: {
    id: {
      description: 'Tenant id on every row and message (X-Tenant-Id), e.g. kbh',
      type: 'string',
      pattern: '^[a-z][a-z0-9-]{1,62}$',
    },
    name: { description: 'The municipality, e.g. Københavns Kommune', type: 'string', minLength: 1, maxLength: 200 },
    topicPrefix: {
      description: 'Prefix of every Kafka topic of this installation (TOPIC_PREFIX), e.g. kbh',
      type: 'string',
      pattern: '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*$',
      maxLength: 100,
    },
    identity: {
      description: "The municipality's identity provider (OpenID Connect)",
      type: 'object',
      additionalProperties: false,
      required: ['issuer'],
      properties: {
        issuer: {
          description: 'Issuer URL (https; plain http only on the loopback interface, for the local provider)',
          type: 'string',
          pattern: '^(https://[^\\s/$.?#][^\\s]*|http://(127\\.0\\.0\\.1|localhost)(:[0-9]{1,5})?(/[^\\s]*)?)$',
        },
        audience: { description: 'Audience the tokens are issued for', type: 'string', minLength: 1 },
      },
    },
    areas: {
      description: 'The housing areas the outreach team works in (domain brief §3)',
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'name'],
        properties: {
          code: { description: 'Area code, as caseload uses it (e.g. tingbjerg)', type: 'string', pattern: '^[a-z][a-z0-9-]{0,62}$' },
          name: { type: 'string', minLength: 1, maxLength: 200 },
          residents: { description: 'Residents, for reports', type: 'integer', minimum: 0 },
        },
      },
    },
    desks: {
      description: 'Open counselling desks and their weekly opening hours (domain brief §4.2)',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['areaCode', 'name', 'location', 'weekly'],
        properties: {
          areaCode: { description: 'One of areas[].code', type: 'string', pattern: '^[a-z][a-z0-9-]{0,62}$' },
          name: { type: 'string', minLength: 1, maxLength: 200 },
          location: { type: 'string', minLength: 1, maxLength: 200 },
          weekly: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['weekday', 'opens', 'closes'],
              properties: {
                weekday: { description: 'ISO weekday: 1 Monday ... 7 Sunday', type: 'integer', minimum: 1, maximum: 7 },
                opens: { description: 'HH:MM, Copenhagen time', type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
                closes: { description: 'HH:MM, Copenhagen time, after opens', type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
              },
            },
          },
        },
      },
    },
    goals: {
      description: 'Goal definitions for the reporting service. A placeholder until the goals issue defines them fully.',
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'name', 'kind'],
        properties: {
          code: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,62}$' },
          name: { type: 'string', minLength: 1 },
          kind: { type: 'string', enum: ['share', 'count', 'milestone', 'rate-at-most', 'cohort', 'qualitative'] },
          target: { type: 'number', minimum: 0 },
          period: { type: 'string', minLength: 1 },
        },
      },
    },
  },
} as const;
