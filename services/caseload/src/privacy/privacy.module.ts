import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { CaseloadConfig } from './caseload-config';
import { CprProtector } from './cpr-protection';

export const CASELOAD_CONFIG = Symbol('CASELOAD_CONFIG');

@Injectable()
class DevelopmentKeysWarning implements OnModuleInit {
  constructor(@Inject(CASELOAD_CONFIG) private readonly config: CaseloadConfig) {}

  onModuleInit(): void {
    if (!this.config.developmentKeys) return;
    new Logger('caseload-config').warn(
      'CPR_ENCRYPTION_KEY and CPR_HASH_KEY are not set: CPR numbers are protected with the fixed development keys (refused with NODE_ENV=production)',
    );
  }
}

/** Caseload's own configuration and the protection of CPR numbers at rest, for every module. */
@Global()
@Module({})
export class PrivacyModule {
  static forRoot(config: CaseloadConfig): DynamicModule {
    return {
      module: PrivacyModule,
      providers: [
        { provide: CASELOAD_CONFIG, useValue: config },
        { provide: CprProtector, useValue: new CprProtector(config.cprKeys) },
        DevelopmentKeysWarning,
      ],
      exports: [CASELOAD_CONFIG, CprProtector],
    };
  }
}
