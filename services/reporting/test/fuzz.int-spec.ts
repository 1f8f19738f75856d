import { describeCommandFuzzing } from '@fremskudt/testing';
import { AppModule, reportingService } from '../src/app.module';

// Every command, fuzzed: never a 5xx, every refusal problem+json and without any write.
describeCommandFuzzing(reportingService, AppModule.forRoot, { numRuns: 20 });
