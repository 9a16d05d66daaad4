import { ConfigService } from '@nestjs/config';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { validateEnvironment } from '@app/config';
import { InvalidTokenError, signDevelopmentToken, TokenVerifier } from './token-verifier';

function verifierFor(settings: Record<string, string>): TokenVerifier {
  return new TokenVerifier(new ConfigService(validateEnvironment(settings)) as never);
}

const dev = { secret: 'referral-hub-development-only-secret-do-not-deploy', issuer: 'referral-hub', audience: 'referral-hub' };

describe(TokenVerifier.name, () => {
  it('accepts a development token and reads its role and organisation', async () => {
    const token = await signDevelopmentToken(dev, { sub: 'u1', role: 'first_responder', org: 'Thames Valley Police' });
    await expect(verifierFor({}).verify(token)).resolves.toEqual({ sub: 'u1', role: 'first_responder', org: 'Thames Valley Police' });
  });

  it('refuses a token signed with another key, for another audience, expired, or with an unknown role', async () => {
    const verifier = verifierFor({});
    await expect(
      verifier.verify(await signDevelopmentToken({ ...dev, secret: 'another-secret-entirely-for-this-test' }, { sub: 'u', role: 'admin' })),
    ).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(verifier.verify(await signDevelopmentToken({ ...dev, audience: 'elsewhere' }, { sub: 'u', role: 'admin' }))).rejects.toBeInstanceOf(
      InvalidTokenError,
    );
    await expect(verifier.verify(await signDevelopmentToken(dev, { sub: 'u', role: 'admin' }, '-1m'))).rejects.toBeInstanceOf(InvalidTokenError);
    const odd = await new SignJWT({ role: 'superuser' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer(dev.issuer)
      .setAudience(dev.audience)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(dev.secret));
    await expect(verifier.verify(odd)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('refuses a first responder token without an organisation', async () => {
    await expect(verifierFor({}).verify(await signDevelopmentToken(dev, { sub: 'u', role: 'first_responder' }))).rejects.toThrow(/organisation/);
  });

  it('reads the board a board viewer sits on, and leaves it out of a token that names none', async () => {
    const verifier = verifierFor({});
    const scoped = await signDevelopmentToken(dev, { sub: 'b1', role: 'board_viewer', board: 'safeguarding_children_partnership' });
    await expect(verifier.verify(scoped)).resolves.toEqual({ sub: 'b1', role: 'board_viewer', board: 'safeguarding_children_partnership' });
  });

  it('refuses a board viewer token that names no board, rather than letting it read every board', async () => {
    await expect(verifierFor({}).verify(await signDevelopmentToken(dev, { sub: 'b2', role: 'board_viewer' }))).rejects.toThrow(/must name its board/);
  });

  const signed = (claims: Record<string, unknown>, build: (jwt: SignJWT) => SignJWT = (jwt) => jwt.setExpirationTime('1h')) =>
    build(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer(dev.issuer).setAudience(dev.audience).setIssuedAt()).sign(
      new TextEncoder().encode(dev.secret),
    );

  it('refuses a token without exp', async () => {
    await expect(verifierFor({}).verify(await signed({ role: 'admin', sub: 'u' }, (jwt) => jwt))).rejects.toThrow(/exp/);
  });

  it('refuses a token living longer than the cap (AUTH_MAX_TOKEN_LIFETIME_HOURS, 24 by default)', async () => {
    await expect(verifierFor({}).verify(await signed({ role: 'admin', sub: 'u' }, (jwt) => jwt.setExpirationTime('25h')))).rejects.toThrow(
      /longer than 24 hours/,
    );
    await expect(
      verifierFor({ AUTH_MAX_TOKEN_LIFETIME_HOURS: '48' }).verify(await signed({ role: 'admin', sub: 'u' }, (jwt) => jwt.setExpirationTime('25h'))),
    ).resolves.toMatchObject({ sub: 'u' });
  });

  it.each([
    ['an empty sub', { role: 'admin', sub: '' }],
    ['a blank sub', { role: 'admin', sub: '   ' }],
    ['a NUL in org', { role: 'first_responder', sub: 'u', org: 'Thames\u0000Valley' }],
    ['a lone surrogate in sub', { role: 'admin', sub: 'u\uD800' }],
  ])('refuses a token with %s (a 401, never a 500 further on)', async (_, claims) => {
    await expect(verifierFor({}).verify(await signed(claims))).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('accepts only HS256 in development', async () => {
    const hs512 = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('u')
      .setIssuer(dev.issuer)
      .setAudience(dev.audience)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(dev.secret));
    await expect(verifierFor({}).verify(hs512)).rejects.toBeInstanceOf(InvalidTokenError);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify({ role: 'admin', sub: 'u', iss: dev.issuer, aud: dev.audience, exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url')}.`;
    await expect(verifierFor({}).verify(none)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('refuses a token naming a board that does not exist, rather than letting it read every board', async () => {
    const odd = await new SignJWT({ role: 'board_viewer', board: 'parish_council' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer(dev.issuer)
      .setAudience(dev.audience)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(dev.secret));
    await expect(verifierFor({}).verify(odd)).rejects.toThrow(/unknown board/);
    const notText = await new SignJWT({ role: 'board_viewer', board: ['community_safety_partnership'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer(dev.issuer)
      .setAudience(dev.audience)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(dev.secret));
    await expect(verifierFor({}).verify(notText)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('verifies RS256 tokens against a configured public key, and refuses the development key then', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const verifier = verifierFor({ AUTH_MODE: 'public_key', AUTH_PUBLIC_KEY: await exportSPKI(publicKey) });
    const token = await new SignJWT({ role: 'board_viewer', board: 'community_safety_partnership' })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('idp|42')
      .setIssuer(dev.issuer)
      .setAudience(dev.audience)
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'idp|42', role: 'board_viewer', org: undefined, board: 'community_safety_partnership' });
    await expect(verifier.verify(await signDevelopmentToken(dev, { sub: 'u', role: 'admin' }))).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('answers a token it verified before without trusting it past its exp, and never trusts a tampered copy', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const verifier = verifierFor({});
      const token = await signed({ role: 'admin', sub: 'u' }, (jwt) => jwt.setExpirationTime('30s'));
      await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'u', role: 'admin' });
      // The same token again is answered from memory; a copy with another signature is checked and refused.
      await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'u' });
      const [header, payload] = token.split('.');
      await expect(verifier.verify(`${header}.${payload}.${Buffer.alloc(32).toString('base64url')}`)).rejects.toBeInstanceOf(InvalidTokenError);
      jest.setSystemTime(Date.now() + 31_000);
      await expect(verifier.verify(token)).rejects.toThrow(/exp/);
    } finally {
      jest.useRealTimers();
    }
  });
});
