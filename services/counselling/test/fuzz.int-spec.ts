import { describeCommandFuzzing } from '@fremskudt/testing';
import { AppModule, counsellingService } from '../src/app.module';

// Every command, fuzzed: never a 5xx, every refusal problem+json and without any write.
describeCommandFuzzing(counsellingService, AppModule.forRoot, { numRuns: 20 });
