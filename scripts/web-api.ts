/**
 * npm run web:api: writes the API's OpenAPI document to apps/web/src/api/openapi.json and the
 * TypeScript types generated from it (openapi-typescript) to apps/web/src/api/schema.d.ts.
 * The app is created in Nest's preview mode: modules and controllers are scanned, no provider is
 * instantiated, so neither PostgreSQL nor Redis is needed. `--check` compares instead of writing.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
export const OPENAPI_JSON = join(ROOT, 'apps/web/src/api/openapi.json');
export const SCHEMA_TS = join(ROOT, 'apps/web/src/api/schema.d.ts');

/** Only have to pass validation: nothing connects in preview mode. */
const PLACEHOLDER_ENV: Record<string, string> = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/dafu_openapi_unused',
  REDIS_URL: 'redis://127.0.0.1:6379',
  REDIS_PREFIX: 'dafu_openapi',
  JWT_ACCESS_SECRET: 'openapi-access-secret-0123456789abcdef0123456789',
  JWT_REFRESH_SECRET: 'openapi-refresh-secret-0123456789abcdef01234567',
  SIGNING_KEY_SECRET: 'openapi-signing-key-secret-0123456789abcdef012',
  LOG_LEVEL: 'silent',
  TIMEZONE: 'Asia/Shanghai',
};

export async function buildOpenApiJson(): Promise<string> {
  for (const [key, value] of Object.entries(PLACEHOLDER_ENV)) process.env[key] ??= value;
  const { NestFactory } = await import('@nestjs/core');
  const { ApiModule } = await import('../apps/api/src/api.module');
  const { createFastifyAdapter } = await import('../apps/api/src/configure-api');
  const { createOpenApiDocument } = await import('../apps/api/src/openapi');
  const app = await NestFactory.create(ApiModule, createFastifyAdapter(), { preview: true, logger: false });
  try {
    return `${JSON.stringify(createOpenApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

/** openapi-typescript's CLI on a document: the .d.ts text it writes. */
export function generateSchemaTypes(openapiJson: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dafu-openapi-'));
  try {
    const input = join(dir, 'openapi.json');
    const output = join(dir, 'schema.d.ts');
    writeFileSync(input, openapiJson);
    const cli = join(ROOT, 'node_modules/openapi-typescript/bin/cli.js');
    execFileSync(process.execPath, [cli, input, '--output', output, '--root-types'], { stdio: 'pipe' });
    return readFileSync(output, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const openapi = await buildOpenApiJson();
  const schema = generateSchemaTypes(openapi);
  if (check) {
    const stale = [
      [OPENAPI_JSON, openapi],
      [SCHEMA_TS, schema],
    ].filter(([file, text]) => readFileSync(file, 'utf8') !== text);
    if (stale.length > 0) {
      process.stderr.write(`Out of date, run npm run web:api: ${stale.map(([f]) => f).join(', ')}\n`);
      process.exit(1);
    }
    process.stdout.write('The web client matches the API.\n');
  } else {
    writeFileSync(OPENAPI_JSON, openapi);
    writeFileSync(SCHEMA_TS, schema);
    process.stdout.write(`Wrote ${OPENAPI_JSON} and ${SCHEMA_TS}\n`);
  }
  process.exit(0);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
