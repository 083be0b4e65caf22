import { ALL_ROLES, Role } from '@dafu/platform/vocabulary';
import { TestContext, TestUser } from '@dafu/testing';
import { draftedReply } from '@dafu/testing/replies';

/**
 * Bad input gets a 4xx, never a 500: every operation of the OpenAPI document is called with
 * malformed path parameters, query parameters and bodies (wrong types, missing and unknown
 * fields, huge strings, NUL and other odd Unicode, SQL and script fragments, arrays where one
 * value is expected), as a role the endpoint lets in, so the input reaches validation and the
 * handler rather than stopping at the guard.
 */

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const HOSTILE_STRINGS = [
  'not-a-uuid',
  "1' OR '1'='1",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '-1',
  '9'.repeat(40),
  '1e309',
  'a\u0000b',
  '😀\u202e',
  '',
];
const HUGE = '长'.repeat(300_000);
const WRONG_VALUES: unknown[] = [
  null,
  1.2345678901234567e19,
  -1,
  true,
  'x',
  [],
  [1, 'a', null],
  {},
  { $gt: '' },
  '9'.repeat(40),
  'a\u0000b',
  HUGE,
];

function resolve(schema: Schema | undefined, doc: OpenApi, depth = 0): Schema {
  if (!schema || depth > 5) return {};
  if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.split('/').pop() as string], doc, depth + 1);
  const parts = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (parts) {
    return parts
      .map((p) => resolve(p, doc, depth + 1))
      .reduce<Schema>((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b.properties } }), {});
  }
  return schema;
}

function fillPath(path: string, value: (name: string) => string): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(value(name)));
}

const PLAUSIBLE_PATH: Record<string, string> = { year: '2026', date: '2026-11-23', body: 'npc', number: '1' };
const plausible = (name: string) => PLAUSIBLE_PATH[name] ?? '00000000-0000-4000-8000-000000000000';

interface Probe {
  method: string;
  url: string;
  payload?: string | Buffer;
  contentType?: string;
}

const BOUNDARY = '----dafu-malformed-probe';

/** A multipart body with one file part, built by hand so the name can be anything a client sends. */
function multipart(field: string, filename: string, content: Buffer, type = 'application/octet-stream'): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
        `Content-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

const HOSTILE_FILE_NAMES = [
  'a\u0000b.txt',
  '../../etc/passwd',
  '长'.repeat(600) + '.docx',
  'a\u202eexe.txt',
  '',
  'x.csv',
];
const HOSTILE_FILES: Buffer[] = [
  Buffer.alloc(0),
  Buffer.from('姓名,电话\n张三\u0000,1\n'),
  Buffer.from('PK\u0003\u0004 not really a zip'),
  Buffer.from('%PDF-1.4 not really a pdf'),
  Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00, 0x00]),
];

/**
 * Every malformed request of one operation; `fill` names the path's records (unknown ones by
 * default), and `withPathProbes` adds malformed path parameters.
 */
function probesOf(
  method: string,
  path: string,
  operation: Operation,
  doc: OpenApi,
  fill: (name: string) => string = plausible,
  withPathProbes = true,
): Probe[] {
  const probes: Probe[] = [];
  const base = fillPath(path, fill);
  const pathParams = withPathProbes ? (operation.parameters ?? []).filter((p) => p.in === 'path') : [];
  for (const param of pathParams) {
    for (const bad of HOSTILE_STRINGS.filter((s) => s !== '')) {
      probes.push({ method, url: fillPath(path, (name) => (name === param.name ? bad : plausible(name))) });
    }
    // Bytes that are not UTF-8, percent-encoded as a client might send them.
    for (const raw of ['%FF%FE', '%ED%A0%80', '%']) {
      const url = path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
        name === param.name ? raw : encodeURIComponent(plausible(name)),
      );
      probes.push({ method, url });
    }
  }
  for (const param of (operation.parameters ?? []).filter((p) => p.in === 'query')) {
    for (const bad of HOSTILE_STRINGS) probes.push({ method, url: `${base}?${param.name}=${encodeURIComponent(bad)}` });
    probes.push({ method, url: `${base}?${param.name}=1&${param.name}=2` });
    probes.push({ method, url: `${base}?${param.name}[a]=1` });
    probes.push({ method, url: `${base}?${param.name}=${'x'.repeat(5000)}` });
    probes.push({ method, url: `${base}?${param.name}=%FF%FE` });
  }
  const form = operation.requestBody?.content?.['multipart/form-data']?.schema;
  if (form) {
    const field = Object.keys(resolve(form, doc).properties ?? { file: {} })[0] ?? 'file';
    const contentType = `multipart/form-data; boundary=${BOUNDARY}`;
    for (const filename of HOSTILE_FILE_NAMES) {
      for (const content of HOSTILE_FILES) {
        probes.push({ method, url: base, contentType, payload: multipart(field, filename, content) });
      }
    }
    probes.push({ method, url: base, contentType, payload: multipart('unexpected', 'a.txt', Buffer.from('x')) });
    probes.push({ method, url: base, contentType, payload: Buffer.from(`--${BOUNDARY}\r\nbroken`) });
    probes.push({ method, url: base, payload: JSON.stringify({ file: 'not a file' }) });
  } else if (['post', 'put', 'patch'].includes(method)) {
    const schema = resolve(operation.requestBody?.content?.['application/json']?.schema, doc);
    probes.push({ method, url: base, payload: '{"unfinished":' });
    for (const body of [[], 'text', 42, null, { unknownField: 1 }, { ['__proto__']: { admin: true } }]) {
      probes.push({ method, url: base, payload: JSON.stringify(body) });
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      for (const value of WRONG_VALUES) probes.push({ method, url: base, payload: JSON.stringify({ [name]: value }) });
      const item = resolve(property.items, doc);
      if (property.type === 'array' && item.properties) {
        for (const [inner] of Object.entries(item.properties)) {
          for (const value of [null, 'a\u0000b', HUGE, { nested: { deeper: [] } }]) {
            probes.push({ method, url: base, payload: JSON.stringify({ [name]: [{ [inner]: value }] }) });
          }
        }
      }
    }
  }
  return probes;
}

describe('Malformed requests: every endpoint answers bad input with a 4xx, never a 5xx', () => {
  let ctx: TestContext;
  const users = new Map<Role, TestUser>();
  let doc: OpenApi;

  beforeAll(async () => {
    // The public rate limit would turn most public probes into 429 before they reach validation.
    ctx = await TestContext.start({ env: { PUBLIC_RATE_LIMIT: '1000000' } });
    for (const role of ALL_ROLES) users.set(role, await ctx.newUser(role));
    doc = (await ctx.http().get('/docs/openapi.json')).body as OpenApi;
  });
  afterAll(() => ctx.close());

  async function send(probe: Probe, token: string | null) {
    const fastify = ctx.app.getHttpAdapter().getInstance();
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (probe.payload !== undefined) headers['content-type'] = probe.contentType ?? 'application/json';
    return fastify.inject({
      method: probe.method.toUpperCase() as 'GET',
      url: probe.url,
      payload: probe.payload,
      headers,
    });
  }

  /** A role the guard lets through (an ordinary request does not answer 403 FORBIDDEN), if any. */
  async function admittedToken(method: string, path: string): Promise<string | null> {
    for (const role of ALL_ROLES) {
      const token = (users.get(role) as TestUser).token;
      const response = await send({ method, url: fillPath(path, plausible) }, token);
      const refused = response.statusCode === 403 && (response.json() as { code?: string }).code === 'FORBIDDEN';
      if (!refused) return token;
    }
    return null;
  }

  it('answers thousands of malformed requests without a single 5xx', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const token = await admittedToken(method, path);
        for (const probe of probesOf(method, path, operation, doc)) {
          const response = await send(probe, token);
          sent += 1;
          if (response.statusCode >= 500) {
            failures.push(
              `${probe.method.toUpperCase()} ${probe.url.slice(0, 120)} ${probe.payload?.slice(0, 80) ?? ''} → ${response.statusCode}`,
            );
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(3000);
    expect(failures).toEqual([]);
  }, 600_000);

  it('answers them with 4xx on real records too, as the staff who may act on them', async () => {
    const registrar = await ctx.newUser(Role.Registrar);
    const bureau = await ctx.newBureau();
    const clerk = await ctx.newUser(Role.Clerk, bureau);
    const staff = [
      clerk,
      await ctx.newUser(Role.Reviewer, bureau),
      await ctx.newUser(Role.Signatory, bureau),
      registrar,
      await ctx.newUser(Role.Supervisor),
      await ctx.newUser(Role.Admin),
    ];
    const session = await ctx.newSession(registrar);
    const draft = await draftedReply(ctx, registrar, session.id, clerk);
    const recordOf: [RegExp, string][] = [
      [/^\/sessions\//, session.id],
      [/^\/proposals\//, draft.proposalId],
      [/^\/assignments\//, draft.assignmentId],
      [/^\/replies\//, draft.replyId],
      [/^\/(organisations|bureaus)\//, bureau.id],
      [/^\/users\//, clerk.id],
    ];
    const failures: string[] = [];
    let sent = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      const record = recordOf.find(([prefix]) => prefix.test(path))?.[1];
      if (!record || !path.includes('{id}')) continue;
      const fill = (name: string) => (name === 'id' ? record : plausible(name));
      for (const [method, operation] of Object.entries(methods)) {
        // Deleting the records would leave the other probes nothing to reach.
        if (method === 'delete') continue;
        let token: string | null = null;
        for (const user of staff) {
          const response = await send({ method, url: fillPath(path, fill) }, user.token);
          if (![401, 403, 404].includes(response.statusCode)) {
            token = user.token;
            break;
          }
        }
        if (token === null) continue;
        for (const probe of probesOf(method, path, operation, doc, fill, false)) {
          const response = await send(probe, token);
          sent += 1;
          if (response.statusCode >= 500) {
            failures.push(
              `${probe.method.toUpperCase()} ${probe.url.slice(0, 120)} ${probe.payload?.slice(0, 80) ?? ''} → ${response.statusCode}`,
            );
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 600_000);
});
