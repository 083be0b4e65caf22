import 'reflect-metadata';

/**
 * Defaults for every test file, set before any module loads. A file may override one before it
 * starts its app (e.g. a low login limit). Each file gets its own database and Redis prefix
 * from test-context.ts; these values only have to pass validation.
 */
const defaults: Record<string, string> = {
  NODE_ENV: 'test',
  DATABASE_URL: process.env.DAFU_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dafu_test_unset',
  REDIS_URL: process.env.DAFU_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: 'dafu_test',
  JWT_ACCESS_SECRET: 'test-access-secret-0123456789abcdef0123456789',
  JWT_REFRESH_SECRET: 'test-refresh-secret-0123456789abcdef012345678',
  ARGON2_MEMORY_KIB: '1024',
  LOG_LEVEL: 'silent',
  SWAGGER_ENABLED: 'true',
  TIMEZONE: 'Asia/Shanghai',
  SIGNING_KEY_SECRET: 'test-signing-key-secret-0123456789abcdef0123',
};
for (const [key, value] of Object.entries(defaults)) {
  if (key === 'DATABASE_URL' || key === 'REDIS_PREFIX' || process.env[key] === undefined) process.env[key] = value;
}
