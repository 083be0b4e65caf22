import { DafuConfig } from './dafu-config';
import { EnvironmentError, validateEnvironment } from './environment';

const GOOD = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/dafu',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_ACCESS_SECRET: 'a'.repeat(32),
  JWT_REFRESH_SECRET: 'b'.repeat(32),
  SIGNING_KEY_SECRET: 'c'.repeat(32),
};

function problemsOf(env: Record<string, unknown>): string[] {
  try {
    validateEnvironment(env);
  } catch (error) {
    if (error instanceof EnvironmentError) return error.problems;
    throw error;
  }
  return [];
}

describe('validateEnvironment', () => {
  it('accepts a minimal environment and fills in the defaults', () => {
    const env = validateEnvironment(GOOD);
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      REDIS_PREFIX: 'dafu',
      JWT_ACCESS_TTL_SECONDS: 900,
      TIMEZONE: 'Asia/Shanghai',
    });
  });

  it('accepts the libpq variables instead of DATABASE_URL', () => {
    const { DATABASE_URL: _url, ...rest } = GOOD;
    expect(problemsOf({ ...rest, PGHOST: 'db', PGDATABASE: 'dafu' })).toEqual([]);
  });

  it.each([
    ['no database at all', { DATABASE_URL: undefined }, 'DATABASE_URL (or PGDATABASE with PGHOST/PGUSER) is required'],
    ['a database URL that is not one', { DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must look like'],
    ['no access secret', { JWT_ACCESS_SECRET: undefined }, 'JWT_ACCESS_SECRET is required'],
    ['a short refresh secret', { JWT_REFRESH_SECRET: 'short' }, 'JWT_REFRESH_SECRET must be at least 32 characters'],
    ['a Redis URL that is not one', { REDIS_URL: 'http://x' }, 'REDIS_URL must look like'],
    ['a port that is not a number', { PORT: 'abc' }, 'PORT'],
    ['an unknown NODE_ENV', { NODE_ENV: 'staging' }, 'NODE_ENV'],
  ])('names the problem with %s', (_name, change, expected) => {
    const problems = problemsOf({ ...GOOD, ...change });
    expect(problems.some((p) => p.startsWith(expected))).toBe(true);
  });

  it('treats an empty value (KEY= in .env) as not set', () => {
    expect(problemsOf({ ...GOOD, S3_ENDPOINT: '', S3_BUCKET: '', PORT: '' })).toEqual([]);
    expect(validateEnvironment({ ...GOOD, PORT: '' }).PORT).toBe(3000);
    expect(problemsOf({ ...GOOD, JWT_ACCESS_SECRET: '' })).toEqual(['JWT_ACCESS_SECRET is required']);
  });

  it('needs the bucket and keys once an S3 endpoint is set, and uses local disk otherwise', () => {
    expect(validateEnvironment(GOOD).S3_ENDPOINT).toBeUndefined();
    const problems = problemsOf({ ...GOOD, S3_ENDPOINT: 'https://minio.example.gov.cn:9000' });
    expect(problems).toEqual(
      expect.arrayContaining(['S3_BUCKET is required', 'S3_ACCESS_KEY is required', 'S3_SECRET_KEY is required']),
    );
    expect(
      problemsOf({
        ...GOOD,
        S3_ENDPOINT: 'https://minio.example.gov.cn:9000',
        S3_BUCKET: 'dafu',
        S3_ACCESS_KEY: 'a',
        S3_SECRET_KEY: 'b',
      }),
    ).toEqual([]);
  });

  it('lists every problem at once, in a message that says where to fix them', () => {
    try {
      validateEnvironment({});
      throw new Error('should have refused');
    } catch (error) {
      expect(error).toBeInstanceOf(EnvironmentError);
      const message = (error as Error).message;
      for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_ACCESS_SECRET', 'JWT_REFRESH_SECRET', '.env.example'])
        expect(message).toContain(name);
    }
  });

  it('reads the letter faces as family=path, spaces trimmed and the path keeping any = of its own', () => {
    const config = new DafuConfig(
      validateEnvironment({
        ...GOOD,
        LETTER_FONT_BODY: '仿宋_GB2312 = /usr/share/fonts/gb/FANGSONG_GB2312.TTF',
        LETTER_FONT_TITLE: '方正小标宋简体=/opt/fonts/FZXBSJW=1.TTF',
      }),
    );
    expect(config.letterFonts).toEqual({
      body: { family: '仿宋_GB2312', path: '/usr/share/fonts/gb/FANGSONG_GB2312.TTF' },
      title: { family: '方正小标宋简体', path: '/opt/fonts/FZXBSJW=1.TTF' },
    });
    expect(new DafuConfig(validateEnvironment(GOOD)).letterFonts).toEqual({});
  });

  it('sends no e-mail unless an SMTP server is configured', () => {
    expect(new DafuConfig(validateEnvironment(GOOD)).mail.smtpUrl).toBeNull();
    expect(new DafuConfig(validateEnvironment({ ...GOOD, SMTP_URL: 'smtp://127.0.0.1:2525' })).mail.smtpUrl).toBe(
      'smtp://127.0.0.1:2525',
    );
  });
});
