import { describeCommandFuzzing } from '@fremskudt/testing';
import { AppModule, projectsService } from '../src/app.module';

// Every command, fuzzed: never a 5xx, every refusal problem+json and without any write (the access log only gains rows).
describeCommandFuzzing(projectsService, AppModule.forRoot, { numRuns: 20, auditTables: ['access_log'] });
