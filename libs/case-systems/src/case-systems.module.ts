import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '@app/config';
import { AisClient } from './ais/ais.client';
import { LcsClient } from './lcs/lcs.client';

/** Both clients as providers, configured from AIS_URL, LCS_URL and CASE_SYSTEM_TIMEOUT_MS. */
@Module({
  providers: [
    {
      provide: AisClient,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) =>
        new AisClient({ baseUrl: config.get('AIS_URL', { infer: true }), timeoutMs: config.get('CASE_SYSTEM_TIMEOUT_MS', { infer: true }) }),
    },
    {
      provide: LcsClient,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) =>
        new LcsClient({ baseUrl: config.get('LCS_URL', { infer: true }), timeoutMs: config.get('CASE_SYSTEM_TIMEOUT_MS', { infer: true }) }),
    },
  ],
  exports: [AisClient, LcsClient],
})
export class CaseSystemsModule {}
