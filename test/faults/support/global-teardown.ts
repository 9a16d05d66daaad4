import { rmSync } from 'node:fs';
import integrationTeardown from '../../support/global-teardown';

export default async function globalTeardown(): Promise<void> {
  await integrationTeardown();
  if (process.env.RH_DIST?.includes('rh-faults')) rmSync(process.env.RH_DIST, { recursive: true, force: true });
}
