// The daily purge is service-kit's (one per service, over its own table).
export { ACCESS_LOG_PURGE_EVERY_MS, ACCESS_LOG_PURGE_FIRST_RUN_AFTER_MS, AccessLogPurgeScheduler } from '@fremskudt/service-kit';
