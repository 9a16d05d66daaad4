import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import request from 'supertest';
import type { FakeOidcIssuer } from '@app/web/fake-oidc-issuer.testing';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

/** Production sign-in: OpenID Connect against a fake identity provider on 127.0.0.1, through intake's pages. */
describe('web sign-in with OpenID Connect', () => {
  let system: TestSystem;
  let app: INestApplication<Server>;
  let issuer: FakeOidcIssuer;

  beforeAll(async () => {
    system = await startSystem({ oidc: true, intake: true });
    ({ intake: app, oidc: issuer } = system as Required<TestSystem>);
  });

  afterAll(() => ifStarted(system)?.close());

  async function startSignIn(agent: ReturnType<typeof request.agent>, returnTo: string): Promise<string> {
    const res = await agent.get(`/sign-in/oidc?returnTo=${encodeURIComponent(returnTo)}`).expect(303);
    expect(res.headers.location.startsWith(`${issuer.url}/authorize?`)).toBe(true);
    return res.headers.location;
  }

  it('offers the identity provider instead of the development sign-in', async () => {
    const page = await request(app.getHttpServer()).get('/sign-in').expect(200);
    expect(page.text).toContain('href="/sign-in/oidc"');
    expect(page.text).not.toContain('name="role"');
    await request(app.getHttpServer()).post('/sign-in').type('form').send({ role: 'safeguarding_lead' }).expect(403);
  });

  it('signs a first responder in and returns to the page asked for, on a new session', async () => {
    const agent = request.agent(app.getHttpServer());
    const authorize = await startSignIn(agent, '/referrals/new');
    const callback = await agent.get(`/sign-in/callback?${issuer.authorise(authorize, { role: 'first_responder', org: 'Thames Valley Police' })}`).expect(303);
    expect(callback.headers.location).toBe('/referrals/new');
    const page = await agent.get('/referrals/new').expect(200);
    expect(page.text).toContain('First responder, Thames Valley Police');
  });

  it('refuses a callback with another state, and one replayed', async () => {
    const agent = request.agent(app.getHttpServer());
    const authorize = await startSignIn(agent, '/referrals');
    const answer = issuer.authorise(authorize, { role: 'safeguarding_lead' });
    const forged = answer.replace(/state=[^&]+/, 'state=forged');
    const refused = await agent.get(`/sign-in/callback?${forged}`).expect(401);
    expect(refused.text).toContain('Sign-in did not work');
    // The pending sign-in is used up by the first callback, good or bad.
    await agent.get(`/sign-in/callback?${answer}`).expect(404);
    await agent.get('/referrals').expect(303);
  });

  it('refuses a person whose ID token carries no role', async () => {
    const agent = request.agent(app.getHttpServer());
    const authorize = await startSignIn(agent, '/referrals');
    await agent.get(`/sign-in/callback?${issuer.authorise(authorize, {})}`).expect(401);
    await agent.get('/referrals').expect(303);
  });
});
