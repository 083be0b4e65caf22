import { type ArgumentMetadata, type PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { DafuError } from '../errors/dafu-error';
import { ErrorCode } from '../errors/error-codes';

export interface FieldProblem {
  /** Dotted path, e.g. `proposers.0.name`. */
  field: string;
  /** class-validator constraint names, e.g. `isNotEmpty`, `maxLength`. */
  constraints: string[];
  zh: string;
  en: string;
}

const ZH_CONSTRAINT: Record<string, string> = {
  isNotEmpty: '不能为空',
  isDefined: '必须填写',
  whitelistValidation: '是不认识的字段',
  maxLength: '内容过长',
  minLength: '内容过短',
  isInt: '须为整数',
  min: '数值过小',
  max: '数值过大',
  isEnum: '取值不在允许范围内',
  isIn: '取值不在允许范围内',
  isUuid: '须为有效的编号（UUID）',
  isDateString: '须为日期，如 2023-07-13',
  isIso8601: '须为日期，如 2023-07-13',
  isString: '须为文字',
  isBoolean: '须为是或否',
  isArray: '须为列表',
  arrayMinSize: '至少需要一项',
  arrayMaxSize: '项目过多',
  matches: '格式不正确',
  nestedValidation: '内容有误',
};

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldProblem[] = error.constraints
      ? [
          {
            field,
            constraints: Object.keys(error.constraints),
            zh: `${field}：${Object.keys(error.constraints)
              .map((c) => ZH_CONSTRAINT[c] ?? '不符合要求')
              .join('，')}`,
            en: Object.values(error.constraints).join('; '),
          },
        ]
      : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function validationFailed(errors: ValidationError[]): DafuError {
  return new DafuError(ErrorCode.ValidationFailed, { fields: flattenValidationErrors(errors) });
}

/** The one validation pipe of the API: unknown fields refused, types transformed, coded field errors. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: validationFailed,
  });
}

/**
 * For a partial update: the field may be left out, but when sent it must be valid; `null` is
 * validated (and refused by the type check) instead of passing as "absent" the way
 * `@IsOptional()` lets it, only to fail a NOT NULL column.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/** The largest integer a PostgreSQL integer column holds; no count, number or version here exceeds it. */
const LARGEST_STORABLE_INTEGER = 2_147_483_647;

interface Unstorable {
  field: string;
  constraint: 'noNulCharacter' | 'wellFormedUnicode' | 'storableInteger' | 'whitelistValidation';
}

/** A UTF-16 surrogate without its partner: no UTF-8 text (so no PostgreSQL column) can hold it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What a request's input carries that PostgreSQL cannot store, by field path: the NUL character
 * and lone surrogates in text, and integers beyond an integer column. Also keys named like the
 * properties every object inherits (`constructor`, `toString`, `__proto__`…): class-validator's
 * whitelist looks field names up in a plain object, so it takes those for known fields and lets
 * them through, where any other unknown field is refused.
 */
export function unstorableValues(value: unknown, path = ''): Unstorable[] {
  const field = path || 'value';
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return [{ field, constraint: 'noNulCharacter' }];
    return LONE_SURROGATE.test(value) ? [{ field, constraint: 'wellFormedUnicode' }] : [];
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) && Math.abs(value) > LARGEST_STORABLE_INTEGER
      ? [{ field, constraint: 'storableInteger' }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => unstorableValues(item, path ? `${path}.${i}` : `${i}`));
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(key in Object.prototype
        ? [{ field: path ? `${path}.${key}` : key, constraint: 'whitelistValidation' as const }]
        : []),
      ...unstorableValues(key, path ? `${path}.${key}` : key),
      ...unstorableValues(item, path ? `${path}.${key}` : key),
    ]);
  }
  return [];
}

/** Only the fields holding a NUL; see unstorableValues. */
export function nulCharacterFields(value: unknown, path = ''): string[] {
  return unstorableValues(value, path)
    .filter((u) => u.constraint === 'noNulCharacter')
    .map((u) => u.field);
}

const UNSTORABLE_MESSAGES: Record<Unstorable['constraint'], { zh: string; en: string }> = {
  noNulCharacter: { zh: '含有不允许的控制字符（NUL）', en: 'contains a NUL character, which is not allowed' },
  wellFormedUnicode: {
    zh: '含有无效的字符（不成对的代理项）',
    en: 'contains a lone UTF-16 surrogate, which is not text',
  },
  storableInteger: { zh: '数值过大', en: 'is a number too large to be meant' },
  whitelistValidation: { zh: '是不认识的字段', en: 'is not a known field' },
};

/** A request body declared as a DTO class (not a primitive, an array or a bare object). */
function isDtoClass(metatype: ArgumentMetadata['metatype']): boolean {
  return typeof metatype === 'function' && ![String, Number, Boolean, Array, Object].includes(metatype as never);
}

/**
 * Refuses any body, query or path value holding what PostgreSQL cannot store (the NUL character
 * or a lone surrogate in text, an integer beyond an integer column) with a coded 400 naming the
 * field: it would otherwise reach the database or a validator and fail there (a 500 and, at
 * worst, a half-done request). Also refuses inherited property names as keys (see
 * unstorableValues) and a body that is not a JSON object where the endpoint takes one.
 */
export class RefuseUnstorableValuesPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    // Nest's ValidationPipe turns a null body into {}, so `null` would pass as an empty update.
    const notAnObject = value === null || typeof value !== 'object' || Array.isArray(value);
    if (
      metadata.type === 'body' &&
      !metadata.data &&
      isDtoClass(metadata.metatype) &&
      value !== undefined &&
      notAnObject
    ) {
      throw new DafuError(ErrorCode.ValidationFailed, {
        fields: [
          {
            field: 'body',
            constraints: ['isObject'],
            zh: 'body：请求内容须为 JSON 对象',
            en: 'body: the request body must be a JSON object',
          },
        ],
      });
    }
    const found = unstorableValues(value, metadata.data ?? '');
    if (found.length === 0) return value;
    throw new DafuError(ErrorCode.ValidationFailed, {
      fields: found.map(({ field, constraint }) => ({
        field,
        constraints: [constraint],
        zh: `${field}：${UNSTORABLE_MESSAGES[constraint].zh}`,
        en: `${field}: ${UNSTORABLE_MESSAGES[constraint].en}`,
      })),
    });
  }
}
