import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '@app/config';

export interface MimicFaults {
  /** Added to every API request before it is handled. */
  latencyMs: number;
  /** Share of API requests answered 503 (0..1), decided before anything is written. */
  failureRate: number;
}

/**
 * How badly a case-system mimic behaves, from MIMIC_LATENCY_MS and MIMIC_FAILURE_RATE. Tests may change it on a running
 * app (a case system going down and coming back) through `set`.
 */
@Injectable()
export class FaultInjectionService {
  private faults: MimicFaults;

  constructor(config: ConfigService<Environment, true>) {
    this.faults = {
      latencyMs: config.get('MIMIC_LATENCY_MS', { infer: true }),
      failureRate: config.get('MIMIC_FAILURE_RATE', { infer: true }),
    };
  }

  get current(): MimicFaults {
    return { ...this.faults };
  }

  set(faults: Partial<MimicFaults>): void {
    this.faults = { ...this.faults, ...faults };
  }

  async delay(): Promise<void> {
    if (this.faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.faults.latencyMs));
  }

  shouldFail(): boolean {
    return this.faults.failureRate > 0 && Math.random() < this.faults.failureRate;
  }
}
