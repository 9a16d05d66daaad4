import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { serviceToken } from '@app/auth';
import type { Environment } from '@app/config';
import { AisClient } from './ais/ais.client';
import { LcsClient } from './lcs/lcs.client';

type Config = ConfigService<Environment, true>;

function settings(config: Config) {
  return {
    SERVICE_TOKEN: config.get('SERVICE_TOKEN', { infer: true }),
    AUTH_MODE: config.get('AUTH_MODE', { infer: true }),
    AUTH_DEV_SECRET: config.get('AUTH_DEV_SECRET', { infer: true }),
    AUTH_ISSUER: config.get('AUTH_ISSUER', { infer: true }),
    AUTH_AUDIENCE: config.get('AUTH_AUDIENCE', { infer: true }),
  };
}

/** Both clients as providers, configured from AIS_URL, LCS_URL and CASE_SYSTEM_TIMEOUT_MS, with the app's service token. */
@Module({})
export class CaseSystemsModule {
  static forApp(app: string): DynamicModule {
    return {
      module: CaseSystemsModule,
      providers: [
        {
          provide: AisClient,
          inject: [ConfigService],
          useFactory: (config: Config) =>
            new AisClient({
              baseUrl: config.get('AIS_URL', { infer: true }),
              timeoutMs: config.get('CASE_SYSTEM_TIMEOUT_MS', { infer: true }),
              token: serviceToken(settings(config), app),
            }),
        },
        {
          provide: LcsClient,
          inject: [ConfigService],
          useFactory: (config: Config) =>
            new LcsClient({
              baseUrl: config.get('LCS_URL', { infer: true }),
              timeoutMs: config.get('CASE_SYSTEM_TIMEOUT_MS', { infer: true }),
              token: serviceToken(settings(config), app),
            }),
        },
      ],
      exports: [AisClient, LcsClient],
    };
  }
}
