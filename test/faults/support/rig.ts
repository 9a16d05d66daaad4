import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../support/database';
import { AppName, SystemOptions, TestSystem } from '../../support/processes';
import { DurableRedis } from './durable-redis';

export interface FaultRig {
  db: TestDatabase;
  redis: DurableRedis;
  system: TestSystem;
  /** A direct connection to the rig's database, for assertions. */
  sql: Client;
  close(): Promise<void>;
}

/** A fault scenario's own database, its own redis-server, and the compiled apps it names, started. */
export async function startRig(apps: readonly AppName[], options: Omit<SystemOptions, 'databaseUrl' | 'redisUrl'> = {}): Promise<FaultRig> {
  const db = await createTestDatabase();
  const redis = await DurableRedis.start();
  const system = await TestSystem.create(apps, { ...options, databaseUrl: db.url, redisUrl: redis.url });
  await system.start();
  const sql = new Client({ connectionString: db.url });
  await sql.connect();
  return {
    db,
    redis,
    system,
    sql,
    close: async () => {
      await system.stop();
      await redis.destroy();
      await sql.end();
      await db.drop();
    },
  };
}
