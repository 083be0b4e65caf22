import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/*
 * Checks an answer against the response schema the OpenAPI document gives it, so e2e specs show
 * the documented DTOs are what the endpoints really send: every required property present, no
 * property the document does not name, and each value of its type. The committed document is
 * read (test/web/web-client.spec.ts keeps it equal to what the API produces).
 */

interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  allOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  format?: string;
}

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

let loaded: OpenApiDocument | undefined;
function openApi(): OpenApiDocument {
  loaded ??= JSON.parse(
    readFileSync(resolve(__dirname, '../../../apps/web/src/api/openapi.json'), 'utf8'),
  ) as OpenApiDocument;
  return loaded;
}

function resolved(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const target = openApi().components.schemas[schema.$ref.replace('#/components/schemas/', '')];
  if (!target) throw new Error(`No schema ${schema.$ref}`);
  return target;
}

function problemsOf(value: unknown, given: Schema, at: string): string[] {
  const schema = resolved(given);
  if (value === null) return schema.nullable ? [] : [`${at}: null, not nullable`];
  if (schema.allOf) return schema.allOf.flatMap((part) => problemsOf(value, part, at));
  if (schema.oneOf) {
    return schema.oneOf.some((part) => problemsOf(value, part, at).length === 0) ? [] : [`${at}: matches no oneOf`];
  }
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in the enum`];
  switch (schema.type) {
    case 'string':
      return typeof value === 'string' ? [] : [`${at}: ${typeof value}, not a string`];
    case 'number':
    case 'integer':
      return typeof value === 'number' ? [] : [`${at}: ${typeof value}, not a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: ${typeof value}, not a boolean`];
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((item, index) => (schema.items ? problemsOf(item, schema.items, `${at}[${index}]`) : []))
        : [`${at}: not an array`];
    case 'object':
    case undefined: {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
      const record = value as Record<string, unknown>;
      const properties = schema.properties ?? {};
      const missing = (schema.required ?? []).filter((key) => !(key in record)).map((key) => `${at}.${key}: missing`);
      const extra =
        schema.additionalProperties || !schema.properties
          ? []
          : Object.keys(record)
              .filter((key) => !(key in properties))
              .map((key) => `${at}.${key}: not documented`);
      const typed = Object.entries(record).flatMap(([key, item]) =>
        properties[key] && item !== undefined ? problemsOf(item, properties[key], `${at}.${key}`) : [],
      );
      return [...missing, ...extra, ...typed];
    }
    default:
      return [`${at}: schema type ${schema.type} not checked`];
  }
}

/**
 * What differs between `body` and the JSON response the document gives `method path` for `status`
 * (`path` as the document writes it: '/replies/{id}/diff'); empty when they agree.
 */
export function undocumentedShape(body: unknown, method: string, path: string, status = '200'): string[] {
  const operation = openApi().paths[path]?.[method.toLowerCase()];
  const schema = operation?.responses?.[status]?.content?.['application/json']?.schema;
  if (!schema) return [`${method} ${path} documents no JSON response for ${status}`];
  return problemsOf(body, schema, 'body');
}
