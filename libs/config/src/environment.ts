import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Max, Min, ValidationError, validateSync } from 'class-validator';
import { Matches } from 'class-validator';

const ADDRESS = String.raw`(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)(?:/\d{1,3})?`;
const TRUST_PROXY_PATTERN = new RegExp(`^\\s*(?:loopback|linklocal|uniquelocal|${ADDRESS})(?:\\s*,\\s*(?:loopback|linklocal|uniquelocal|${ADDRESS}))*\\s*$`);

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'boolean' ? value : typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value;

/**
 * Every setting of every app, validated once at boot (ConfigModule `validate`). process.env is read nowhere else.
 * Defaults suit a developer's machine; production sets the URLs and TLS explicitly.
 */
export class Environment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/referral_hub';

  @Transform(toBoolean)
  @IsBoolean()
  DATABASE_SSL = false;

  /** The OpenAPI pages at /docs: always outside production, in production only when set. */
  @Transform(toBoolean)
  @IsBoolean()
  API_DOCS_IN_PRODUCTION = false;

  /** With DATABASE_SSL: refuse a server certificate that does not verify (production default). */
  @Transform(toBoolean)
  @IsBoolean()
  DATABASE_SSL_REJECT_UNAUTHORIZED = true;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 20;

  @IsString()
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Namespaces BullMQ keys, so tests and several deployments can share one Redis. */
  @IsString()
  QUEUE_PREFIX = 'rh';

  @Type(() => Number)
  @IsInt()
  INTAKE_PORT = 3000;

  /** Intake processes sharing the port (node:cluster); each relays the outbox too (rows are claimed SKIP LOCKED). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  INTAKE_WORKERS = 1;

  @Type(() => Number)
  @IsInt()
  AIS_PORT = 3101;

  @Type(() => Number)
  @IsInt()
  LCS_PORT = 3102;

  @Type(() => Number)
  @IsInt()
  INSIGHTS_PORT = 3200;

  @IsString()
  AIS_URL = 'http://127.0.0.1:3101';

  @IsString()
  LCS_URL = 'http://127.0.0.1:3102';

  /**
   * How long an idle keep-alive connection stays open on every HTTP app. Above the idle timeout of the proxies
   * and load balancers that usually sit in front (60 s), so the server never closes a connection the proxy is
   * about to reuse (the classic source of sporadic 502s); Node's own default is 5 s.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 65_000;

  /** Time allowed to receive a request's headers; must exceed HTTP_KEEP_ALIVE_TIMEOUT_MS (Node's rule). */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  HTTP_HEADERS_TIMEOUT_MS = 66_000;

  /**
   * How often the router and the deduplicator look for work that should have been done by now: referrals accepted
   * but not delivered, changes read from a feed but not linked. What they find is enqueued again.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  RECONCILE_EVERY_MS = 60_000;

  /** How old undone work must be before a reconciliation sweep enqueues it again (a backlog still queued is left alone). */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  RECONCILE_AFTER_MS = 300_000;

  /** How often the outbox sweeper retries rows the immediate relay could not send. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  OUTBOX_SWEEP_MS = 2000;

  /** Delivery attempts to a case system before a referral is marked routing_failed. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  ROUTING_ATTEMPTS = 8;

  /** First retry delay; BullMQ doubles it on each attempt. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  ROUTING_BACKOFF_MS = 1000;

  /** Time allowed for one call to a case system. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  CASE_SYSTEM_TIMEOUT_MS = 5000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  ROUTER_CONCURRENCY = 8;

  /**
   * Cron pattern of the daily reminder that flags children whose 18th birthday passed with nothing recorded. It
   * moves no case: a transition follows recorded decisions (docs/transitions.md).
   */
  @IsString()
  EIGHTEENTH_BIRTHDAY_CHECK_CRON = '15 2 * * *';

  /** How many months ahead the approaching-adulthood worklist looks for 18th birthdays. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(36)
  ADULTHOOD_HORIZON_MONTHS = 6;

  /** How often the deduplicator reads each case system's change feed. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  FEED_POLL_MS = 1000;

  /** Linking jobs fetched from the case systems at once; the decisions themselves are serialised. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LINKING_CONCURRENCY = 4;

  /**
   * A poll that finds at least this many changes in a feed treats them as a backlog: they are linked in bulk with
   * the batch engine (one job, few transactions) instead of one job per record.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  BACKLOG_BULK_MIN = 500;

  /**
   * A poll that finds at least this many changes (fewer than BACKLOG_BULK_MIN) links them as one batch job: one
   * transaction and lock for them all, new records written in bulk. Fewer go one job per change.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LINK_BATCH_MIN = 2;

  /**
   * Records of one person from different sources (the hub, AIS, LCS) within this many days, without different Home
   * Office references, are one referral counted once.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  EPISODE_WINDOW_DAYS = 30;

  /** Working days after a referral is logged before it shows on the not-submitted-to-the-Home-Office worklist. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60)
  HOME_OFFICE_SUBMISSION_WORKING_DAYS = 2;

  /** When the deduplicator re-learns its model (m, u, term frequencies) from the records it holds. */
  @IsString()
  MODEL_RETRAIN_CRON = '30 3 * * *';

  /** Mimics only: added latency per request, and the share of requests answered 503, for tests. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  MIMIC_LATENCY_MS = 0;

  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1)
  MIMIC_FAILURE_RATE = 0;

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  /**
   * The reverse proxies whose X-Forwarded-For the apps believe (Express `trust proxy`): comma-separated addresses,
   * subnets (10.0.0.0/8) or `loopback`, `linklocal`, `uniquelocal`. Unset: none, so the client address is the
   * connection's and a forged X-Forwarded-For changes nothing (rate limits count per client address).
   */
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsString()
  @Matches(TRUST_PROXY_PATTERN, { message: 'TRUST_PROXY must list proxy addresses, subnets or loopback/linklocal/uniquelocal (never every hop)' })
  TRUST_PROXY?: string;

  /**
   * How bearer tokens are verified: "development" (a local HMAC key, for `npm run token`), "jwks" (AUTH_JWKS_URL)
   * or "public_key" (AUTH_PUBLIC_KEY, PEM). An app refuses to start without it (validateServingEnvironment): development
   * is chosen explicitly (`npm start` and the tests set it), never inferred from NODE_ENV being unset. Development mode
   * listens on 127.0.0.1 only and refuses to start when NODE_ENV=production.
   */
  @IsIn(['development', 'jwks', 'public_key'])
  AUTH_MODE: 'development' | 'jwks' | 'public_key' = 'development';

  @IsString()
  AUTH_DEV_SECRET = 'referral-hub-development-only-secret-do-not-deploy';

  @IsOptional()
  @IsString()
  AUTH_JWKS_URL?: string;

  @IsOptional()
  @IsString()
  AUTH_PUBLIC_KEY?: string;

  @IsString()
  AUTH_ISSUER = 'referral-hub';

  @IsString()
  AUTH_AUDIENCE = 'referral-hub';

  /**
   * The longest a bearer token may live, from its `iat` (or from now, without one) to its `exp`: a token that leaks
   * is refused after this at the latest, whatever its issuer wrote.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(168)
  AUTH_MAX_TOKEN_LIFETIME_HOURS = 24;

  /** The token apps present to one another (router → case systems, deduplicator → case systems). */
  @IsOptional()
  @IsString()
  SERVICE_TOKEN?: string;

  /**
   * Retention (issue 5; docs/domain.md, "Retention"). Adult safeguarding records: this many years after last contact
   * (e.g. Bracknell Forest: 6 years from last contact).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RETENTION_ADULT_YEARS_AFTER_CONTACT = 6;

  /** Children's records: to this anniversary of birth (looked-after children: the 75th, reg. 50 of the 2010 Regulations). */
  @Type(() => Number)
  @IsInt()
  @Min(18)
  RETENTION_CHILD_UNTIL_AGE = 75;

  /** Children's records with no date of birth: this many years after last contact. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RETENTION_CHILD_YEARS_WITHOUT_BIRTH_DATE = 75;

  /** When the retention job runs (Europe/London). */
  @IsString()
  RETENTION_CRON = '0 4 * * *';

  /** Requests one signed-in principal may make per THROTTLE_TTL_MS (API and pages together) before answers are 429. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  THROTTLE_LIMIT = 300;

  /**
   * Requests one client address may make per THROTTLE_TTL_MS without being signed in (the sign-in page, a refused
   * token, anything anonymous) before answers are 429. Health checks and static assets are not counted.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  THROTTLE_ANONYMOUS_LIMIT = 60;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  THROTTLE_TTL_MS = 60_000;

  /** Write logs to this file instead of standard output (tests read it; operators may point it at a volume). */
  @IsOptional()
  @IsString()
  LOG_DESTINATION?: string;

  /** How long an Idempotency-Key answer is kept (the IETF draft asks for at least 24 hours). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  IDEMPOTENCY_TTL_HOURS = 48;

  /**
   * When the board reports of the quarter just ended are generated (UK time): 06:00 on the 7th of January, April,
   * July and October, a week after the quarter ends so that most late referrals are in.
   */
  @IsString()
  @Matches(/^\S+(\s+\S+){4,5}$/, { message: 'BOARD_REPORT_QUARTERLY_CRON must be a cron pattern of 5 or 6 fields' })
  BOARD_REPORT_QUARTERLY_CRON = '0 6 7 1,4,7,10 *';

  /** When the financial year's board reports (April to March) are generated: 06:30 on 7 April, UK time. */
  @IsString()
  @Matches(/^\S+(\s+\S+){4,5}$/, { message: 'BOARD_REPORT_ANNUAL_CRON must be a cron pattern of 5 or 6 fields' })
  BOARD_REPORT_ANNUAL_CRON = '30 6 7 4 *';

  /** The Chromium that renders board packs as PDF (Debian's package \`chromium\`; playwright-core downloads none). */
  @IsString()
  BOARD_PACK_CHROMIUM_PATH = '/usr/bin/chromium';

  /** The router's Prometheus port (GET /metrics; workers have no other HTTP). 0: any free port. Inside the cluster only. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  ROUTER_METRICS_PORT = 9101;

  /** The deduplicator's Prometheus port (GET /metrics). 0: any free port. Inside the cluster only. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  DEDUPLICATOR_METRICS_PORT = 9102;

  /**
   * Signs the web pages' session cookie (intake and insights). The development default is refused when
   * NODE_ENV=production: the page apps then fail at boot until a secret of at least 32 characters is set.
   */
  @IsString()
  SESSION_SECRET = 'referral-hub-development-session-secret-do-not-deploy';

  /** A signed-in page session ends after this many minutes without a request. */
  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES = 60;

  /** A signed-in page session ends this many hours after sign-in, however active: then sign in again. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 7)
  SESSION_ABSOLUTE_HOURS = 12;

  /**
   * OpenID Connect sign-in for the web pages (production). With OIDC_ISSUER_URL set, /sign-in sends people to the
   * identity provider; its ID token must carry a `role` claim (and `org` for a first responder), as bearer tokens do.
   */
  @IsOptional()
  @IsString()
  OIDC_ISSUER_URL?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_SECRET?: string;

  /** The callback registered with the identity provider, e.g. https://referrals.example.gov.uk/sign-in/callback. */
  @IsOptional()
  @IsString()
  OIDC_REDIRECT_URL?: string;
}

/**
 * What a serving app (the HTTP apps and the workers) validates at boot: the whole environment, and AUTH_MODE given
 * explicitly. Tools that serve nothing (migrations, the token script) call validateEnvironment.
 */
export function validateServingEnvironment(raw: Record<string, unknown>): Environment {
  if (raw.AUTH_MODE === undefined || raw.AUTH_MODE === '') {
    throw new Error(
      'Invalid configuration:\n  AUTH_MODE: must be set: development (npm start sets it; open sign-in, listens on 127.0.0.1 only), jwks or public_key',
    );
  }
  return validateEnvironment(raw);
}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (env.NODE_ENV === 'production' && env.AUTH_MODE === 'development') {
    throw new Error('Invalid configuration:\n  AUTH_MODE: development sign-in refuses to start when NODE_ENV=production');
  }
  if (env.AUTH_MODE === 'jwks' && !env.AUTH_JWKS_URL) throw new Error('Invalid configuration:\n  AUTH_JWKS_URL: required when AUTH_MODE=jwks');
  if (env.AUTH_MODE === 'public_key' && !env.AUTH_PUBLIC_KEY) {
    throw new Error('Invalid configuration:\n  AUTH_PUBLIC_KEY: required when AUTH_MODE=public_key');
  }
  if (env.HTTP_HEADERS_TIMEOUT_MS <= env.HTTP_KEEP_ALIVE_TIMEOUT_MS) {
    errors.push(
      Object.assign(new ValidationError(), {
        property: 'HTTP_HEADERS_TIMEOUT_MS',
        constraints: { greater: 'HTTP_HEADERS_TIMEOUT_MS must be greater than HTTP_KEEP_ALIVE_TIMEOUT_MS' },
      }),
    );
  }
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return env;
}
