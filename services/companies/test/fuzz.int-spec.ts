import { describeCommandFuzzing } from '@fremskudt/testing';
import { AppModule, companiesService } from '../src/app.module';

// Every command, fuzzed: never a 5xx, every refusal problem+json and without any write.
describeCommandFuzzing(companiesService, AppModule.forRoot, { numRuns: 20 });
