import { describeCommandFuzzing } from '@fremskudt/testing';
import { AppModule, caseloadService } from '../src/app.module';

// Every command, fuzzed: never a 5xx, every refusal problem+json and without any write. The
// access log records every attempt on citizen data, refused ones too: there a refusal may add rows.
describeCommandFuzzing(caseloadService, AppModule.forRoot, { numRuns: 20, auditTables: ['access_log'] });
