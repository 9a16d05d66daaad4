import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import request from 'supertest';
import { ROLES, type Role } from '@app/auth';
import { bearer } from './support/auth';
import type { RunningMimic } from './support/mimics';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

/**
 * Every route of every app against every role (issue 5: deny by default). The expected roles are written out
 * here, so that a route added without a decision about who may use it, or a role widened by accident, fails.
 */
const EXPECTED: Record<string, Record<string, Role[]>> = {
  intake: {
    'POST /v1/referrals': ['first_responder', 'safeguarding_lead'],
    'GET /v1/referrals': ['first_responder', 'safeguarding_lead'],
    'GET /v1/referrals/{id}': ['first_responder', 'safeguarding_lead'],
    'GET /v1/referrals/{id}/home-office-answers': ['first_responder', 'safeguarding_lead'],
    'POST /v1/referrals/{id}/age-assessment': ['safeguarding_lead'],
    'POST /v1/referrals/{id}/redrive': ['safeguarding_lead', 'admin'],
    'POST /v1/referrals/{id}/decisions': ['safeguarding_lead'],
    'GET /v1/referrals/{id}/decisions': ['safeguarding_lead'],
    'POST /v1/referrals/{id}/home-office-submission': ['first_responder', 'safeguarding_lead'],
    'GET /v1/worklists/not-submitted': ['first_responder', 'safeguarding_lead'],
    'GET /v1/worklists/reasonable-grounds-overdue': ['safeguarding_lead'],
    'GET /v1/worklists/awaiting-conclusive-grounds': ['safeguarding_lead'],
    'GET /v1/worklists/reconsideration-deadlines': ['safeguarding_lead'],
    'GET /v1/worklists/positive-reasonable-grounds-without-support': ['safeguarding_lead'],
    'GET /v1/worklists/approaching-adulthood': ['safeguarding_lead'],
    'POST /v1/referrals/{id}/transition-steps': ['safeguarding_lead'],
    'GET /v1/referrals/{id}/transition-steps': ['safeguarding_lead'],
    'GET /v1/referrals/{id}/support': ['safeguarding_lead'],
    'POST /v1/referrals/{id}/circumstances': ['safeguarding_lead'],
    'POST /v1/referrals/{id}/support-referrals': ['safeguarding_lead'],
    'GET /v1/children-prompts': ['safeguarding_lead'],
    'POST /v1/children-prompts/{id}/close': ['safeguarding_lead'],
    'GET /v1/episodes/{system}/{recordId}': ['safeguarding_lead'],
    'POST /v1/episodes/{system}/{recordId}/split': ['safeguarding_lead'],
    'POST /v1/episodes/{system}/{recordId}/join': ['safeguarding_lead'],
    'GET /v1/data-quality': ['safeguarding_lead'],
    'GET /v1/reviews': ['safeguarding_lead'],
    'POST /v1/reviews/{id}/decision': ['safeguarding_lead'],
    'GET /v1/persons/{id}': ['safeguarding_lead'],
    'GET /v1/persons/{id}/export': ['safeguarding_lead'],
    'POST /v1/persons/{id}/merge': ['safeguarding_lead'],
    'POST /v1/persons/{id}/unmerge': ['safeguarding_lead'],
    'GET /v1/audit': ['admin'],
  },
  insights: {
    'GET /v1/statistics': ['safeguarding_lead', 'board_viewer', 'board_member'],
    'GET /v1/statistics/nrm-cases': ['safeguarding_lead'],
    'POST /v1/board-reports': ['safeguarding_lead', 'admin'],
    'GET /v1/board-reports': ['safeguarding_lead', 'board_viewer', 'board_member'],
    'GET /v1/board-reports/{id}': ['safeguarding_lead', 'board_viewer', 'board_member'],
  },
};

const PUBLIC_PREFIXES = [
  '/health',
  '/metrics',
  '/referrals',
  '/board',
  '/sign-in',
  '/sign-out',
  '/assets',
  '/reviews',
  '/persons',
  '/dashboard',
  '/worklists',
  '/data-quality',
];
const SAMPLE_ID = '4b8e7d0e-4a4c-4b0f-9d5e-3e0c9b0f1a2b';

describe('role matrix', () => {
  let system: TestSystem;
  const apps: Record<string, INestApplication<Server>> = {};
  let ais: RunningMimic;
  let lcs: RunningMimic;
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    system = await startSystem({ mimics: true, intake: true, insights: true });
    ({ ais, lcs, intake: apps.intake, insights: apps.insights } = system as Required<TestSystem>);
    for (const role of ROLES) tokens.set(role, await bearer(role, role === 'first_responder' ? 'Thames Valley Police' : undefined));
  });

  afterAll(() => ifStarted(system)?.close());

  async function documentedRoutes(app: INestApplication<Server>): Promise<string[]> {
    const doc = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    return Object.entries(doc.paths)
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`))
      .filter((route) => !PUBLIC_PREFIXES.some((prefix) => route.split(' ')[1].startsWith(prefix)));
  }

  function call(app: INestApplication<Server>, route: string) {
    const [method, template] = route.split(' ');
    const url = template.replace(/\{[^}]+\}/g, SAMPLE_ID);
    const agent = request(app.getHttpServer());
    return method === 'POST' ? agent.post(url).send({}) : agent.get(url);
  }

  it.each(['intake', 'insights'])('%s documents exactly the routes the matrix names', async (name) => {
    expect((await documentedRoutes(apps[name])).sort()).toEqual(Object.keys(EXPECTED[name]).sort());
  });

  it.each(['intake', 'insights'])('%s answers 401 without a token on every route', async (name) => {
    for (const route of Object.keys(EXPECTED[name])) {
      const res = await call(apps[name], route);
      expect({ route, status: res.status }).toEqual({ route, status: 401 });
    }
  });

  it.each(['intake', 'insights'])('%s admits exactly the expected roles on every route', async (name) => {
    for (const [route, allowed] of Object.entries(EXPECTED[name])) {
      for (const role of ROLES) {
        const res = await call(apps[name], route).set('Authorization', tokens.get(role)!);
        const outcome = res.status === 403 ? 'refused' : res.status === 401 ? 'unauthenticated' : 'admitted';
        expect({ route, role, outcome }).toEqual({ route, role, outcome: allowed.includes(role) ? 'admitted' : 'refused' });
      }
    }
  });

  it.each([
    ['AIS', '/api/v2/ChangeFeed'],
    ['LCS', '/lcs/api/feed'],
  ])('the %s mimic admits only the service role', async (caseSystem, path) => {
    const mimic = caseSystem === 'AIS' ? ais : lcs;
    await request(mimic.url).get(path).expect(401);
    for (const role of ROLES) {
      const res = await request(mimic.url).get(path).set('Authorization', tokens.get(role)!);
      expect({ role, status: res.status }).toEqual({ role, status: role === 'service' ? 200 : 403 });
    }
  });
});
