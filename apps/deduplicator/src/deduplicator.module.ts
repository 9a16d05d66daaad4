import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { createLoggerModule } from '@app/common';
import { appConfigModule } from '@app/config';
import { SchemaDatabaseModule } from '@app/database';
import { MetricsModule } from '@app/metrics';
import { QueueConnectionModule, QueueName } from '@app/queues';
import { LinkingModule } from './linking/linking.module';

/** The deduplicator: a worker with no HTTP routes that keeps the person index. */
@Module({
  imports: [
    appConfigModule(),
    createLoggerModule('deduplicator'),
    SchemaDatabaseModule.central('deduplicator'),
    QueueConnectionModule.forRoot(),
    AuditModule,
    LinkingModule,
    MetricsModule.forWorker('deduplicator', { port: 'DEDUPLICATOR_METRICS_PORT', queues: [QueueName.Linking] }),
  ],
})
export class DeduplicatorModule {}
