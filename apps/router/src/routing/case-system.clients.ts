import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AisClient, LcsClient } from '@app/case-systems';
import type { Environment } from '@app/config';
import type { CaseSystem } from '@app/domain';

/** The two case systems' clients, built once from configuration. */
@Injectable()
export class CaseSystemClients {
  readonly ais: AisClient;
  readonly lcs: LcsClient;

  constructor(config: ConfigService<Environment, true>) {
    const timeoutMs = config.get('CASE_SYSTEM_TIMEOUT_MS', { infer: true });
    this.ais = new AisClient({ baseUrl: config.get('AIS_URL', { infer: true }), timeoutMs });
    this.lcs = new LcsClient({ baseUrl: config.get('LCS_URL', { infer: true }), timeoutMs });
  }

  for(system: CaseSystem): AisClient | LcsClient {
    return system === 'AIS' ? this.ais : this.lcs;
  }
}
