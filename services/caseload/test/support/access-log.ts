// The access log helpers are shared by every service's suites (libs/testing).
export { accessLogMark, accessLogSince } from '@fremskudt/testing';
export type { AccessLogRow } from '@fremskudt/testing';
