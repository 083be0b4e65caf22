import { readFileSync } from 'node:fs';
import { buildOpenApiJson, generateSchemaTypes, OPENAPI_JSON, SCHEMA_TS } from '../../scripts/web-api';

/** The web app's client is generated from the API: the committed files must be what the API produces now. */
describe('The web client and the API never drift', () => {
  it('apps/web/src/api/openapi.json and schema.d.ts match the current API (else: npm run web:api)', async () => {
    const openapi = await buildOpenApiJson();
    expect(readFileSync(OPENAPI_JSON, 'utf8')).toBe(openapi);
    expect(readFileSync(SCHEMA_TS, 'utf8')).toBe(generateSchemaTypes(openapi));
  }, 60_000);
});
