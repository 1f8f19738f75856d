export * from './test-infrastructure';
export * from './test-service';
export * from './service-basics';
export * from './kafka-probes';
export * from './service-testbed';
export * from './openapi-conventions';
