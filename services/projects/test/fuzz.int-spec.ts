import { describeCommandFuzzing } from '@fremskudt/testing';
import { AppModule, projectsService } from '../src/app.module';

// Every command, fuzzed: never a 5xx, every refusal problem+json and without any write.
describeCommandFuzzing(projectsService, AppModule.forRoot, { numRuns: 20 });
