// Moved to service-kit (the access log's purge runs in every service); kept here for caseload's own schedulers.
export { RepeatingTask, type RepeatingTaskOptions } from '@fremskudt/service-kit';
