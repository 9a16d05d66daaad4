import { SignJWT } from 'jose';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Redis from 'ioredis';
import { bearer } from '../support/auth';
import { aReferral } from '../support/fixtures';
import { startRig, type FaultRig } from '../faults/support/rig';
import { eventually } from '../support/env';
import { distDirectory } from '../support/processes';
import { ifStarted } from '../support/teardown';

jest.setTimeout(300_000);

// The development signing settings the children run with (the defaults; a check may set its own).
const DEV = { secret: 'referral-hub-development-only-secret-do-not-deploy', issuer: 'referral-hub', audience: 'referral-hub' };

/**
 * Attacks on the running system, over HTTP, against the compiled apps as `npm start` runs them: each way in found
 * by attacking it from outside, and the refusal, audit row or header that now closes it.
 */
describe('the running system, attacked', () => {
  let rig: FaultRig;
  let intake: string;
  let insights: string;
  let lead: string;
  let admin: string;
  let board: string;

  beforeAll(async () => {
    // A per-principal allowance the signed-in flood below can reach quickly (300 a minute is the default).
    rig = await startRig(['intake', 'insights'], { env: { THROTTLE_LIMIT: 250 } });
    intake = rig.system.app('intake').url;
    insights = rig.system.app('insights').url;
    lead = await bearer('safeguarding_lead');
    admin = await bearer('admin');
    board = await bearer('board_viewer', undefined, 'board-member-1', { board: 'community_safety_partnership' });
  });

  afterAll(async () => {
    await ifStarted(rig)?.close();
  });

  const get = (url: string, authorization?: string, headers: Record<string, string> = {}) =>
    fetch(url, { headers: { ...(authorization ? { authorization } : {}), ...headers } });
  const post = (url: string, authorization: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const referralCount = async (): Promise<number> => Number((await rig.sql.query('SELECT count(*)::int AS n FROM central.referrals')).rows[0].n);
  const errorsOf = async (res: Response) => ((await res.json()) as { errors: Array<{ path: string; message: string }> }).errors;
  const audit = async (query: Record<string, string>) =>
    (
      (await (await get(`${intake}/v1/audit?${new URLSearchParams({ pageSize: '100', ...query }).toString()}`, admin)).json()) as {
        items: Array<{ action: string; outcome: string; actor: { sub: string }; subject: { id: string } | null }>;
      }
    ).items;

  describe('the published tier', () => {
    it.each([
      ['a one-day window', 'from=2026-10-05&to=2026-10-05'],
      ['a quarter less its last day', 'from=2026-10-01&to=2026-12-30'],
      ['a month', 'period=2026-10'],
      ['a range written as a period', 'period=2026-10-01..2026-12-30'],
    ])('answers a board viewer asking for %s with a 400 naming the periods it may ask for', async (_, query) => {
      const res = await get(`${insights}/v1/statistics?${query}`, board);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { errors: Array<{ path: string; message: string }> };
      expect(body.errors.length).toBeGreaterThan(0);
      for (const e of body.errors) expect(e.message).toMatch(/calendar quarter such as "2026-Q4".*financial year.*"2026\/27"/);
    });

    it('answers a board viewer a calendar quarter and a financial year', async () => {
      for (const period of ['2026-Q4', '2026/27']) {
        const res = await get(`${insights}/v1/statistics?period=${encodeURIComponent(period)}`, board);
        expect(res.status).toBe(200);
        expect(((await res.json()) as { figuresAre: string }).figuresAre).toBe('disclosure_controlled');
      }
    });

    it('generates board reports for published periods only', async () => {
      const res = await post(`${insights}/v1/board-reports`, lead, { audience: 'community_safety_partnership', period: '2026-10' });
      expect(res.status).toBe(400);
    });
  });

  describe('tokens', () => {
    const sign = (claims: Record<string, unknown>, build: (jwt: SignJWT) => SignJWT = (jwt) => jwt.setExpirationTime('1h'), alg = 'HS256') =>
      build(new SignJWT(claims).setProtectedHeader({ alg }).setIssuer(DEV.issuer).setAudience(DEV.audience).setIssuedAt()).sign(
        new TextEncoder().encode(DEV.secret),
      );

    it.each<[string, () => Promise<string>]>([
      ['no exp', () => sign({ role: 'safeguarding_lead', sub: 'u' }, (jwt) => jwt)],
      ['a lifetime beyond the cap', () => sign({ role: 'safeguarding_lead', sub: 'u' }, (jwt) => jwt.setExpirationTime('30d'))],
      ['an empty sub', () => sign({ role: 'safeguarding_lead', sub: '' })],
      ['HS512, not allowed in development', () => sign({ role: 'safeguarding_lead', sub: 'u' }, undefined, 'HS512')],
      ['a board viewer naming no board', () => sign({ role: 'board_viewer', sub: 'u' })],
      ['a NUL in org', () => sign({ role: 'first_responder', sub: 'u', org: 'Thames\u0000Valley' })],
    ])('refuses a token with %s (401)', async (_, token) => {
      const res = await get(`${intake}/v1/referrals`, `Bearer ${await token()}`);
      expect(res.status).toBe(401);
    });
  });

  describe('audit', () => {
    it('audits a read by an upper-case id under the canonical id', async () => {
      const created = (await (await post(`${intake}/v1/referrals`, lead, aReferral())).json()) as { id: string };
      expect((await get(`${intake}/v1/referrals/${created.id.toUpperCase()}`, lead)).status).toBe(200);
      const rows = await audit({ subjectId: created.id, action: 'referral.read' });
      expect(rows.length).toBe(1);
      expect(rows[0].subject?.id).toBe(created.id);
    });

    it("audits another organisation's referral, answered 404, as refused and naming it", async () => {
      const created = (await (await post(`${intake}/v1/referrals`, lead, aReferral())).json()) as { id: string };
      const other = await bearer('first_responder', 'Another Organisation', `fr-${randomUUID()}`);
      expect((await get(`${intake}/v1/referrals/${created.id}`, other)).status).toBe(404);
      const rows = await audit({ subjectId: created.id, outcome: 'refused' });
      expect(rows.map((r) => r.action)).toContain('referral.read');
    });

    it('audits a recorded NRM decision', async () => {
      const created = (await (await post(`${intake}/v1/referrals`, lead, aReferral())).json()) as { id: string };
      const decided = await post(`${intake}/v1/referrals/${created.id}/decisions`, lead, {
        type: 'reasonable_grounds',
        outcome: 'positive',
        decidedOn: '2026-11-02',
      });
      expect(decided.status).toBe(201);
      const rows = await audit({ subjectId: created.id, action: 'decision.record' });
      expect(rows).toHaveLength(1);
      expect(rows[0].outcome).toBe('allowed');
    });
  });

  describe('headers', () => {
    it('marks personal-data answers Cache-Control: no-store', async () => {
      for (const path of ['/v1/referrals', '/v1/audit']) {
        const res = await get(`${intake}${path}`, path === '/v1/audit' ? admin : lead);
        expect(res.status).toBe(200);
        expect(res.headers.get('cache-control')).toBe('no-store');
      }
    });
  });

  describe('bad input', () => {
    const nested = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

    it.each<[string, () => string, string]>([
      [
        'JSON nested 5,000 deep',
        () => {
          const body = aReferral() as unknown as Record<string, unknown>;
          return JSON.stringify(body).replace(/}$/, `,"narrative":${nested(5000)}}`);
        },
        'narrative',
      ],
      [
        'a lone UTF-16 surrogate in a name',
        () => {
          const body = aReferral() as unknown as { potentialVictim: { firstName: string } };
          return JSON.stringify(body).replace(`"firstName":"${body.potentialVictim.firstName}"`, '"firstName":"Ar\\ud800ta"');
        },
        'potentialVictim.firstName',
      ],
      ['a __proto__ key', () => JSON.stringify(aReferral()).replace(/}$/, ',"__proto__":{"admin":true}}'), '__proto__'],
    ])('answers %s with a 400 naming the field, and writes nothing', async (_, body, field) => {
      const before = await referralCount();
      const res = await post(`${intake}/v1/referrals`, lead, body());
      expect(res.status).toBe(400);
      expect((await errorsOf(res)).map((e) => e.path)).toContainEqual(expect.stringContaining(field));
      expect(await referralCount()).toBe(before);
    });

    it('answers a body that is not JSON with a 415 naming Content-Type, repeating none of it, and writes nothing', async () => {
      const before = await referralCount();
      const body = JSON.stringify(aReferral());
      for (const contentType of ['application/x-www-form-urlencoded', 'text/plain']) {
        const res = await post(`${intake}/v1/referrals`, lead, body, { 'content-type': contentType });
        expect(res.status).toBe(415);
        const text = await res.text();
        expect(JSON.parse(text)).toEqual({ statusCode: 415, errors: [{ path: 'Content-Type', message: 'Content-Type must be application/json' }] });
      }
      expect(await referralCount()).toBe(before);
    });

    it('names an unknown key that is not a field name without repeating it', async () => {
      const res = await post(`${intake}/v1/referrals`, lead, { ...aReferral(), 'Zorwenna Quillfeather 1990-03-14': '1' });
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text).not.toContain('Zorwenna');
      expect(text).toContain('(unknown field) should not exist');
    });

    it('answers a page number beyond the integer range with a 400 naming page', async () => {
      const res = await get(`${intake}/v1/referrals?page=99999999999999`, lead);
      expect(res.status).toBe(400);
      expect((await errorsOf(res)).map((e) => e.path)).toContain('page');
    });
  });

  describe('request ids and purposes', () => {
    it('refuses a malformed X-Request-Id, naming the header', async () => {
      const res = await get(`${intake}/v1/referrals`, lead, { 'x-request-id': `x${'<script>'.repeat(20)}` });
      expect(res.status).toBe(400);
      expect((await errorsOf(res)).map((e) => e.path)).toContain('X-Request-Id');
    });

    it("keeps a client's X-Request-Id apart from the service's own in the audit", async () => {
      const created = (await (await post(`${intake}/v1/referrals`, lead, aReferral())).json()) as { id: string };
      const given = `client-${randomUUID()}`;
      expect((await get(`${intake}/v1/referrals/${created.id}`, lead, { 'x-request-id': given })).status).toBe(200);
      const { rows } = await rig.sql.query<{ request_id: string; client_request_id: string }>(
        `SELECT request_id, client_request_id FROM central.audit_events WHERE subject_id = $1 AND action = 'referral.read'`,
        [created.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].client_request_id).toBe(given);
      expect(rows[0].request_id).not.toBe(given);
    });

    it("refuses an X-Access-Purpose outside the role's list, naming the header", async () => {
      const res = await get(`${intake}/v1/referrals`, lead, { 'x-access-purpose': 'curiosity' });
      expect(res.status).toBe(400);
      expect((await errorsOf(res)).map((e) => e.path)).toContain('X-Access-Purpose');
    });
  });

  describe('development mode', () => {
    it('refuses to start a production build with development sign-in', () => {
      const entry = path.join(distDirectory(), 'apps', 'intake', 'src', 'main.js');
      const run = spawnSync(process.execPath, [entry], {
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', AUTH_MODE: 'development', LOG_LEVEL: 'silent', PORT: '1' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).not.toBe(0);
      expect(`${run.stdout}${run.stderr}`).toMatch(/AUTH_MODE: development sign-in refuses to start when NODE_ENV=production/);
    });

    it('refuses to start a serving app with no AUTH_MODE at all', () => {
      const entry = path.join(distDirectory(), 'apps', 'intake', 'src', 'main.js');
      const run = spawnSync(process.execPath, [entry], {
        env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', PORT: '1' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).not.toBe(0);
      expect(`${run.stdout}${run.stderr}`).toMatch(/AUTH_MODE: must be set/);
    });
  });

  describe('metrics', () => {
    it('answers /metrics on an HTTP app to the admin role only', async () => {
      for (const app of [intake, insights]) {
        expect((await get(`${app}/metrics`, lead)).status).toBe(403);
        expect((await get(`${app}/metrics`, board)).status).toBe(403);
        const scraped = await get(`${app}/metrics`, admin);
        expect(scraped.status).toBe(200);
        expect(await scraped.text()).toMatch(/rh_http_request_duration_seconds/);
      }
    });
  });

  describe('tokens from the script', () => {
    it('gives every holder of one organisation a subject of their own', () => {
      const script = path.join(distDirectory(), 'scripts', 'token.js');
      const subOf = () => {
        const run = spawnSync(process.execPath, [script, '--role', 'first_responder', '--org', 'Thames Valley Police'], { encoding: 'utf8', timeout: 60_000 });
        expect(run.status).toBe(0);
        const payload = JSON.parse(Buffer.from(run.stdout.trim().split('.')[1], 'base64url').toString('utf8')) as { sub: string; org: string };
        expect(payload.org).toBe('Thames Valley Police');
        return payload.sub;
      };
      const [first, second] = [subOf(), subOf()];
      expect(first).not.toBe('');
      expect(first).not.toBe(second);
    });
  });

  describe('sessions', () => {
    it('ends a page session older than SESSION_ABSOLUTE_HOURS however active it has been', async () => {
      // Signed in through the page, as a person would.
      const form = await get(`${intake}/sign-in`);
      const cookieOf = (res: Response) =>
        res.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ');
      const preCookie = cookieOf(form);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
      const signedIn = await fetch(`${intake}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(preCookie ? { cookie: preCookie } : {}) },
        body: new URLSearchParams({ _csrf: csrf, role: 'safeguarding_lead' }).toString(),
      });
      expect([302, 303]).toContain(signedIn.status);
      const cookie = cookieOf(signedIn);
      expect((await fetch(`${intake}/referrals`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
      // The session as it would be 13 hours after sign-in (the default lifetime is 12), its idle timer still fresh.
      const redis = new Redis(rig.redis.url);
      try {
        const [key] = await redis.keys('*:session:*');
        expect(key).toBeDefined();
        const session = JSON.parse((await redis.get(key)) ?? '{}') as { signedInAt: number };
        session.signedInAt -= 13 * 3600_000;
        await redis.set(key, JSON.stringify(session), 'KEEPTTL');
        const refused = await fetch(`${intake}/referrals`, { headers: { cookie }, redirect: 'manual' });
        expect([302, 303]).toContain(refused.status);
        expect(refused.headers.get('location')).toContain('/sign-in');
        expect(await redis.exists(key)).toBe(0);
      } finally {
        redis.disconnect();
      }
    });
  });

  describe('a signed-in flood', () => {
    it("throttles one principal on its own allowance and leaves another's alone", async () => {
      // THROTTLE_LIMIT is 250 a minute per principal here (see beforeAll), API and pages together.
      const flooder = await bearer('first_responder', 'Thames Valley Police', `fr-${randomUUID()}`);
      const statuses: number[] = [];
      for (let i = 0; i < 280; i++) statuses.push((await get(`${intake}/v1/referrals?pageSize=1`, flooder)).status);
      expect(statuses.slice(0, 240).every((s) => s === 200)).toBe(true);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
      const other = await bearer('first_responder', 'Thames Valley Police', `fr-${randomUUID()}`);
      expect((await get(`${intake}/v1/referrals?pageSize=1`, other)).status).toBe(200);
    });
  });

  // Last: the flood uses up this address's anonymous allowance for the rest of the minute.
  describe('floods', () => {
    it('creates no page session for anonymous visitors of the sign-in page and the referral form', async () => {
      expect((await get(`${intake}/sign-in`)).status).toBe(200);
      expect([200, 302, 303]).toContain((await fetch(`${intake}/referrals/new`, { redirect: 'manual' })).status);
      const redis = new Redis(rig.redis.url);
      try {
        expect(await redis.keys('*:session:*')).toEqual([]);
      } finally {
        redis.disconnect();
      }
    });

    it('throttles anonymous callers per address on the API and the pages, spoofed X-Forwarded-For or not, counting refusals instead of auditing each', async () => {
      const auditRows = async () => Number((await rig.sql.query('SELECT count(*)::int AS n FROM central.audit_events')).rows[0].n);
      const auditBefore = await auditRows();
      const statuses: number[] = [];
      // THROTTLE_ANONYMOUS_LIMIT is 60 a minute by default; a different forged forwarded address on every request.
      for (let i = 0; i < 90; i++) {
        statuses.push((await get(`${intake}/v1/referrals`, undefined, { 'x-forwarded-for': `203.0.113.${i % 250}` })).status);
      }
      expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
      // The pages share the same per-address allowance: the sign-in page and the referral form are refused too.
      expect((await get(`${intake}/sign-in`)).status).toBe(429);
      expect((await fetch(`${intake}/referrals/new`, { redirect: 'manual' })).status).toBe(429);
      expect(await auditRows()).toBe(auditBefore);
      // Counted per address, minute and reason, written every couple of seconds.
      const counted = await eventually(async () => {
        const { rows } = await rig.sql.query<{ reason: string; n: number }>(
          'SELECT reason, sum(count)::int AS n FROM central.refused_anonymous_requests GROUP BY reason',
        );
        const byReason: Partial<Record<string, number>> = Object.fromEntries(rows.map((r) => [r.reason, r.n]));
        return (byReason.missing_token ?? 0) + (byReason.throttled ?? 0) >= 92 ? byReason : undefined;
      }, 15_000);
      expect(counted.throttled).toBeGreaterThanOrEqual(27);
      expect(await auditRows()).toBe(auditBefore);
    });
  });
});

/** Behind a reverse proxy: the forwarded address counts only when the configured proxy sends it. */
describe('the running system behind a trusted proxy, flooded', () => {
  let rig: FaultRig;
  let intake: string;

  beforeAll(async () => {
    // The tests reach the app from 127.0.0.1, here the configured proxy; a small allowance to reach quickly.
    rig = await startRig(['intake'], { env: { TRUST_PROXY: 'loopback', THROTTLE_ANONYMOUS_LIMIT: 10 } });
    intake = rig.system.app('intake').url;
  });

  afterAll(async () => {
    await ifStarted(rig)?.close();
  });

  it('throttles per forwarded client address, and counts the refusals under that address', async () => {
    const from = (address: string) => fetch(`${intake}/v1/referrals`, { headers: { 'x-forwarded-for': address } });
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await from('198.51.100.7')).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(5).fill(429));
    // Another client behind the same proxy has an allowance of its own.
    expect((await from('198.51.100.8')).status).toBe(401);
    const counted = await eventually(async () => {
      const { rows } = await rig.sql.query<{ client_address: string; reason: string; n: number }>(
        'SELECT client_address, reason, sum(count)::int AS n FROM central.refused_anonymous_requests GROUP BY 1, 2 ORDER BY 1, 2',
      );
      return rows.length >= 3 ? rows : undefined;
    }, 15_000);
    expect(counted).toEqual([
      { client_address: '198.51.100.7', reason: 'missing_token', n: 10 },
      { client_address: '198.51.100.7', reason: 'throttled', n: 5 },
      { client_address: '198.51.100.8', reason: 'missing_token', n: 1 },
    ]);
  });
});
