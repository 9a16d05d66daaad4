import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import integrationSetup from '../../support/global-setup';

/**
 * The integration template database (every migration applied once), plus a snapshot of the compiled apps: the
 * fault tests run `node dist/...` children for minutes, and a build started meanwhile in the same checkout
 * (`rm -rf dist`) must not pull the files from under them. The snapshot lives under node_modules/.cache so the
 * children still resolve node_modules.
 */
export default async function globalSetup(): Promise<void> {
  await integrationSetup();
  const root = path.resolve(__dirname, '..', '..', '..');
  const snapshot = path.join(root, 'node_modules', '.cache', 'rh-faults', process.env.RH_TEST_RUN ?? 'run');
  mkdirSync(snapshot, { recursive: true });
  cpSync(path.join(root, 'dist'), snapshot, { recursive: true });
  process.env.RH_DIST = snapshot;
}
