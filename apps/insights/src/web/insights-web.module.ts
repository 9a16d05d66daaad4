import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { PageSessionMiddleware, WebModule } from '@app/web';
import { StatisticsModule } from '../statistics/statistics.module';
import { DashboardController } from './dashboard.controller';

/** Insights' pages: the dashboard for boards and the safeguarding lead. */
@Module({
  imports: [
    WebModule.forApp({
      serviceName: 'Referral Hub figures',
      navigation: [{ text: 'Dashboard', href: '/dashboard', roles: ['safeguarding_lead', 'board_viewer'] }],
      home: () => '/dashboard',
      roles: ['safeguarding_lead', 'board_viewer'],
    }),
    StatisticsModule,
  ],
  controllers: [DashboardController],
})
export class InsightsWebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PageSessionMiddleware).forRoutes(DashboardController);
  }
}
