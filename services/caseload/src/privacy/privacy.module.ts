import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseloadConfig, describeCprKeys } from './caseload-config';
import { CprProtector } from './cpr-protection';
import { CprReencryptionController } from './cpr-reencryption.controller';
import { CprReencryption } from './cpr-reencryption.service';

export const CASELOAD_CONFIG = Symbol('CASELOAD_CONFIG');

/**
 * Before the service takes requests: every key id that seals a stored CPR number, in any tenant
 * (`cpr_key_usage()`), must be among the configured keys. A key removed before the re-encryption
 * job had moved every row stops the start (and so the rollout) instead of making citizens unreadable.
 */
@Injectable()
class CprKeysAtStartup implements OnModuleInit {
  private readonly logger = new Logger('caseload-config');

  constructor(
    @Inject(CASELOAD_CONFIG) private readonly config: CaseloadConfig,
    @Inject(CprProtector) private readonly cpr: CprProtector,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.developmentKeys) {
      this.logger.warn(
        'No CPR key is set (CPR_ENCRYPTION_KEYS or CPR_ENCRYPTION_KEY, CPR_HASH_KEY): CPR numbers are protected with the fixed development keys (refused with NODE_ENV=production)',
      );
    }
    const stored: Array<{ keyId: number; citizens: number }> = await this.dataSource.query(`SELECT key_id AS "keyId", citizens::int FROM cpr_key_usage()`);
    const missing = stored.filter((usage) => !this.cpr.hasKey(usage.keyId));
    if (missing.length) {
      const message =
        `CPR_ENCRYPTION_KEYS: stored CPR numbers are sealed with key id ${missing.map((usage) => `${usage.keyId} (${usage.citizens} citizens)`).join(', ')}, ` +
        'which the configured keys lack: give that key back (CPR_ENCRYPTION_KEYS="<current id>:<key>,<old id>:<key>") and remove it only after ' +
        'POST /jobs/cpr-reencrypt has moved every municipality’s citizens to the current key';
      this.logger.fatal(message);
      throw new Error(message);
    }
    this.logger.log({ ...describeCprKeys(this.config.cprKeys), stored }, 'CPR keys');
  }
}

/** Caseload's own configuration and the protection of CPR numbers at rest (with their key rotation), for every module. */
@Global()
@Module({})
export class PrivacyModule {
  static forRoot(config: CaseloadConfig): DynamicModule {
    return {
      module: PrivacyModule,
      controllers: [CprReencryptionController],
      providers: [
        { provide: CASELOAD_CONFIG, useValue: config },
        { provide: CprProtector, useValue: new CprProtector(config.cprKeys) },
        CprReencryption,
        CprKeysAtStartup,
      ],
      exports: [CASELOAD_CONFIG, CprProtector],
    };
  }
}
