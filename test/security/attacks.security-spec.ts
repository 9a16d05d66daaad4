import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { bearer } from '../support/auth';
import { adultNrm } from '../support/referrals';
import { startRig, type FaultRig } from '../faults/support/rig';

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
    rig = await startRig(['intake', 'insights']);
    intake = rig.system.app('intake').url;
    insights = rig.system.app('insights').url;
    lead = await bearer('safeguarding_lead');
    admin = await bearer('admin');
    board = await bearer('board_viewer', undefined, 'board-member-1', { board: 'community_safety_partnership' });
  });

  afterAll(async () => {
    await rig?.close();
  });

  const get = (url: string, authorization?: string, headers: Record<string, string> = {}) =>
    fetch(url, { headers: { ...(authorization ? { authorization } : {}), ...headers } });
  const post = (url: string, authorization: string, body: unknown) =>
    fetch(url, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const audit = async (query: Record<string, string>) =>
    ((await (await get(`${intake}/v1/audit?${new URLSearchParams({ pageSize: '100', ...query })}`, admin)).json()) as {
      items: Array<{ action: string; outcome: string; actor: { sub: string }; subject: { id: string } | null }>;
    }).items;

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
      build(new SignJWT(claims).setProtectedHeader({ alg }).setIssuer(DEV.issuer).setAudience(DEV.audience).setIssuedAt()).sign(new TextEncoder().encode(DEV.secret));

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
      const created = (await (await post(`${intake}/v1/referrals`, lead, adultNrm())).json()) as { id: string };
      expect((await get(`${intake}/v1/referrals/${created.id.toUpperCase()}`, lead)).status).toBe(200);
      const rows = await audit({ subjectId: created.id, action: 'referral.read' });
      expect(rows.length).toBe(1);
      expect(rows[0].subject?.id).toBe(created.id);
    });

    it("audits another organisation's referral, answered 404, as refused and naming it", async () => {
      const created = (await (await post(`${intake}/v1/referrals`, lead, adultNrm())).json()) as { id: string };
      const other = await bearer('first_responder', 'Another Organisation', `fr-${randomUUID()}`);
      expect((await get(`${intake}/v1/referrals/${created.id}`, other)).status).toBe(404);
      const rows = await audit({ subjectId: created.id, outcome: 'refused' });
      expect(rows.map((r) => r.action)).toContain('referral.read');
    });

    it('audits a recorded NRM decision', async () => {
      const created = (await (await post(`${intake}/v1/referrals`, lead, adultNrm())).json()) as { id: string };
      const decided = await post(`${intake}/v1/referrals/${created.id}/decisions`, lead, { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-11-02' });
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
});
