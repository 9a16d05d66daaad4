export * from './principal';
export * from './decorators';
export * from './token-verifier';
export * from './auth-events';
export * from './auth.guard';
export * from './auth.module';
export * from './service-token';
