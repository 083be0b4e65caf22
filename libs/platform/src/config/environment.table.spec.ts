import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentError, validateEnvironment } from './environment';

const GOOD: Record<string, string> = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/dafu',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_ACCESS_SECRET: 'a'.repeat(32),
  JWT_REFRESH_SECRET: 'b'.repeat(32),
  SIGNING_KEY_SECRET: 'c'.repeat(32),
};

function without(env: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !names.includes(name)));
}

/** The refusal validateEnvironment throws, or a failure when it accepts the environment. */
function refusalOf(env: Record<string, unknown>): EnvironmentError {
  try {
    validateEnvironment(env);
  } catch (error) {
    if (error instanceof EnvironmentError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('validateEnvironment accepts', () => {
  it('a minimal environment and fills in every default', () => {
    expect(validateEnvironment(GOOD)).toMatchObject({
      ...GOOD,
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '127.0.0.1',
      REDIS_PREFIX: 'dafu',
      JWT_ACCESS_TTL_SECONDS: 900,
      JWT_REFRESH_TTL_SECONDS: 7 * 24 * 3600,
      LOGIN_RATE_LIMIT: 10,
      LOGIN_RATE_WINDOW_SECONDS: 300,
      ARGON2_MEMORY_KIB: 19456,
      WORKER_QUEUES: '',
      TRUST_PROXY_HOPS: 0,
      STORAGE_DIR: './storage',
      S3_REGION: 'us-east-1',
      TIMEZONE: 'Asia/Shanghai',
      SWAGGER_ENABLED: 'true',
    });
  });

  it('leaves S3 unset, so files go to the local storage directory', () => {
    const env = validateEnvironment(GOOD);
    expect(env.S3_ENDPOINT).toBeUndefined();
    expect(env.S3_BUCKET).toBeUndefined();
  });

  it('the libpq variables instead of DATABASE_URL', () => {
    const env = validateEnvironment({ ...without(GOOD, 'DATABASE_URL'), PGDATABASE: 'dafu' });
    expect(env.PGDATABASE).toBe('dafu');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('the full set of libpq variables, with the port as a number', () => {
    const env = validateEnvironment({
      ...without(GOOD, 'DATABASE_URL'),
      PGHOST: 'db.internal',
      PGPORT: '5433',
      PGUSER: 'dafu',
      PGPASSWORD: 'secret',
      PGDATABASE: 'dafu',
    });
    expect(env).toMatchObject({ PGHOST: 'db.internal', PGPORT: 5433, PGUSER: 'dafu', PGDATABASE: 'dafu' });
  });

  it.each([
    ['PORT', '8080', 8080],
    ['PORT', '1', 1],
    ['PORT', '65535', 65535],
    ['JWT_ACCESS_TTL_SECONDS', '60', 60],
    ['JWT_REFRESH_TTL_SECONDS', '300', 300],
    ['LOGIN_RATE_LIMIT', '3', 3],
    ['LOGIN_RATE_WINDOW_SECONDS', '60', 60],
    ['ARGON2_MEMORY_KIB', '1024', 1024],
    ['TRUST_PROXY_HOPS', '1', 1],
    ['TRUST_PROXY_HOPS', '10', 10],
    ['STATISTICS_FOLD_EVERY_MS', '5000', 5000],
  ])('%s=%s as the number %i', (name, value, expected) => {
    expect(validateEnvironment({ ...GOOD, [name]: value })[name as 'PORT']).toBe(expected);
  });

  it.each([
    ['DATABASE_URL', 'postgresql://dafu@db/dafu'],
    ['REDIS_URL', 'rediss://cache.internal:6380'],
    ['REDIS_URL', 'redis://:password@127.0.0.1:6379/2'],
    ['NODE_ENV', 'production'],
    ['NODE_ENV', 'test'],
    ['REDIS_PREFIX', 'dafu-test_1:a.b'],
    ['HOST', '0.0.0.0'],
    ['TIMEZONE', 'Asia/Urumqi'],
    ['JWT_ACCESS_SECRET', 'x'.repeat(32)],
    ['JWT_REFRESH_SECRET', 'y'.repeat(200)],
    ['SMTP_URL', 'smtps://dafu:secret@mail.example.gov.cn:465'],
    ['LETTER_FONT_BODY', '仿宋_GB2312=/usr/share/fonts/gb/FANGSONG_GB2312.TTF'],
  ])('%s=%s', (name, value) => {
    expect(validateEnvironment({ ...GOOD, [name]: value })[name as 'HOST']).toBe(value);
  });

  it.each([
    ['TRUE', 'true'],
    ['False', 'false'],
    ['false', 'false'],
  ])('SWAGGER_ENABLED=%s as %s', (value, expected) => {
    expect(validateEnvironment({ ...GOOD, SWAGGER_ENABLED: value }).SWAGGER_ENABLED).toBe(expected);
  });

  it('a complete S3 configuration', () => {
    const env = validateEnvironment({
      ...GOOD,
      S3_ENDPOINT: 'https://minio.example.gov.cn:9000',
      S3_BUCKET: 'dafu',
      S3_ACCESS_KEY: 'a',
      S3_SECRET_KEY: 'b',
    });
    expect(env).toMatchObject({ S3_ENDPOINT: 'https://minio.example.gov.cn:9000', S3_BUCKET: 'dafu' });
  });

  it('empty values (KEY= in .env) as not set, so defaults apply', () => {
    const env = validateEnvironment({ ...GOOD, PORT: '', HOST: '', S3_ENDPOINT: '', S3_BUCKET: '', WORKER_QUEUES: '' });
    expect(env).toMatchObject({ PORT: 3000, HOST: '127.0.0.1' });
    expect(env.S3_ENDPOINT).toBeUndefined();
  });

  it('variables it does not know (the rest of the process environment)', () => {
    expect(() => validateEnvironment({ ...GOOD, PATH: '/usr/bin', LOG_LEVEL: 'debug', HOME: '/root' })).not.toThrow();
  });

  it('the .env.example that ships with the project, as the demo copies it', () => {
    const text = readFileSync(join(__dirname, '../../../../.env.example'), 'utf8');
    const env = Object.fromEntries(
      text
        .split('\n')
        .filter((line) => /^[A-Z0-9_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(Object.keys(env)).toEqual(expect.arrayContaining(Object.keys(GOOD)));
    expect(() => validateEnvironment(env)).not.toThrow();
  });
});

describe('validateEnvironment refuses, naming the variable', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['no JWT_ACCESS_SECRET', without(GOOD, 'JWT_ACCESS_SECRET'), 'JWT_ACCESS_SECRET', 'JWT_ACCESS_SECRET is required'],
    [
      'an empty JWT_ACCESS_SECRET',
      { ...GOOD, JWT_ACCESS_SECRET: '' },
      'JWT_ACCESS_SECRET',
      'JWT_ACCESS_SECRET is required',
    ],
    [
      'no JWT_REFRESH_SECRET',
      without(GOOD, 'JWT_REFRESH_SECRET'),
      'JWT_REFRESH_SECRET',
      'JWT_REFRESH_SECRET is required',
    ],
    [
      'a 31-character access secret',
      { ...GOOD, JWT_ACCESS_SECRET: 'x'.repeat(31) },
      'JWT_ACCESS_SECRET',
      'JWT_ACCESS_SECRET must be at least 32 characters',
    ],
    [
      'a short refresh secret',
      { ...GOOD, JWT_REFRESH_SECRET: 'short' },
      'JWT_REFRESH_SECRET',
      'JWT_REFRESH_SECRET must be at least 32 characters',
    ],
    [
      'no SIGNING_KEY_SECRET',
      without(GOOD, 'SIGNING_KEY_SECRET'),
      'SIGNING_KEY_SECRET',
      'SIGNING_KEY_SECRET is required',
    ],
    [
      'a short signing key secret',
      { ...GOOD, SIGNING_KEY_SECRET: 'x'.repeat(31) },
      'SIGNING_KEY_SECRET',
      'SIGNING_KEY_SECRET must be at least 32 characters',
    ],
    [
      'an SMTP_URL without its scheme',
      { ...GOOD, SMTP_URL: 'mail.example.gov.cn:587' },
      'SMTP_URL',
      'SMTP_URL must look like smtp://user:password@mail.example.gov.cn:587',
    ],
    [
      'a letter face without its family',
      { ...GOOD, LETTER_FONT_BODY: '/usr/share/fonts/gb/FANGSONG_GB2312.TTF' },
      'LETTER_FONT_BODY',
      'LETTER_FONT_BODY must be family=/absolute/path',
    ],
    [
      'a letter face on a relative path',
      { ...GOOD, LETTER_FONT_TITLE: '方正小标宋简体=fonts/FZXBSJW.TTF' },
      'LETTER_FONT_TITLE',
      'LETTER_FONT_TITLE must be family=/absolute/path',
    ],
    ['no REDIS_URL', without(GOOD, 'REDIS_URL'), 'REDIS_URL', 'REDIS_URL is required'],
    [
      'a REDIS_URL without a scheme',
      { ...GOOD, REDIS_URL: '127.0.0.1:6379' },
      'REDIS_URL',
      'REDIS_URL must look like redis://127.0.0.1:6379',
    ],
    [
      'an http REDIS_URL',
      { ...GOOD, REDIS_URL: 'http://127.0.0.1:6379' },
      'REDIS_URL',
      'REDIS_URL must look like redis://127.0.0.1:6379',
    ],
    [
      'no DATABASE_URL and no PGDATABASE',
      without(GOOD, 'DATABASE_URL'),
      'DATABASE_URL',
      'DATABASE_URL (or PGDATABASE with PGHOST/PGUSER) is required',
    ],
    [
      'PGHOST alone',
      { ...without(GOOD, 'DATABASE_URL'), PGHOST: 'db' },
      'DATABASE_URL',
      'DATABASE_URL (or PGDATABASE with PGHOST/PGUSER) is required',
    ],
    [
      'a MySQL DATABASE_URL',
      { ...GOOD, DATABASE_URL: 'mysql://root@127.0.0.1/dafu' },
      'DATABASE_URL',
      'DATABASE_URL must look like postgres://user@host:5432/dbname (or set PGHOST/PGDATABASE instead)',
    ],
    [
      'a bad DATABASE_URL even beside PGDATABASE',
      { ...GOOD, DATABASE_URL: 'dafu', PGDATABASE: 'dafu' },
      'DATABASE_URL',
      'DATABASE_URL must look like postgres://user@host:5432/dbname (or set PGHOST/PGDATABASE instead)',
    ],
    ['PORT=abc', { ...GOOD, PORT: 'abc' }, 'PORT', 'PORT must be an integer number'],
    ['PORT=80.5', { ...GOOD, PORT: '80.5' }, 'PORT', 'PORT must be an integer number'],
    ['PORT=0', { ...GOOD, PORT: '0' }, 'PORT', 'PORT must not be less than 1'],
    ['PORT=65536', { ...GOOD, PORT: '65536' }, 'PORT', 'PORT must not be greater than 65535'],
    ['PGPORT=abc', { ...GOOD, PGPORT: 'abc' }, 'PGPORT', 'PGPORT must be an integer number'],
    ['NODE_ENV=staging', { ...GOOD, NODE_ENV: 'staging' }, 'NODE_ENV', 'NODE_ENV must be one of the following values'],
    ['SWAGGER_ENABLED=yes', { ...GOOD, SWAGGER_ENABLED: 'yes' }, 'SWAGGER_ENABLED', 'SWAGGER_ENABLED must be one of'],
    [
      'a token lifetime under a minute',
      { ...GOOD, JWT_ACCESS_TTL_SECONDS: '59' },
      'JWT_ACCESS_TTL_SECONDS',
      'JWT_ACCESS_TTL_SECONDS must not be less than 60',
    ],
    [
      'a refresh lifetime under five minutes',
      { ...GOOD, JWT_REFRESH_TTL_SECONDS: '299' },
      'JWT_REFRESH_TTL_SECONDS',
      'JWT_REFRESH_TTL_SECONDS must not be less than 300',
    ],
    ['LOGIN_RATE_LIMIT=0', { ...GOOD, LOGIN_RATE_LIMIT: '0' }, 'LOGIN_RATE_LIMIT', 'LOGIN_RATE_LIMIT must not be less'],
    [
      'too little argon2 memory',
      { ...GOOD, ARGON2_MEMORY_KIB: '1023' },
      'ARGON2_MEMORY_KIB',
      'ARGON2_MEMORY_KIB must not be less than 1024',
    ],
    [
      'too many proxy hops',
      { ...GOOD, TRUST_PROXY_HOPS: '11' },
      'TRUST_PROXY_HOPS',
      'TRUST_PROXY_HOPS must not be greater than 10',
    ],
    ['a REDIS_PREFIX with a space', { ...GOOD, REDIS_PREFIX: 'da fu' }, 'REDIS_PREFIX', 'REDIS_PREFIX must match'],
    [
      'an S3_ENDPOINT that is not a URL',
      { ...GOOD, S3_ENDPOINT: 'minio:9000', S3_BUCKET: 'dafu', S3_ACCESS_KEY: 'a', S3_SECRET_KEY: 'b' },
      'S3_ENDPOINT',
      'S3_ENDPOINT must look like https://minio.example.gov.cn:9000',
    ],
    [
      'an S3_ENDPOINT without its bucket',
      { ...GOOD, S3_ENDPOINT: 'https://minio.example.gov.cn:9000', S3_ACCESS_KEY: 'a', S3_SECRET_KEY: 'b' },
      'S3_BUCKET',
      'S3_BUCKET is required',
    ],
  ])('%s', (_name, env, variable, problem) => {
    const error = refusalOf(env);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('EnvironmentError');
    expect(error.message).toContain(variable);
    expect(error.problems.some((p) => p.startsWith(problem))).toBe(true);
    for (const p of error.problems) expect(p.startsWith(variable)).toBe(true);
  });

  it('lists every problem at once, and says where to fix them', () => {
    const error = refusalOf({});
    expect(error.problems).toEqual([
      'DATABASE_URL (or PGDATABASE with PGHOST/PGUSER) is required',
      'REDIS_URL is required',
      'JWT_ACCESS_SECRET is required',
      'JWT_REFRESH_SECRET is required',
      'SIGNING_KEY_SECRET is required',
    ]);
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_ACCESS_SECRET', 'JWT_REFRESH_SECRET'])
      expect(error.message).toContain(`  - ${name}`);
    expect(error.message).toContain('.env.example');
  });

  it('reports several wrong variables together, each once', () => {
    const error = refusalOf({ ...GOOD, PORT: 'abc', REDIS_URL: 'x', JWT_ACCESS_SECRET: 'short' });
    for (const name of ['PORT', 'REDIS_URL', 'JWT_ACCESS_SECRET']) expect(error.message).toContain(name);
    expect(new Set(error.problems).size).toBe(error.problems.length);
    expect(error.message).not.toContain('JWT_REFRESH_SECRET');
    expect(error.message).not.toContain('DATABASE_URL');
  });

  it('asks for all three S3 settings once an endpoint is set', () => {
    const error = refusalOf({ ...GOOD, S3_ENDPOINT: 'https://minio.example.gov.cn:9000' });
    expect(error.problems.sort()).toEqual(
      ['S3_ACCESS_KEY is required', 'S3_BUCKET is required', 'S3_SECRET_KEY is required'].sort(),
    );
  });
});
