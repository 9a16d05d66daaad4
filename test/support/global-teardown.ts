import { withAdmin } from './database';

/** Drops the run's template and every per-file database a crashed file may have left behind. */
export default async function globalTeardown(): Promise<void> {
  const run = process.env.RH_TEST_RUN;
  if (!run) return;
  await withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [
      `rh_t_${run}_%`,
      `rh_tpl_${run}`,
    ]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}
