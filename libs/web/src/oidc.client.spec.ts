import { ConfigService } from '@nestjs/config';
import { validateEnvironment } from '@app/config';
import { FakeOidcIssuer } from './fake-oidc-issuer.testing';
import { checkOidcSettings, OidcClaimsError, OidcClient } from './oidc.client';

describe(OidcClient.name, () => {
  const issuer = new FakeOidcIssuer();

  beforeAll(() => issuer.start());
  afterAll(() => issuer.stop());

  function client(overrides: Record<string, string> = {}): OidcClient {
    const env = validateEnvironment({
      OIDC_ISSUER_URL: issuer.url,
      OIDC_CLIENT_ID: 'referral-hub-pages',
      OIDC_CLIENT_SECRET: 'shh',
      OIDC_REDIRECT_URL: 'https://referrals.example.gov.uk/sign-in/callback',
      ...overrides,
    });
    return new OidcClient(new ConfigService(env) as never);
  }

  it('signs a first responder in with the authorization code flow (PKCE, state, nonce)', async () => {
    const oidc = client();
    const { url, pending } = await oidc.start('/referrals/new');
    const sent = new URL(url);
    expect(sent.origin + sent.pathname).toBe(`${issuer.url}/authorize`);
    expect(sent.searchParams.get('code_challenge_method')).toBe('S256');
    expect(sent.searchParams.get('redirect_uri')).toBe('https://referrals.example.gov.uk/sign-in/callback');
    expect(pending.returnTo).toBe('/referrals/new');
    const callback = issuer.authorise(url, { role: 'first_responder', org: 'Thames Valley Police' });
    await expect(oidc.finish(callback, pending)).resolves.toEqual({ sub: 'oidc:user-42', role: 'first_responder', org: 'Thames Valley Police' });
  });

  it('refuses a callback whose state is not the one sent', async () => {
    const oidc = client();
    const { url, pending } = await oidc.start('');
    const callback = issuer.authorise(url, { role: 'safeguarding_lead' });
    await expect(oidc.finish(callback, { ...pending, state: 'another' })).rejects.toThrow();
  });

  it('refuses a code redeemed with another PKCE verifier', async () => {
    const oidc = client();
    const { url, pending } = await oidc.start('');
    const callback = issuer.authorise(url, { role: 'safeguarding_lead' });
    await expect(oidc.finish(callback, { ...pending, codeVerifier: 'x'.repeat(43) })).rejects.toThrow();
  });

  it('refuses an ID token without a role the pages admit, or a first responder without an organisation', async () => {
    const oidc = client();
    for (const claims of [{}, { role: 'service' }, { role: 'superuser' }, { role: 'first_responder' }]) {
      const { url, pending } = await oidc.start('');
      await expect(oidc.finish(issuer.authorise(url, claims), pending)).rejects.toBeInstanceOf(OidcClaimsError);
    }
  });

  it("carries a board member's board claim into the session, and refuses an unknown board", async () => {
    const oidc = client();
    let started = await oidc.start('');
    const callback = issuer.authorise(started.url, { role: 'board_viewer', board: 'safeguarding_children_partnership' });
    await expect(oidc.finish(callback, started.pending)).resolves.toEqual({
      sub: 'oidc:user-42',
      role: 'board_viewer',
      board: 'safeguarding_children_partnership',
    });
    started = await oidc.start('');
    await expect(oidc.finish(issuer.authorise(started.url, { role: 'board_viewer', board: 'parish_council' }), started.pending)).rejects.toBeInstanceOf(
      OidcClaimsError,
    );
  });

  it('is off without settings, and refuses half a configuration', () => {
    expect(client({ OIDC_ISSUER_URL: '', OIDC_CLIENT_ID: '', OIDC_CLIENT_SECRET: '', OIDC_REDIRECT_URL: '' }).enabled).toBe(false);
    expect(() => checkOidcSettings({ NODE_ENV: 'development', OIDC_ISSUER_URL: issuer.url })).toThrow(/OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL/);
  });

  it('speaks only https to the provider in production', async () => {
    const oidc = client({ NODE_ENV: 'production', AUTH_MODE: 'jwks', AUTH_JWKS_URL: 'https://idp.example/jwks' });
    await expect(oidc.start('')).rejects.toThrow();
  });
});
