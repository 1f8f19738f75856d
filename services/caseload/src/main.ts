import { ConfigValidationError, runService } from '@fremskudt/service-kit';
import { AppModule, caseloadService } from './app.module';
import { CaseloadConfig, loadCaseloadConfig } from './privacy/caseload-config';

// Caseload's own settings (CPR keys, access log retention) are checked before anything starts,
// like the platform's: a bad or missing key stops the process with a message naming it.
let caseload: CaseloadConfig;
try {
  caseload = loadCaseloadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigValidationError)) throw error;
  process.stderr.write(`${JSON.stringify({ level: 'fatal', time: new Date().toISOString(), service: caseloadService.name, message: error.message, problems: error.problems })}\n`);
  process.exit(1);
}

void runService(caseloadService, (config) => AppModule.forRoot(config, caseload));
