import { type ArgumentMetadata, type PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';
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

/** Where a request's input carries the NUL character, by field path; PostgreSQL cannot store it in text. */
export function nulCharacterFields(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path || 'value'] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulCharacterFields(item, path ? `${path}.${i}` : `${i}`));
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.entries(value).flatMap(([key, item]) => [
      ...nulCharacterFields(key, path ? `${path}.${key}` : key),
      ...nulCharacterFields(item, path ? `${path}.${key}` : key),
    ]);
  }
  return [];
}

/**
 * Refuses any body, query or path value holding the NUL character with a coded 400: it would
 * otherwise reach PostgreSQL, which refuses it in text (a 500 and, at worst, a half-done request).
 */
export class RefuseNulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const fields = [...new Set(nulCharacterFields(value, metadata.data ?? ''))];
    if (fields.length === 0) return value;
    throw new DafuError(ErrorCode.ValidationFailed, {
      fields: fields.map((field) => ({
        field,
        constraints: ['noNulCharacter'],
        zh: `${field}：含有不允许的控制字符（NUL）`,
        en: `${field}: contains a NUL character, which is not allowed`,
      })),
    });
  }
}
