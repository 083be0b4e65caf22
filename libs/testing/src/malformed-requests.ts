/**
 * Malformed requests built from the OpenAPI document: wrong types, missing and unknown fields,
 * huge strings, NUL and other odd Unicode, SQL and script fragments, arrays where one value is
 * expected, broken JSON and multipart bodies. test/e2e/malformed-requests.e2e-spec.ts sends the
 * exhaustive `probesOf` catalogue in process; the fault suite (test/faults/malformed-requests.fault.ts)
 * draws a seeded sample of 10,000 with `malformedRequests` and sends it to the built API.
 */

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
}
export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** One operation of the document, keyed `METHOD /path` as the access matrix names it. */
export interface OperationEntry {
  key: string;
  method: string;
  path: string;
  operation: Operation;
}

export function operationsOf(doc: OpenApi): OperationEntry[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method,
      path,
      operation,
    })),
  );
}

export const HOSTILE_STRINGS = [
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
export const HUGE = '长'.repeat(300_000);
export const WRONG_VALUES: unknown[] = [
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

export function resolveSchema(schema: Schema | undefined, doc: OpenApi, depth = 0): Schema {
  if (!schema || depth > 5) return {};
  if (schema.$ref) {
    return resolveSchema(doc.components?.schemas?.[schema.$ref.split('/').pop() as string], doc, depth + 1);
  }
  const parts = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (parts) {
    return parts
      .map((p) => resolveSchema(p, doc, depth + 1))
      .reduce<Schema>(
        (a, b) => ({
          ...a,
          ...b,
          properties: { ...a.properties, ...b.properties },
          required: [...(a.required ?? []), ...(b.required ?? [])],
        }),
        {},
      );
  }
  return schema;
}

export function fillPath(path: string, value: (name: string) => string): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(value(name)));
}

const PLAUSIBLE_PATH: Record<string, string> = { year: '2026', date: '2026-11-23', body: 'npc', number: '1' };
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
/** A well-formed value for a path parameter that names no record. */
export const plausible = (name: string) => PLAUSIBLE_PATH[name] ?? UNKNOWN_ID;

export interface Probe {
  method: string;
  url: string;
  payload?: string | Buffer;
  contentType?: string;
}

export const BOUNDARY = '----dafu-malformed-probe';

/** A multipart body with one file part, built by hand so the name can be anything a client sends. */
export function multipart(field: string, filename: string, content: Buffer, type = 'application/octet-stream'): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
        `Content-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

export const HOSTILE_FILE_NAMES = [
  'a\u0000b.txt',
  '../../etc/passwd',
  '长'.repeat(600) + '.docx',
  'a\u202eexe.txt',
  '',
  'x.csv',
];
export const HOSTILE_FILES: Buffer[] = [
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
export function probesOf(
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
    const field = Object.keys(resolveSchema(form, doc).properties ?? { file: {} })[0] ?? 'file';
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
    const schema = resolveSchema(operation.requestBody?.content?.['application/json']?.schema, doc);
    probes.push({ method, url: base, payload: '{"unfinished":' });
    for (const body of [[], 'text', 42, null, { unknownField: 1 }, { ['__proto__']: { admin: true } }]) {
      probes.push({ method, url: base, payload: JSON.stringify(body) });
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      for (const value of WRONG_VALUES) probes.push({ method, url: base, payload: JSON.stringify({ [name]: value }) });
      const item = resolveSchema(property.items, doc);
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

/** mulberry32: a small seeded PRNG, so a run's requests are the same every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const STATE_CHANGING = new Set(['post', 'put', 'patch', 'delete']);

/** A generated request, with the ways it is malformed. */
export interface MalformedRequest {
  operation: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** What is wrong with it, e.g. `token:expired`, `path:id`, `body:unknown-field`. */
  malformations: string[];
}

export interface GenerationOptions {
  count: number;
  seed: number;
  /** `Authorization` header values of valid users, by role. */
  validTokens: Record<string, string>;
  /** `Authorization` header values (or null for none) that no endpoint may accept, by kind. */
  badTokens: Record<string, string | null>;
  /** The roles an operation lets in, or 'public'. */
  admitted: (operation: string) => readonly string[] | 'public';
  /** A real record for a path parameter, if the caller has one. */
  record?: (path: string, name: string) => string | undefined;
}

/** Path parameters whose values are not record ids. */
const NOT_RECORD_PARAMS = new Set(['year', 'date', 'body', 'number', 'kind', 'queue', 'reference', 'token']);

/** Percent-encodes anything, lone surrogates included (encodeURIComponent throws on those). */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value)].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
}

const ODD_STRINGS = [
  "'; DROP TABLE replies; --",
  "1' OR '1'='1",
  '" OR ""="',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  '../../etc/passwd',
  'a\u0000b',
  '\u202e\u200b\ufeff',
  '😀👨‍👩‍👧‍👦',
  '\ud800',
  'Ω≈ç√∫˜µ≤≥÷',
  '\u0007\u001b[31m',
  '  ',
  '%00%ff',
  '长'.repeat(3000),
];

/**
 * `count` malformed requests spread evenly over the document's operations (each operation gets
 * count / operations, in a seeded random order of ways to be wrong). Every request to a
 * state-changing method carries at least one malformation the API must refuse whatever the
 * rest says (a bad token on a guarded route, a bad or unknown path id, a body that is not
 * JSON, not an object, or has an unknown or wrongly typed field), so none may change a record.
 */
export function malformedRequests(doc: OpenApi, options: GenerationOptions): MalformedRequest[] {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  const operations = operationsOf(doc);
  const requests: MalformedRequest[] = [];
  const roles = Object.keys(options.validTokens);

  for (let i = 0; i < options.count; i += 1) {
    const { key, method, path, operation } = operations[i % operations.length];
    const admitted = options.admitted(key);
    const isPublic = admitted === 'public';
    const changes = STATE_CHANGING.has(method);
    const malformations: string[] = [];
    let mustRefuse = false;
    const headers: Record<string, string> = {};

    // The caller: mostly someone the route lets in, so the request reaches validation.
    const roll = random();
    if (roll < 0.6 && !isPublic && admitted.length) {
      headers.authorization = options.validTokens[pick(admitted)];
    } else if (roll < 0.75) {
      headers.authorization = options.validTokens[pick(roles)];
    } else {
      const kind = pick(Object.keys(options.badTokens));
      const value = options.badTokens[kind];
      if (value !== null) headers.authorization = value;
      malformations.push(`token:${kind}`);
      if (!isPublic) mustRefuse = true;
    }

    // Path parameters: a real record, an unknown one, or something that is no id at all.
    const pathParams = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
    for (const name of path.match(/\{([^}]+)\}/g)?.map((m) => m.slice(1, -1)) ?? []) {
      if (!pathParams.includes(name)) pathParams.push(name);
    }
    const pathValues = new Map<string, string>();
    const rawPath = new Map<string, string>();
    for (const name of pathParams) {
      const r = random();
      const real = options.record?.(path, name);
      if (r < 0.25) {
        const bad = pick([...HOSTILE_STRINGS.filter((s) => s !== '' && s !== '-1'), ...ODD_STRINGS.slice(0, 12)]);
        pathValues.set(name, bad);
        malformations.push(`path:${name}`);
        mustRefuse = true;
      } else if (r < 0.3) {
        rawPath.set(name, pick(['%FF%FE', '%ED%A0%80', '%', '%2e%2e%2f', '%00', 'x'.repeat(3000)]));
        malformations.push(`path:${name}:raw`);
        mustRefuse = true;
      } else if (r < 0.55 || real === undefined) {
        pathValues.set(name, plausible(name));
        if (!NOT_RECORD_PARAMS.has(name)) {
          malformations.push(`path:${name}:unknown`);
          mustRefuse = true;
        }
      } else {
        pathValues.set(name, real);
      }
    }
    let url = path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
      rawPath.has(name) ? (rawPath.get(name) as string) : encode(pathValues.get(name) ?? plausible(name)),
    );

    // Query parameters: hostile values, repeats, nested keys, unknown names.
    const query: string[] = [];
    for (const param of (operation.parameters ?? []).filter((p) => p.in === 'query')) {
      const r = random();
      if (r < 0.3) continue;
      if (r < 0.75) query.push(`${param.name}=${encode(pick([...HOSTILE_STRINGS, ...ODD_STRINGS]))}`);
      else if (r < 0.85) query.push(`${param.name}=1&${param.name}=2`);
      else if (r < 0.92) query.push(`${param.name}[a]=1`);
      else query.push(`${param.name}=%FF%FE`);
      malformations.push(`query:${param.name}`);
      if (param.required && r >= 0.85) mustRefuse = true;
    }
    if (chance(0.1)) {
      query.push(`unexpected=${encode(pick(ODD_STRINGS))}`);
      malformations.push('query:unknown');
    }
    if (query.length) url += `?${query.join('&')}`;

    // The body.
    const refusedBeforeBody = mustRefuse;
    const json = operation.requestBody?.content?.['application/json']?.schema;
    const form = operation.requestBody?.content?.['multipart/form-data']?.schema;
    let payload: string | Buffer | undefined;
    if (form) {
      const field = Object.keys(resolveSchema(form, doc).properties ?? { file: {} })[0] ?? 'file';
      const r = random();
      if (r < 0.2) {
        payload = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"\r\nbroken`);
        headers['content-type'] = `multipart/form-data; boundary=${BOUNDARY}`;
        malformations.push('multipart:broken');
        mustRefuse = true;
      } else if (r < 0.35) {
        payload = JSON.stringify({ [field]: 'not a file' });
        headers['content-type'] = 'application/json';
        malformations.push('multipart:json-instead');
        mustRefuse = true;
      } else if (r < 0.45) {
        payload = Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\n${pick(ODD_STRINGS)}\r\n--${BOUNDARY}--\r\n`,
        );
        headers['content-type'] = `multipart/form-data; boundary=${BOUNDARY}`;
        malformations.push('multipart:no-file');
        mustRefuse = true;
      } else {
        payload = multipart(
          chance(0.8) ? field : 'unexpected',
          pick(HOSTILE_FILE_NAMES),
          pick(HOSTILE_FILES),
          pick(['application/octet-stream', 'text/csv', 'application/pdf', 'image/png', '../../x']),
        );
        headers['content-type'] = `multipart/form-data; boundary=${BOUNDARY}`;
        malformations.push('multipart:hostile-file');
      }
    } else if (json || (changes && chance(0.5))) {
      const schema = resolveSchema(json, doc);
      const hasDto = Boolean(json);
      const r = random();
      if (r < 0.12 || !hasDto) {
        payload = pick([
          '{"unfinished":',
          '{"a":1,}',
          "{'single':'quotes'}",
          '{"a":1}{"b":2}',
          'NaN',
          '['.repeat(20_000),
          '{"a":"\\ud800\\u0000"',
          '\u0000',
        ]);
        malformations.push('body:unparsable');
        mustRefuse = true;
      } else if (r < 0.2) {
        payload = JSON.stringify(pick([[], 'text', 42, null, true, [{}], ['x'.repeat(10)]]));
        malformations.push('body:not-an-object');
        mustRefuse = true;
      } else {
        const body = sampleObject(schema, doc, random, 0) as Record<string, unknown>;
        const names = Object.keys(schema.properties ?? {});
        if (names.length && chance(0.7)) {
          const name = pick(names);
          body[name] = wrongValueFor(resolveSchema(schema.properties?.[name], doc), random);
          malformations.push(`body:wrong-type:${name}`);
          mustRefuse = true;
        }
        const required = schema.required ?? [];
        if (required.length && chance(0.4)) {
          const name = pick(required);
          delete body[name];
          malformations.push(`body:missing:${name}`);
          mustRefuse = true;
        }
        if (chance(0.3) || (changes && !mustRefuse)) {
          body[pick(['unknownField', 'isAdmin', 'bureauId_', 'role', 'constructor', '$where'])] = pick(ODD_STRINGS);
          malformations.push('body:unknown-field');
          mustRefuse = true;
        }
        payload = JSON.stringify(body);
        if (chance(0.05)) payload = `{"__proto__":{"admin":true},${payload.slice(1)}`;
      }
      // Another content type leaves the body unread, so only where something else is sure to be refused.
      const contentType = random();
      if (contentType < 0.92 || (changes && !refusedBeforeBody)) headers['content-type'] = 'application/json';
      else {
        headers['content-type'] = pick([
          'application/xml',
          'application/x-www-form-urlencoded;x',
          'image/png',
          'application/json; charset=latin1',
        ]);
        malformations.push('content-type');
      }
    }

    if (changes && !mustRefuse) {
      // Nothing above is sure to be refused (a hostile file to a real record, say): make it so.
      headers.authorization =
        options.badTokens[pick(Object.keys(options.badTokens).filter((k) => options.badTokens[k] !== null))] ??
        'Bearer x';
      malformations.push('token:forced');
      if (isPublic) {
        payload = '{"unfinished":';
        headers['content-type'] = 'application/json';
        malformations.push('body:unparsable');
      }
    }
    if (changes && method !== 'delete' && payload === undefined) {
      // A POST without a body is well formed; one with a broken body is not.
      payload = '{"unfinished":';
      headers['content-type'] = 'application/json';
      malformations.push('body:unparsable');
    }
    requests.push({ operation: key, method: method.toUpperCase(), url, headers, payload, malformations });
  }
  return requests;
}

/** A value of the schema's type, often hostile within that type (odd Unicode, SQL, script, huge). */
function sampleObject(schema: Schema, doc: OpenApi, random: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  if (schema.enum?.length) return pick(schema.enum);
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return UNKNOWN_ID;
      if (schema.format === 'date' || /On$|Date$/.test(schema.format ?? '')) return '2026-11-23';
      return random() < 0.5 ? pick(ODD_STRINGS) : '提案答复';
    case 'number':
    case 'integer':
      return pick([0, 1, 7, 2026, -1, 2 ** 31, 1.5]);
    case 'boolean':
      return random() < 0.5;
    case 'array': {
      if (depth > 3) return [];
      const item = resolveSchema(schema.items, doc);
      return Array.from({ length: Math.floor(random() * 3) }, () => sampleObject(item, doc, random, depth + 1));
    }
    case undefined:
    default: {
      if (depth > 3) return {};
      const object: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        object[name] = sampleObject(resolveSchema(property, doc), doc, random, depth + 1);
      }
      return object;
    }
  }
}

/** A value that is not of the property's type, so validation must refuse it. */
function wrongValueFor(property: Schema, random: () => number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  switch (property.type) {
    case 'string':
      return pick([42, true, [], {}, ['a'], { $gt: '' }, 1.2345678901234567e19]);
    case 'number':
    case 'integer':
      return pick(['1', 'x', true, [], {}, '9'.repeat(40), HUGE]);
    case 'boolean':
      return pick(['true', 1, 0, 'yes', [], {}]);
    case 'array':
      return pick(['x', 1, { 0: 'a' }, true, HUGE]);
    case undefined:
    default:
      if (property.enum) return pick([42, true, [], 'not-in-the-enum', HUGE]);
      return pick(['x', 42, true, HUGE, [[[[]]]]]);
  }
}
