import { ValidationError, ValidationPipe } from '@nestjs/common';
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
