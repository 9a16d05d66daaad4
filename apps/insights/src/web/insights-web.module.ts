import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { PageSessionMiddleware, WebModule } from '@app/web';
import { StatisticsModule } from '../statistics/statistics.module';
import { DashboardController } from './dashboard.controller';
import { BoardReportsPageController } from './board-reports.page.controller';
import { BoardReportsModule } from '../board-reports/board-reports.module';

/** Insights' pages: the dashboard and the board reports, for boards and the safeguarding lead. */
@Module({
  imports: [
    WebModule.forApp({
      serviceName: 'Referral Hub figures',
      navigation: [
        { text: 'Dashboard', href: '/dashboard', roles: ['safeguarding_lead', 'board_viewer'] },
        { text: 'Board reports', href: '/board-reports', roles: ['safeguarding_lead', 'board_viewer', 'board_member'] },
      ],
      home: (principal) => (principal.role === 'board_member' ? '/board-reports' : '/dashboard'),
      roles: ['safeguarding_lead', 'board_viewer', 'board_member'],
    }),
    StatisticsModule,
    BoardReportsModule,
  ],
  controllers: [DashboardController, BoardReportsPageController],
})
export class InsightsWebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PageSessionMiddleware).forRoutes(DashboardController, BoardReportsPageController);
  }
}
