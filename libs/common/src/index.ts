export * from './errors';
export * from './validation';
export * from './error.filter';
export * from './logging';
export * from './redis';
export * from './http-app';
export * from './health/health.module';
