import { Module } from '@nestjs/common';
import { AuditedAuthEvents, AuditModule } from '@app/audit';
import { AuthModule } from '@app/auth';
import { AppThrottlerGuard, createLoggerModule, HealthModule, ThrottlingModule } from '@app/common';
import { appConfigModule } from '@app/config';
import { SchemaDatabaseModule } from '@app/database';
import { MetricsModule } from '@app/metrics';
import { QueueConnectionModule } from '@app/queues';
import { AuditApiModule } from './audit/audit-api.module';
import { PersonsModule } from './persons/persons.module';
import { ReferralsModule } from './referrals/referrals.module';
import { DecisionsModule } from './decisions/decisions.module';
import { WorklistsModule } from './worklists/worklists.module';
import { AdulthoodModule } from './adulthood/adulthood.module';
import { SupportModule } from './support/support.module';
import { HomeOfficeModule } from './home-office/home-office.module';
import { EpisodesModule } from './episodes/episodes.module';
import { IntakeWebModule } from './web/intake-web.module';

@Module({
  imports: [
    appConfigModule(),
    createLoggerModule('intake'),
    SchemaDatabaseModule.central('intake'),
    QueueConnectionModule.forRoot(),
    AuditModule,
    AuthModule.forRoot({ events: AuditedAuthEvents, imports: [ThrottlingModule], before: [AppThrottlerGuard] }),
    HealthModule.forRoot({ redis: true }),
    MetricsModule.forHttpApp('intake'),
    ReferralsModule,
    PersonsModule,
    DecisionsModule,
    WorklistsModule,
    AdulthoodModule,
    SupportModule,
    HomeOfficeModule,
    EpisodesModule,
    AuditApiModule,
    IntakeWebModule,
  ],
})
export class IntakeModule {}
