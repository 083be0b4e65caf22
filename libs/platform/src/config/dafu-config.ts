import { createHmac } from 'node:crypto';
import { DafuEnvironment } from './environment';

export interface DatabaseSettings {
  url?: string;
  host?: string;
  port?: number;
  username?: string;
  password?: string;
  database?: string;
}

/** Typed view of the validated environment, injected wherever configuration is needed. */
export class DafuConfig {
  readonly nodeEnv: DafuEnvironment['NODE_ENV'];
  readonly http: { host: string; port: number; swaggerEnabled: boolean; trustProxyHops: number };
  readonly database: DatabaseSettings;
  readonly redis: { url: string; prefix: string };
  readonly jwt: { accessSecret: string; refreshSecret: string; accessTtlSeconds: number; refreshTtlSeconds: number };
  readonly loginRateLimit: { attempts: number; windowSeconds: number };
  /** The unauthenticated routes (/public/…, /verify…): cache lifetime and rate limit per client address. */
  readonly publicHttp: { cacheTtlSeconds: number; rateLimit: number; rateWindowSeconds: number };
  readonly argon2MemoryKib: number;
  readonly storageDir: string;
  readonly s3: { endpoint: string; bucket: string; accessKey: string; secretKey: string; region: string } | null;
  readonly timezone: string;
  readonly workerQueues: string[];
  readonly workerStalledIntervalMs: number;
  /** `22:00-08:00`: when nothing is sent. */
  readonly quietHours: string;
  readonly reminderReconcileEveryMs: number;
  readonly statisticsFoldEveryMs: number;
  readonly signingKeySecret: string;
  readonly mail: { smtpUrl: string | null; from: string };
  readonly publicBaseUrl: string;
  /** The proposer's one-time feedback links: HMAC key and lifetime. */
  readonly feedbackLink: { secret: string; ttlDays: number };
  /** Faces set as `family=path` for body, title, heading and kai; unset ones keep the Debian defaults. */
  readonly letterFonts: Partial<Record<'body' | 'title' | 'heading' | 'kai', { family: string; path: string }>>;

  constructor(env: DafuEnvironment) {
    this.nodeEnv = env.NODE_ENV;
    this.http = {
      host: env.HOST,
      port: env.PORT,
      swaggerEnabled: env.SWAGGER_ENABLED === 'true',
      trustProxyHops: env.TRUST_PROXY_HOPS,
    };
    this.database = env.DATABASE_URL
      ? { url: env.DATABASE_URL }
      : {
          host: env.PGHOST ?? '127.0.0.1',
          port: env.PGPORT ?? 5432,
          username: env.PGUSER ?? 'postgres',
          password: env.PGPASSWORD,
          database: env.PGDATABASE,
        };
    this.redis = { url: env.REDIS_URL, prefix: env.REDIS_PREFIX };
    this.jwt = {
      accessSecret: env.JWT_ACCESS_SECRET,
      refreshSecret: env.JWT_REFRESH_SECRET,
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: env.JWT_REFRESH_TTL_SECONDS,
    };
    this.loginRateLimit = { attempts: env.LOGIN_RATE_LIMIT, windowSeconds: env.LOGIN_RATE_WINDOW_SECONDS };
    this.publicHttp = {
      cacheTtlSeconds: env.PUBLIC_CACHE_TTL_SECONDS,
      rateLimit: env.PUBLIC_RATE_LIMIT,
      rateWindowSeconds: env.PUBLIC_RATE_WINDOW_SECONDS,
    };
    this.argon2MemoryKib = env.ARGON2_MEMORY_KIB;
    this.storageDir = env.STORAGE_DIR;
    this.s3 =
      env.S3_ENDPOINT && env.S3_BUCKET && env.S3_ACCESS_KEY && env.S3_SECRET_KEY
        ? {
            endpoint: env.S3_ENDPOINT,
            bucket: env.S3_BUCKET,
            accessKey: env.S3_ACCESS_KEY,
            secretKey: env.S3_SECRET_KEY,
            region: env.S3_REGION,
          }
        : null;
    this.timezone = env.TIMEZONE;
    this.signingKeySecret = env.SIGNING_KEY_SECRET;
    this.mail = { smtpUrl: env.SMTP_URL ?? null, from: env.MAIL_FROM };
    this.publicBaseUrl = env.PUBLIC_BASE_URL.replace(/\/+$/, '');
    this.feedbackLink = {
      // Derived rather than reused: a feedback link never carries anything keyed by the sealing secret itself.
      secret:
        env.FEEDBACK_LINK_SECRET ??
        createHmac('sha256', env.SIGNING_KEY_SECRET).update('dafu feedback link v1').digest('hex'),
      ttlDays: env.FEEDBACK_LINK_TTL_DAYS,
    };
    this.letterFonts = Object.fromEntries(
      (
        [
          ['body', env.LETTER_FONT_BODY],
          ['title', env.LETTER_FONT_TITLE],
          ['heading', env.LETTER_FONT_HEADING],
          ['kai', env.LETTER_FONT_KAI],
        ] as const
      )
        .filter((entry): entry is readonly ['body' | 'title' | 'heading' | 'kai', string] => Boolean(entry[1]))
        .map(([role, value]) => {
          const at = value.indexOf('=');
          return [role, { family: value.slice(0, at).trim(), path: value.slice(at + 1).trim() }];
        }),
    );
    this.workerStalledIntervalMs = env.WORKER_STALLED_INTERVAL_MS;
    this.quietHours = env.QUIET_HOURS;
    this.reminderReconcileEveryMs = env.REMINDER_RECONCILE_EVERY_MS;
    this.statisticsFoldEveryMs = env.STATISTICS_FOLD_EVERY_MS;
    this.workerQueues = env.WORKER_QUEUES.split(',')
      .map((q) => q.trim())
      .filter(Boolean);
  }
}
