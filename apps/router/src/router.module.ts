import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { createLoggerModule } from '@app/common';
import { appConfigModule } from '@app/config';
import { SchemaDatabaseModule } from '@app/database';
import { MetricsModule } from '@app/metrics';
import { QueueConnectionModule, QueueName } from '@app/queues';
import { RoutingModule } from './routing/routing.module';

/** The age router: a worker with no HTTP routes (docs/conventions.md, 6). */
@Module({
  imports: [
    appConfigModule(),
    createLoggerModule('router'),
    SchemaDatabaseModule.central('router'),
    QueueConnectionModule.forRoot(),
    AuditModule,
    RoutingModule,
    MetricsModule.forWorker('router', { port: 'ROUTER_METRICS_PORT', queues: [QueueName.Routing] }),
  ],
})
export class RouterModule {}
