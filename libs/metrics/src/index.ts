export * from './metrics.service';
export * from './metrics.module';
export * from './metrics.server';
