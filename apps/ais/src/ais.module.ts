import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { createLoggerModule, FaultInjectionService, HealthModule } from '@app/common';
import { appConfigModule } from '@app/config';
import { SchemaDatabaseModule } from '@app/database';
import { MetricsModule } from '@app/metrics';
import { AIS_SCHEMA } from './ais-schema';
import { ChangeFeedController } from './change-feed/change-feed.controller';
import { ChangeFeedModule } from './change-feed/change-feed.module';
import { ConcernsModule } from './concerns/concerns.module';
import { SafeguardingConcernController } from './concerns/safeguarding-concern.controller';
import { FaultInjectionMiddleware } from './http/fault-injection.middleware';
import { TransferController } from './transfers/transfer.controller';

/** The adults' case system mimic (AIS API v2). */
@Module({
  imports: [
    appConfigModule(),
    createLoggerModule('ais'),
    SchemaDatabaseModule.forSchema(AIS_SCHEMA, 'ais'),
    // The vendor's API admits the integration's service token only; health stays open.
    AuthModule.forRoot(),
    HealthModule.forRoot({ redis: false }),
    MetricsModule.forHttpApp('ais'),
    ConcernsModule,
    ChangeFeedModule,
  ],
  providers: [FaultInjectionService],
})
export class AisModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(FaultInjectionMiddleware).forRoutes(SafeguardingConcernController, TransferController, ChangeFeedController);
  }
}
