import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AssetsController } from './assets.controller';
import { HomeController } from './home.controller';
import { JourneyAnswers } from './journey-answers';
import { RefusedForms } from './refused-forms';
import { OidcClient } from './oidc.client';
import { PageErrorFilter } from './page-error.filter';
import { PageSessionMiddleware, PageSessions } from './page-session';
import { PageGuard } from './page.guard';
import { PageRenderer } from './page.renderer';
import { SignInController } from './sign-in.controller';
import { WEB_OPTIONS, type WebAppOptions } from './web.options';

/**
 * What every app with pages shares: GOV.UK Frontend templates and assets, sessions in Redis, CSRF, sign-in. An
 * app's own page module imports this and applies PageSessionMiddleware to its page controllers.
 */
@Module({})
export class WebModule implements NestModule {
  static forApp(options: WebAppOptions): DynamicModule {
    return {
      module: WebModule,
      controllers: [AssetsController, SignInController, HomeController],
      providers: [
        { provide: WEB_OPTIONS, useValue: options },
        PageRenderer,
        PageSessions,
        PageSessionMiddleware,
        PageGuard,
        PageErrorFilter,
        OidcClient,
        JourneyAnswers,
        RefusedForms,
      ],
      exports: [WEB_OPTIONS, PageRenderer, PageSessions, PageSessionMiddleware, PageGuard, PageErrorFilter, JourneyAnswers, RefusedForms],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PageSessionMiddleware).forRoutes(SignInController, HomeController);
  }
}
