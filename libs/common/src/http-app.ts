import { INestApplication, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Logger } from 'nestjs-pino';
import { CLIENT_REQUEST_ID } from '@app/auth';
import type { Environment } from '@app/config';
import { AppErrorFilter } from './error.filter';
import { CanonicalIdPipe } from './canonical-id';
import { createValidationPipe, memoiseValidationMetadata } from './validation';
import { BodyShapeInterceptor } from './body-shape';
import { requestContext } from './request-context';

export interface HttpAppOptions {
  title: string;
  description: string;
  /** Extra set-up on the instance (e.g. a case-system mimic's own error shape). */
  configure?: (app: NestExpressApplication) => void;
  /** Replace the standard validation pipe and error filter (a mimic speaks its own vendor's dialect). */
  ownErrorHandling?: boolean;
  /** An app with pages: how to answer a browser's request for an address nothing answers. */
  notFoundPage?: (app: INestApplication) => (req: Request, res: Response) => void;
}

/**
 * Builds an HTTP app the same way for production and for integration tests: pino logger, helmet headers,
 * closed CORS unless origins are configured, a body size limit, strict validation, one error filter,
 * OpenAPI at /docs, shutdown hooks so SIGTERM drains in-flight requests, and keep-alive timeouts above a proxy's.
 */
export async function createHttpApp(module: Type<unknown>, options: HttpAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false });
  const config = app.get<ConfigService<Environment, true>>(ConfigService);
  app.useLogger(app.get(Logger));
  // A fresh nonce per response lets a server-rendered page run GOV.UK Frontend's one inline script; every other
  // script must come from this origin.
  app.use((_req: unknown, res: { locals: Record<string, unknown> }, next: () => void) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          scriptSrc: ["'self'", (_req, res) => `'nonce-${String((res as ServerResponse & { locals: Record<string, unknown> }).locals.cspNonce)}'`],
        },
      },
    }),
  );
  const origins = config.get('CORS_ORIGINS', { infer: true });
  if (origins) app.enableCors({ origin: origins.split(',').map((o: string) => o.trim()) });
  const limit = config.get('BODY_LIMIT_BYTES', { infer: true });
  // The API takes JSON only. A form-encoded or text body sent to it would otherwise be parsed into keys made of
  // its text (a curl -d default), and those keys named back in the 400: a 415 before any parsing instead.
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (!(req.url ?? '').startsWith('/v1/') || !hasBody(req) || isJson(req.headers['content-type'])) {
      next();
      return;
    }
    res.statusCode = 415;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ statusCode: 415, errors: [{ path: 'Content-Type', message: 'Content-Type must be application/json' }] }));
  });
  app.useBodyParser('json', { limit });
  app.useBodyParser('urlencoded', { limit, extended: false });
  // The client address (rate limits, refusal counts) is the connection's, unless it comes from a configured proxy:
  // only then is its X-Forwarded-For believed. Never every hop, or any client could name its own address.
  app.set('trust proxy', trustedProxies(config.get('TRUST_PROXY', { infer: true })));
  // A client's X-Request-Id goes into the logs and the audit beside the service's own id: refuse a malformed one
  // (a 400 naming the header) rather than store whatever was sent.
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const given = req.headers['x-request-id'];
    if (given === undefined || (typeof given === 'string' && CLIENT_REQUEST_ID.test(given))) {
      next();
      return;
    }
    res.statusCode = 400;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ statusCode: 400, errors: [{ path: 'X-Request-Id', message: 'X-Request-Id must be 1 to 64 letters, digits or . _ : -' }] }));
  });
  // From here on, the audit finds the request it serves (its ids, the declared purpose) without being handed it.
  app.use(requestContext);
  // Every API answer may carry personal data (referrals, persons, reviews, subject access, the audit): no cache,
  // a browser's or a proxy's, keeps a copy.
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if ((req.url ?? '').startsWith('/v1/')) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  memoiseValidationMetadata();
  if (!options.ownErrorHandling) {
    app.useGlobalPipes(new CanonicalIdPipe(), createValidationPipe());
    app.useGlobalInterceptors(new BodyShapeInterceptor());
    app.useGlobalFilters(new AppErrorFilter(options.notFoundPage?.(app)));
  }
  options.configure?.(app);
  app.enableShutdownHooks();
  const server: Server = app.getHttpServer();
  server.keepAliveTimeout = config.get('HTTP_KEEP_ALIVE_TIMEOUT_MS', { infer: true });
  server.headersTimeout = config.get('HTTP_HEADERS_TIMEOUT_MS', { infer: true });
  closeKeptAliveConnectionsOnClose(server);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion('1').addBearerAuth().build(),
  );
  // The API's shape is no secret, but production need not advertise it unless asked to.
  if (config.get('NODE_ENV', { infer: true }) !== 'production' || config.get('API_DOCS_IN_PRODUCTION', { infer: true })) {
    SwaggerModule.setup('docs', app, document);
  }
  return app;
}

/** Whether a request carries a body (RFC 9112 §6.3: a length above zero, or a transfer coding). */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** application/json or a +json type such as application/merge-patch+json, with any parameters. */
function isJson(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/**
 * `server.close()` closes the connections that are idle at that moment, but a keep-alive connection whose request
 * is still being answered stays open after its response for the whole keep-alive timeout, so a SIGTERM would wait
 * a minute. Once closing, each connection is closed as soon as its response is written.
 */
function closeKeptAliveConnectionsOnClose(server: Server): void {
  let closing = false;
  const close = server.close.bind(server);
  server.close = (callback?: (error?: Error) => void) => {
    closing = true;
    close(callback);
    server.closeIdleConnections();
    return server;
  };
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    res.once('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
}

export async function listen(app: INestApplication, portKey: 'INTAKE_PORT' | 'AIS_PORT' | 'LCS_PORT' | 'INSIGHTS_PORT'): Promise<void> {
  const config = app.get<ConfigService<Environment, true>>(ConfigService);
  await app.listen(config.get(portKey, { infer: true }), listenHost(config.get('AUTH_MODE', { infer: true })));
}

/** Development sign-in is open to anyone who can reach the port: in development the apps answer this machine only. */
export function listenHost(mode: Environment['AUTH_MODE']): string {
  return mode === 'development' ? '127.0.0.1' : '0.0.0.0';
}

/** TRUST_PROXY as Express wants it: a list of addresses, subnets or names; `false` (trust none) when unset. */
export function trustedProxies(setting: string | undefined): false | string[] {
  const list = (setting ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length > 0 ? list : false;
}
