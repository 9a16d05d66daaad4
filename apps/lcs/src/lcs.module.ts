import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { createLoggerModule, FaultInjectionService, HealthModule } from '@app/common';
import { appConfigModule } from '@app/config';
import { SchemaDatabaseModule } from '@app/database';
import { MetricsModule } from '@app/metrics';
import { ContactController } from './contacts/contact.controller';
import { ContactsModule } from './contacts/contacts.module';
import { FeedController } from './feed/feed.controller';
import { FeedModule } from './feed/feed.module';
import { FaultInjectionMiddleware } from './http/fault-injection.middleware';
import { LCS_SCHEMA } from './lcs-schema';

/** The children's case system mimic (LCS contacts API). */
@Module({
  imports: [
    appConfigModule(),
    createLoggerModule('lcs'),
    SchemaDatabaseModule.forSchema(LCS_SCHEMA, 'lcs'),
    // The vendor's API admits the integration's service token only; health stays open.
    AuthModule.forRoot(),
    HealthModule.forRoot({ redis: false }),
    MetricsModule.forHttpApp('lcs'),
    ContactsModule,
    FeedModule,
  ],
  providers: [FaultInjectionService],
})
export class LcsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(FaultInjectionMiddleware).forRoutes(ContactController, FeedController);
  }
}
