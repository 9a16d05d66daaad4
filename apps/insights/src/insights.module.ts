import { Module } from '@nestjs/common';
import { AuditedAuthEvents, AuditModule } from '@app/audit';
import { AuthModule } from '@app/auth';
import { AppThrottlerGuard, createLoggerModule, HealthModule, ThrottlingModule } from '@app/common';
import { appConfigModule } from '@app/config';
import { SchemaDatabaseModule } from '@app/database';
import { MetricsModule } from '@app/metrics';
import { QueueConnectionModule, QueueName } from '@app/queues';
import { BoardReportsModule } from './board-reports/board-reports.module';
import { StatisticsModule } from './statistics/statistics.module';
import { InsightsWebModule } from './web/insights-web.module';

/**
 * Insights: central statistics and board reports. It also runs the `reports` queue's worker, which only ever
 * generates board reports from the same code the HTTP routes use.
 */
@Module({
  imports: [
    appConfigModule(),
    createLoggerModule('insights'),
    SchemaDatabaseModule.central('insights'),
    QueueConnectionModule.forRoot(),
    AuditModule,
    AuthModule.forRoot({ events: AuditedAuthEvents, imports: [ThrottlingModule], before: [AppThrottlerGuard] }),
    HealthModule.forRoot({ redis: true }),
    MetricsModule.forHttpApp('insights', { queues: [QueueName.Reports] }),
    StatisticsModule,
    BoardReportsModule,
    InsightsWebModule,
  ],
})
export class InsightsModule {}
