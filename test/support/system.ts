import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { FakeOidcIssuer } from '@app/web/fake-oidc-issuer.testing';
import { createTestDatabase, TestDatabase } from './database';
import { useTestEnvironment } from './env';
import { RunningMimic, startAis, startLcs } from './mimics';
import { dropPrefixKeys, freePort, TestRedis } from './redis-server';

export interface SystemOptions {
  /** Settings beyond the test defaults (DATABASE_URL, a fresh queue prefix, a high rate limit...). */
  env?: Record<string, string | number>;
  /** Start the AIS and LCS mimics and point AIS_URL / LCS_URL at them. */
  mimics?: boolean;
  /** Start the AIS mimic alone (AIS_URL points at it). */
  ais?: boolean;
  /** Start the LCS mimic alone (LCS_URL points at it). */
  lcs?: boolean;
  /**
   * A redis-server of the file's own instead of the shared one (REDIS_URL points at it), so stopping it disturbs no
   * other test: `'stopped'` leaves it down while the apps start (start it with `system.redis.start()`).
   */
  ownRedis?: 'running' | 'stopped';
  /** Production sign-in: a fake OpenID Connect provider on 127.0.0.1, with the OIDC_* settings pointing at it. */
  oidc?: boolean;
  intake?: boolean;
  insights?: boolean;
  router?: boolean;
  deduplicator?: boolean;
}

export interface TestSystem {
  db: TestDatabase;
  /** A direct connection to the test database, for assertions. */
  sql: Client;
  /** The BullMQ key prefix of this file's queues. */
  prefix: string;
  ais?: RunningMimic;
  lcs?: RunningMimic;
  /** The file's own redis-server (`ownRedis`). */
  redis?: TestRedis;
  /** The fake identity provider (`oidc`). */
  oidc?: FakeOidcIssuer;
  intake?: INestApplication<Server>;
  insights?: INestApplication<Server>;
  router?: INestApplicationContext;
  deduplicator?: INestApplicationContext;
  /** A BullMQ queue on this system's Redis and prefix, to look at its jobs; closed by close(). */
  queue(name: string): Queue;
  /** Starts the router later in a test (e.g. once work has piled up for it). */
  startRouter(): Promise<INestApplicationContext>;
  /** Stops the deduplicator and starts a fresh one (as after a crash). */
  restartDeduplicator(): Promise<INestApplicationContext>;
  close(): Promise<void>;
}

async function startRouter(): Promise<INestApplicationContext> {
  const { RouterModule } = await import('../../apps/router/src/router.module');
  const app = await NestFactory.createApplicationContext(RouterModule, { logger: false });
  await app.init();
  return app;
}

async function startDeduplicator(): Promise<INestApplicationContext> {
  const { DeduplicatorModule } = await import('../../apps/deduplicator/src/deduplicator.module');
  const app = await NestFactory.createApplicationContext(DeduplicatorModule, { logger: false });
  await app.init();
  return app;
}

/**
 * The parts of the system a test file needs, in-process, on its own database and queue prefix, against the real
 * PostgreSQL and Redis. Call once per file (app modules read their environment when first imported).
 */
export async function startSystem(options: SystemOptions): Promise<TestSystem> {
  const db = await createTestDatabase();
  const redis = options.ownRedis ? new TestRedis(await freePort()) : undefined;
  if (options.ownRedis === 'running') await redis?.start();
  const oidc = options.oidc ? new FakeOidcIssuer() : undefined;
  await oidc?.start();
  const prefix = useTestEnvironment({
    DATABASE_URL: db.url,
    ...(redis ? { REDIS_URL: redis.url } : {}),
    ...(oidc
      ? {
          OIDC_ISSUER_URL: oidc.url,
          OIDC_CLIENT_ID: 'referral-hub-pages',
          OIDC_CLIENT_SECRET: 'shh',
          OIDC_REDIRECT_URL: 'https://referrals.example.gov.uk/sign-in/callback',
        }
      : {}),
    ...options.env,
  });
  const redisUrl = process.env.REDIS_URL;
  const queues: Queue[] = [];
  const system: TestSystem = {
    db,
    sql: new Client({ connectionString: db.url }),
    prefix,
    redis,
    oidc,
    queue: (name) => {
      const queue = new Queue(name, { connection: { url: redisUrl }, prefix });
      queues.push(queue);
      return queue;
    },
    startRouter: async () => {
      if (system.router) throw new Error('the router is already running');
      system.router = await startRouter();
      return system.router;
    },
    restartDeduplicator: async () => {
      await system.deduplicator?.close();
      system.deduplicator = await startDeduplicator();
      return system.deduplicator;
    },
    close: async () => {
      for (const queue of queues) await queue.close();
      await system.deduplicator?.close();
      await system.router?.close();
      await system.intake?.close();
      await system.insights?.close();
      await system.ais?.close();
      await system.lcs?.close();
      await system.sql.end();
      await db.drop();
      if (redis) await redis.stop();
      else if (redisUrl) await dropPrefixKeys(redisUrl, prefix);
      await oidc?.stop();
    },
  };
  await system.sql.connect();
  if (options.mimics || options.ais) {
    system.ais = await startAis({ databaseUrl: db.url });
    process.env.AIS_URL = system.ais.url;
  }
  if (options.mimics || options.lcs) {
    system.lcs = await startLcs({ databaseUrl: db.url });
    process.env.LCS_URL = system.lcs.url;
  }
  if (options.intake) {
    const { createIntakeApp } = await import('../../apps/intake/src/intake.app');
    system.intake = await createIntakeApp();
    await system.intake.init();
  }
  if (options.insights) {
    const { createInsightsApp } = await import('../../apps/insights/src/insights.app');
    system.insights = await createInsightsApp();
    await system.insights.init();
  }
  if (options.router) system.router = await startRouter();
  if (options.deduplicator) system.deduplicator = await startDeduplicator();
  return system;
}
