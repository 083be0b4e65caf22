import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidateIf,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Every environment variable Dafu reads. `.env.example` documents each one. */
export class DafuEnvironment {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST = '127.0.0.1';

  @ValidateIf((env: DafuEnvironment) => !env.PGDATABASE || env.DATABASE_URL !== undefined)
  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'DATABASE_URL must look like postgres://user@host:5432/dbname (or set PGHOST/PGDATABASE instead)',
  })
  DATABASE_URL?: string;

  @IsOptional() @IsString() PGHOST?: string;
  @IsOptional() @Transform(toInt) @IsInt() PGPORT?: number;
  @IsOptional() @IsString() PGUSER?: string;
  @IsOptional() @IsString() PGPASSWORD?: string;
  @IsOptional() @IsString() PGDATABASE?: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must look like redis://127.0.0.1:6379' })
  REDIS_URL: string;

  /** Every Redis key and BullMQ queue lives under this prefix, so several systems (or test runs) share one Redis. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_:.-]+$/)
  REDIS_PREFIX = 'dafu';

  @IsString()
  @MinLength(32, { message: 'JWT_ACCESS_SECRET must be at least 32 characters' })
  JWT_ACCESS_SECRET: string;

  @IsString()
  @MinLength(32, { message: 'JWT_REFRESH_SECRET must be at least 32 characters' })
  JWT_REFRESH_SECRET: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(60) JWT_ACCESS_TTL_SECONDS = 900;
  @IsOptional() @Transform(toInt) @IsInt() @Min(300) JWT_REFRESH_TTL_SECONDS = 7 * 24 * 3600;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) LOGIN_RATE_LIMIT = 10;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) LOGIN_RATE_WINDOW_SECONDS = 300;

  /** How long the public feed and reply pages stay in the Redis cache (and in browsers' max-age). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3600) PUBLIC_CACHE_TTL_SECONDS = 60;
  /** Requests per client address and window to /public/… and /verify… (all API processes together). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) PUBLIC_RATE_LIMIT = 120;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(86_400) PUBLIC_RATE_WINDOW_SECONDS = 60;

  /** argon2id memory cost; OWASP's minimum is 19 MiB. Tests lower it to keep suites fast. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) ARGON2_MEMORY_KIB = 19456;

  /** Comma-separated queues this worker consumes; empty means all. */
  @IsOptional() @IsString() WORKER_QUEUES = '';

  /**
   * How often a worker looks for jobs whose worker died (kill -9, a lost machine) and runs them
   * again; such a job waits at most about twice this long.
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(500) @Max(600_000) WORKER_STALLED_INTERVAL_MS = 30_000;

  /**
   * Trust X-Forwarded-For from this many proxy hops (0: none). Only set it behind a reverse proxy:
   * otherwise clients could pick their own address and slip past the login limit.
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(10) TRUST_PROXY_HOPS = 0;

  @IsOptional() @IsString() STORAGE_DIR = './storage';

  /** Set S3_ENDPOINT (and the rest) to keep files in an S3-compatible store instead of STORAGE_DIR. */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'S3_ENDPOINT must look like https://minio.example.gov.cn:9000' })
  S3_ENDPOINT?: string;

  @ValidateIf((env: DafuEnvironment) => Boolean(env.S3_ENDPOINT)) @IsString() @MinLength(3) S3_BUCKET?: string;
  @ValidateIf((env: DafuEnvironment) => Boolean(env.S3_ENDPOINT)) @IsString() @MinLength(1) S3_ACCESS_KEY?: string;
  @ValidateIf((env: DafuEnvironment) => Boolean(env.S3_ENDPOINT)) @IsString() @MinLength(1) S3_SECRET_KEY?: string;
  @IsOptional() @IsString() S3_REGION = 'us-east-1';

  @IsOptional() @IsString() TIMEZONE = 'Asia/Shanghai';

  /** Nothing is sent in these hours (local time); what falls in them goes out when they end. */
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, { message: 'QUIET_HOURS must look like 22:00-08:00' })
  QUIET_HOURS = '22:00-08:00';

  /** How often the worker compares the reminders due in Postgres with those scheduled in Redis and repairs both. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(86_400_000) REMINDER_RECONCILE_EVERY_MS = 600_000;

  /** How often the worker moves what changed into the supervision statistics' rollup (they are exact either way; folding keeps them fast). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(86_400_000) STATISTICS_FOLD_EVERY_MS = 60_000;

  /** Seals the bureaus' signing keys at rest (AES-256-GCM under a key derived from it). */
  @IsString()
  @MinLength(32, { message: 'SIGNING_KEY_SECRET must be at least 32 characters' })
  SIGNING_KEY_SECRET: string;

  /** Where signed letters are e-mailed from; without it every letter goes on the mailroom's list. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must look like smtp://user:password@mail.example.gov.cn:587' })
  SMTP_URL?: string;

  @IsOptional() @IsString() @MinLength(3) MAIL_FROM = 'Dafu 答复 <dafu@localhost>';

  /**
   * Signs the proposer's one-time feedback links (HMAC-SHA256); unset, a key derived from
   * SIGNING_KEY_SECRET is used. Changing it invalidates the links already sent.
   */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsString()
  @MinLength(32, { message: 'FEEDBACK_LINK_SECRET must be at least 32 characters' })
  FEEDBACK_LINK_SECRET?: string;

  /** How many days a feedback link sent with a letter stays usable. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(730) FEEDBACK_LINK_TTL_DAYS = 60;

  /** Links in e-mails (verification) point here. */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'PUBLIC_BASE_URL must look like https://dafu.example.gov.cn' })
  PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

  /**
   * A face for the letters, as `family=path`: offices use the commercial 仿宋_GB2312 and
   * 方正小标宋简体, e.g. LETTER_FONT_BODY=仿宋_GB2312=/usr/share/fonts/gb/FANGSONG_GB2312.TTF.
   */
  @IsOptional()
  @Matches(/^[^=]+=\s*\/.+/, { message: 'LETTER_FONT_BODY must be family=/absolute/path' })
  LETTER_FONT_BODY?: string;
  @IsOptional()
  @Matches(/^[^=]+=\s*\/.+/, { message: 'LETTER_FONT_TITLE must be family=/absolute/path' })
  LETTER_FONT_TITLE?: string;
  @IsOptional()
  @Matches(/^[^=]+=\s*\/.+/, { message: 'LETTER_FONT_HEADING must be family=/absolute/path' })
  LETTER_FONT_HEADING?: string;
  @IsOptional()
  @Matches(/^[^=]+=\s*\/.+/, { message: 'LETTER_FONT_KAI must be family=/absolute/path' })
  LETTER_FONT_KAI?: string;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === undefined ? undefined : String(value).toLowerCase()))
  @IsIn(['true', 'false'])
  SWAGGER_ENABLED: 'true' | 'false' = 'true';
}

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Dafu cannot start: the configuration is incomplete or wrong.\n` +
        problems.map((p) => `  - ${p}`).join('\n') +
        `\nSet these in the environment or in .env (see .env.example).`,
    );
    this.name = 'EnvironmentError';
  }
}

export function validateEnvironment(raw: Record<string, unknown>): DafuEnvironment {
  // `KEY=` in .env means "not set", as it does for a shell.
  const given = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const env = plainToInstance(DafuEnvironment, given, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  const problems = errors.flatMap((e) => {
    const value = given[e.property];
    if (value === undefined || value === '') {
      return [
        e.property === 'DATABASE_URL'
          ? 'DATABASE_URL (or PGDATABASE with PGHOST/PGUSER) is required'
          : `${e.property} is required`,
      ];
    }
    return Object.values(e.constraints ?? {}).map((message) =>
      message.startsWith(e.property) ? message : `${e.property}: ${message}`,
    );
  });
  if (problems.length > 0) {
    throw new EnvironmentError([...new Set(problems)]);
  }
  return env;
}
