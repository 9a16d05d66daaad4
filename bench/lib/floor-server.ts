import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Pool } from 'pg';

/**
 * The floor under intake, for `bench:intake`: Node's own HTTP server, the body parsed as JSON, and the one prepared
 * statement a referral costs (the pgbench script's, its `:r` a parameter), answered with a small JSON body. No
 * framework, validation, authentication, rate limiting, audit of the request or log line. What this reaches beside
 * pgbench is the most any Node request path could reach on the machine; it is a measuring stick, never deployed.
 *
 * Environment: DATABASE_URL, PORT, FLOOR_STATEMENT (a file holding the statement), FLOOR_WORKERS (as intake's).
 */
const workers = Number(process.env.FLOOR_WORKERS ?? 2);
if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
} else {
  const text = readFileSync(process.env.FLOOR_STATEMENT ?? '', 'utf8');
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = (status: number, body: unknown) => {
        const out = JSON.stringify(body);
        response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
        response.end(out);
      };
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        answer(400, { error: 'not JSON' });
        return;
      }
      if (typeof body !== 'object' || body === null) {
        answer(400, { error: 'not an object' });
        return;
      }
      pool
        .query<{ reference: string }>({ name: 'floor', text, values: [randomBytes(8).readBigUInt64BE().toString()] })
        .then(({ rows }) => answer(201, { reference: rows[0]?.reference, status: 'accepted' }))
        .catch((error: unknown) => answer(500, { error: String(error) }));
    });
  }).listen(Number(process.env.PORT));
}
