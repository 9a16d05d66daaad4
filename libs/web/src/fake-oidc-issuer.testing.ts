import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

/**
 * For tests only. A fake identity provider on 127.0.0.1: discovery, JWKS, and a token endpoint that checks the code, the PKCE
 * verifier and the client secret and signs an ID token carrying the authorisation request's nonce.
 */
export class FakeOidcIssuer {
  constructor(
    private readonly clientId = 'referral-hub-pages',
    private readonly clientSecret = 'shh',
  ) {}

  private server!: Server;
  private privateKey!: Parameters<SignJWT['sign']>[0];
  private jwk!: JWK;
  private readonly codes = new Map<string, { challenge: string; nonce: string; claims: Record<string, unknown> }>();
  url = '';

  async start(): Promise<void> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    this.privateKey = privateKey;
    this.jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** What the provider does when the person signs in: a code bound to the request's PKCE challenge and nonce. */
  authorise(authorizationUrl: string, claims: Record<string, unknown>): string {
    const url = new URL(authorizationUrl);
    const code = randomBytes(12).toString('hex');
    const param = (name: string): string => url.searchParams.get(name) ?? '';
    this.codes.set(code, { challenge: param('code_challenge'), nonce: param('nonce'), claims });
    return `code=${code}&state=${encodeURIComponent(param('state'))}&iss=${encodeURIComponent(this.url)}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.url === '/.well-known/openid-configuration') {
      json(200, {
        issuer: this.url,
        authorization_endpoint: `${this.url}/authorize`,
        token_endpoint: `${this.url}/token`,
        jwks_uri: `${this.url}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        authorization_response_iss_parameter_supported: true,
      });
      return;
    }
    if (req.url === '/jwks') {
      json(200, { keys: [this.jwk] });
      return;
    }
    if (req.url === '/token' && req.method === 'POST') {
      let raw = '';
      for await (const chunk of req) raw += String(chunk);
      const form = new URLSearchParams(raw);
      const basic = req.headers.authorization?.startsWith('Basic ') ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString() : undefined;
      const secret = basic ? decodeURIComponent(basic.split(':')[1]) : form.get('client_secret');
      const code = form.get('code') ?? '';
      const grant = this.codes.get(code);
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (secret !== this.clientSecret || !grant || grant.challenge !== challenge) {
        json(400, { error: 'invalid_grant' });
        return;
      }
      this.codes.delete(code);
      const idToken = await new SignJWT({ nonce: grant.nonce, ...grant.claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(this.url)
        .setAudience(this.clientId)
        .setSubject('user-42')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(this.privateKey);
      json(200, { access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken });
      return;
    }
    json(404, { error: 'not_found' });
  }
}
