// Copies the tenant configuration schema (libs/service-kit) into the chart's values.schema.json
// under properties.tenant, so Helm and the services check the same thing. Run after changing
// tenant-config.schema.ts: `npm run helm:schema` (a chart test fails while the two differ).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TENANT_CONFIG_SCHEMA } from '@fremskudt/service-kit';

const file = path.resolve(__dirname, '../fremskudt/values.schema.json');
const schema = JSON.parse(readFileSync(file, 'utf8'));
schema.properties.tenant = { description: 'The municipality this release serves', ...TENANT_CONFIG_SCHEMA };
writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
console.log(`updated ${path.relative(process.cwd(), file)}`);
