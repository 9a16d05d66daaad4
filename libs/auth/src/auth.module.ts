import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthEvents } from './auth-events';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

@Module({})
export class AuthModule {
  /** Installs the global guard. `events` replaces the refusal sink (e.g. with the audit writer). */
  static forRoot(options: { events?: Type<AuthEvents>; imports?: DynamicModule['imports'] } = {}): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        TokenVerifier,
        { provide: AuthEvents, useClass: options.events ?? AuthEvents },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
