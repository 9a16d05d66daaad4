import { CanActivate, DynamicModule, Module, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthEvents } from './auth-events';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

@Module({})
export class AuthModule {
  /**
   * Installs the global guard. `events` replaces the refusal sink (e.g. with the audit writer). `before` are global
   * guards that must run ahead of it, in this order (the rate limiter: a flood of anonymous requests is refused before
   * any token is looked at, and counted, not audited); their modules go in `imports`.
   */
  static forRoot(options: { events?: Type<AuthEvents>; imports?: DynamicModule['imports']; before?: ReadonlyArray<Type<CanActivate>> } = {}): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        TokenVerifier,
        { provide: AuthEvents, useClass: options.events ?? AuthEvents },
        // Global guards run in the order they are provided.
        ...(options.before ?? []).map((guard) => ({ provide: APP_GUARD, useClass: guard })),
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
