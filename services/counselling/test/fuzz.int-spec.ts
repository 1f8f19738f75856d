import { describeCommandFuzzing } from '@fremskudt/testing';
import { AppModule, counsellingService } from '../src/app.module';

// Every command, fuzzed: never a 5xx, every refusal problem+json and without any write (the access log only gains rows).
describeCommandFuzzing(counsellingService, AppModule.forRoot, { numRuns: 20, auditTables: ['access_log'] });
