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
    await expect(verifier.verify(await signDevelopmentToken({ ...dev, secret: 'another-secret-entirely-for-this-test' }, { sub: 'u', role: 'admin' }))).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(verifier.verify(await signDevelopmentToken({ ...dev, audience: 'elsewhere' }, { sub: 'u', role: 'admin' }))).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(verifier.verify(await signDevelopmentToken(dev, { sub: 'u', role: 'admin' }, '-1m'))).rejects.toBeInstanceOf(InvalidTokenError);
    const odd = await new SignJWT({ role: 'superuser' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setIssuer(dev.issuer).setAudience(dev.audience).setExpirationTime('1h').sign(new TextEncoder().encode(dev.secret));
    await expect(verifier.verify(odd)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('refuses a first responder token without an organisation', async () => {
    await expect(verifierFor({}).verify(await signDevelopmentToken(dev, { sub: 'u', role: 'first_responder' }))).rejects.toThrow(/organisation/);
  });

  it('reads the board a board viewer sits on, and leaves it out of a token that names none', async () => {
    const verifier = verifierFor({});
    const scoped = await signDevelopmentToken(dev, { sub: 'b1', role: 'board_viewer', board: 'safeguarding_children_partnership' });
    await expect(verifier.verify(scoped)).resolves.toEqual({ sub: 'b1', role: 'board_viewer', board: 'safeguarding_children_partnership' });
    const unscoped = await verifier.verify(await signDevelopmentToken(dev, { sub: 'b2', role: 'board_viewer' }));
    expect(unscoped).not.toHaveProperty('board');
  });

  it('refuses a token naming a board that does not exist, rather than letting it read every board', async () => {
    const odd = await new SignJWT({ role: 'board_viewer', board: 'parish_council' }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setIssuer(dev.issuer).setAudience(dev.audience).setExpirationTime('1h').sign(new TextEncoder().encode(dev.secret));
    await expect(verifierFor({}).verify(odd)).rejects.toThrow(/unknown board/);
    const notText = await new SignJWT({ role: 'board_viewer', board: ['community_safety_partnership'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setIssuer(dev.issuer).setAudience(dev.audience).setExpirationTime('1h').sign(new TextEncoder().encode(dev.secret));
    await expect(verifierFor({}).verify(notText)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('verifies RS256 tokens against a configured public key, and refuses the development key then', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const verifier = verifierFor({ AUTH_MODE: 'public_key', AUTH_PUBLIC_KEY: await exportSPKI(publicKey) });
    const token = await new SignJWT({ role: 'board_viewer' }).setProtectedHeader({ alg: 'RS256' }).setSubject('idp|42').setIssuer(dev.issuer).setAudience(dev.audience).setExpirationTime('5m').sign(privateKey);
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'idp|42', role: 'board_viewer', org: undefined });
    await expect(verifier.verify(await signDevelopmentToken(dev, { sub: 'u', role: 'admin' }))).rejects.toBeInstanceOf(InvalidTokenError);
  });
});
