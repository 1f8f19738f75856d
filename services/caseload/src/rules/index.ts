// The caseload service's pure domain rules: no I/O, no Nest, no clock ("today" is always a parameter).
export * from './age';
export * from './hours-rule';
export * from './interview-schedule';
export * from './iso-date';
export * from './progression';
export * from './working-days';
