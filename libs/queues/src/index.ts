export * from './queues';
export * from './queue.module';
export * from './routing-queue.module';
export * from './reconciliation';
