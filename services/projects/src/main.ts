import { exitOnBadAccessLogRetention, runService } from '@fremskudt/service-kit';
import { AppModule, projectsService } from './app.module';
import { readPartnerPseudonymKey } from './partner-access/pseudonym-key';

// The key of the partners' pseudonyms is checked before anything starts (not for `migrate`,
// which needs no key): in production a missing key stops the service with one clear line.
const keyProblem = process.argv[2] === 'migrate' ? undefined : readPartnerPseudonymKey(process.env).problem;
if (keyProblem) {
  process.stderr.write(`${JSON.stringify({ level: 'fatal', time: new Date().toISOString(), service: projectsService.name, message: keyProblem })}\n`);
  process.exit(1);
}

exitOnBadAccessLogRetention(projectsService.name);
void runService(projectsService, AppModule.forRoot);
