export * from './tenant-context';
export * from './unit-of-work';
export * from './database-urls';
export * from './data-source';
export * from './migrations';
export * from './provisioning';
export * from './idempotent-commands';
