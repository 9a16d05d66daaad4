import { ConfigService } from '@nestjs/config';
import { Environment, validateEnvironment } from '@app/config';
import { FaultInjectionService } from './fault-injection.service';

function withEnvironment(raw: Record<string, string>): FaultInjectionService {
  return new FaultInjectionService(new ConfigService<Environment, true>(validateEnvironment(raw)));
}

describe(FaultInjectionService.name, () => {
  it('reads latency and failure rate from the environment', () => {
    expect(withEnvironment({ MIMIC_LATENCY_MS: '250', MIMIC_FAILURE_RATE: '0.5' }).current).toEqual({ latencyMs: 250, failureRate: 0.5 });
  });

  it('never fails when the rate is 0 and always fails when it is 1', () => {
    expect(Array.from({ length: 50 }, () => withEnvironment({}).shouldFail()).some(Boolean)).toBe(false);
    expect(Array.from({ length: 50 }, () => withEnvironment({ MIMIC_FAILURE_RATE: '1' }).shouldFail()).every(Boolean)).toBe(true);
  });

  it('takes new faults on a running app', () => {
    const faults = withEnvironment({});
    faults.set({ failureRate: 1 });
    expect(faults.current).toEqual({ latencyMs: 0, failureRate: 1 });
  });
});
