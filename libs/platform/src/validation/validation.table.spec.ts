import { Type } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validate,
  ValidateNested,
} from 'class-validator';
import { DafuError } from '../errors/dafu-error';
import { describeError, ErrorCode } from '../errors/error-codes';
import { createValidationPipe, type FieldProblem, flattenValidationErrors, validationFailed } from './validation';

class ContactDto {
  @IsString() @Matches(/^\d{11}$/) phone: string;
}

class ProposerDto {
  @IsString() @IsNotEmpty() @MaxLength(10) name: string;
  @IsOptional() @ValidateNested() @Type(() => ContactDto) contact?: ContactDto;
}

class ProposalDto {
  @IsInt() @Min(1) number: number;
  @IsString() @IsNotEmpty() title: string;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => ProposerDto) proposers: ProposerDto[];
  @IsOptional() @ValidateNested() @Type(() => ContactDto) office?: ContactDto;
}

const VALID = { number: 146, title: '关于加快养老服务体系建设的提案', proposers: [{ name: '姚峥' }] };

async function problemsOf(plain: object, options: { forbidUnknown?: boolean } = {}): Promise<FieldProblem[]> {
  const errors = await validate(plainToInstance(ProposalDto, plain), {
    whitelist: options.forbidUnknown ?? false,
    forbidNonWhitelisted: options.forbidUnknown ?? false,
  });
  return flattenValidationErrors(errors);
}

describe('flattenValidationErrors', () => {
  it('finds nothing to say about valid input', async () => {
    expect(await problemsOf(VALID)).toEqual([]);
    expect(await problemsOf({ ...VALID, proposers: [{ name: '姚峥', contact: { phone: '13800000000' } }] })).toEqual(
      [],
    );
  });

  it.each<[string, object, FieldProblem[]]>([
    [
      'a top-level field',
      { ...VALID, number: 0 },
      [{ field: 'number', constraints: ['min'], zh: 'number：数值过小', en: 'number must not be less than 1' }],
    ],
    [
      'a field inside the second element of a list',
      { ...VALID, proposers: [{ name: '姚峥' }, { name: '' }] },
      [
        {
          field: 'proposers.1.name',
          constraints: ['isNotEmpty'],
          zh: 'proposers.1.name：不能为空',
          en: 'name should not be empty',
        },
      ],
    ],
    [
      'a field inside the first element of a list',
      { ...VALID, proposers: [{ name: '一个很长很长很长很长的名字' }] },
      [
        {
          field: 'proposers.0.name',
          constraints: ['maxLength'],
          zh: 'proposers.0.name：内容过长',
          en: 'name must be shorter than or equal to 10 characters',
        },
      ],
    ],
    [
      'a field two levels down',
      { ...VALID, proposers: [{ name: '姚峥' }, { name: '刘晓静', contact: { phone: '12345' } }] },
      [
        {
          field: 'proposers.1.contact.phone',
          constraints: ['matches'],
          zh: 'proposers.1.contact.phone：格式不正确',
          en: expect.stringContaining('phone must match'),
        },
      ],
    ],
    [
      'a field of a nested object',
      { ...VALID, office: { phone: 'x' } },
      [
        {
          field: 'office.phone',
          constraints: ['matches'],
          zh: 'office.phone：格式不正确',
          en: expect.stringContaining('phone must match'),
        },
      ],
    ],
    [
      'an empty list',
      { ...VALID, proposers: [] },
      [
        {
          field: 'proposers',
          constraints: ['arrayMinSize'],
          zh: 'proposers：至少需要一项',
          en: 'proposers must contain at least 1 elements',
        },
      ],
    ],
  ])('names %s by its dotted path', async (_name, plain, expected) => {
    expect(await problemsOf(plain)).toEqual(expected);
  });

  it('joins several constraints of one field: zh with ，and en with ;', async () => {
    const [problem] = await problemsOf({ ...VALID, title: undefined });
    expect(problem.field).toBe('title');
    expect([...problem.constraints].sort()).toEqual(['isNotEmpty', 'isString']);
    const zhParts = problem.zh.replace('title：', '').split('，').sort();
    expect(zhParts).toEqual(['不能为空', '须为文字'].sort());
    expect(problem.en.split('; ').sort()).toEqual(['title must be a string', 'title should not be empty'].sort());
  });

  it('reports every broken field, in different branches, each once', async () => {
    const problems = await problemsOf({
      number: 'x',
      title: '提案',
      proposers: [{ name: '' }, { name: '姚峥', contact: { phone: '1' } }, { name: '' }],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'number',
      'proposers.0.name',
      'proposers.1.contact.phone',
      'proposers.2.name',
    ]);
  });

  it('names a list element that is not an object', async () => {
    const problems = await problemsOf({ ...VALID, proposers: ['姚峥'] });
    expect(problems).toEqual([
      expect.objectContaining({ field: 'proposers.0', constraints: ['nestedValidation'], zh: 'proposers.0：内容有误' }),
    ]);
  });

  it('names a field nobody asked for when unknown fields are forbidden', async () => {
    const problems = await problemsOf(
      { ...VALID, proposers: [{ name: '姚峥', age: 50 }], secret: 1 },
      { forbidUnknown: true },
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          field: 'secret',
          constraints: ['whitelistValidation'],
          zh: 'secret：是不认识的字段',
          en: 'property secret should not exist',
        },
        {
          field: 'proposers.0.age',
          constraints: ['whitelistValidation'],
          zh: 'proposers.0.age：是不认识的字段',
          en: 'property age should not exist',
        },
      ]),
    );
    expect(problems).toHaveLength(2);
  });

  it('gives every problem a Chinese text that starts with the field and contains CJK', async () => {
    const problems = await problemsOf({ number: -1, title: '', proposers: [{ name: '' }] });
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.zh.startsWith(`${p.field}：`)).toBe(true);
      expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.en).not.toBe('');
    }
  });

  it('uses a general wording for a constraint it has no words for', async () => {
    class EmailDto {
      @IsEmail() email: string;
    }
    const errors = await validate(plainToInstance(EmailDto, { email: 'not-an-email' }));
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'email', constraints: ['isEmail'], zh: 'email：不符合要求', en: 'email must be an email' },
    ]);
  });

  it('prefixes every field with a parent path when given one', async () => {
    const errors = await validate(plainToInstance(ProposalDto, { ...VALID, number: 0 }));
    expect(flattenValidationErrors(errors, 'rows.3').map((p) => [p.field, p.zh])).toEqual([
      ['rows.3.number', 'rows.3.number：数值过小'],
    ]);
  });

  it('has nothing to say about no errors', () => {
    expect(flattenValidationErrors([])).toEqual([]);
  });
});

enum Grade {
  A = 'A',
  B = 'B',
}

class EveryConstraintDto {
  @IsOptional() @IsNotEmpty() notEmpty?: string;
  @IsDefined() defined: string;
  @IsOptional() @MaxLength(2) maxLength?: string;
  @IsOptional() @MinLength(3) minLength?: string;
  @IsOptional() @IsInt() int?: number;
  @IsOptional() @Min(1) min?: number;
  @IsOptional() @Max(9) max?: number;
  @IsOptional() @IsEnum(Grade) enumValue?: string;
  @IsOptional() @IsIn(['public', 'on_request']) inValue?: string;
  @IsOptional() @IsUUID() uuid?: string;
  @IsOptional() @IsDateString() dateString?: string;
  @IsOptional() @IsISO8601({ strict: true }) iso8601?: string;
  @IsOptional() @IsString() text?: unknown;
  @IsOptional() @IsBoolean() bool?: unknown;
  @IsOptional() @IsArray() list?: unknown;
  @IsOptional() @ArrayMinSize(1) arrayMin?: unknown[];
  @IsOptional() @ArrayMaxSize(1) arrayMax?: unknown[];
  @IsOptional() @Matches(/^\d+$/) pattern?: string;
}

async function onlyProblemOf(field: keyof EveryConstraintDto, value: unknown): Promise<FieldProblem> {
  const errors = await validate(plainToInstance(EveryConstraintDto, { defined: 'x', [field]: value }));
  const problems = flattenValidationErrors(errors);
  expect(problems).toHaveLength(1);
  return problems[0];
}

describe('the Chinese wording of each constraint a DTO uses', () => {
  it.each<[keyof EveryConstraintDto, unknown, string, string]>([
    ['notEmpty', '', 'isNotEmpty', '不能为空'],
    ['maxLength', 'abc', 'maxLength', '内容过长'],
    ['minLength', 'ab', 'minLength', '内容过短'],
    ['int', 1.5, 'isInt', '须为整数'],
    ['min', 0, 'min', '数值过小'],
    ['max', 10, 'max', '数值过大'],
    ['enumValue', 'E', 'isEnum', '取值不在允许范围内'],
    ['inValue', 'secret', 'isIn', '取值不在允许范围内'],
    ['uuid', 'not-a-uuid', 'isUuid', '须为有效的编号（UUID）'],
    ['dateString', '13 July', 'isDateString', '须为日期，如 2023-07-13'],
    ['text', 42, 'isString', '须为文字'],
    ['bool', 'yes', 'isBoolean', '须为是或否'],
    ['list', 'x', 'isArray', '须为列表'],
    ['arrayMin', [], 'arrayMinSize', '至少需要一项'],
    ['arrayMax', [1, 2], 'arrayMaxSize', '项目过多'],
    ['pattern', 'abc', 'matches', '格式不正确'],
  ])('%s = %p breaks %s: %s', async (field, value, constraint, zh) => {
    const problem = await onlyProblemOf(field, value);
    expect(problem.constraints).toEqual([constraint]);
    expect(problem.zh).toBe(`${field}：${zh}`);
  });

  it('isDefined: 必须填写', async () => {
    const errors = await validate(plainToInstance(EveryConstraintDto, {}));
    expect(flattenValidationErrors(errors)).toEqual([
      expect.objectContaining({ field: 'defined', constraints: ['isDefined'], zh: 'defined：必须填写' }),
    ]);
  });

  // class-validator names the @IsISO8601 constraint 'isIso8601': dates must get their own wording.
  it('iso8601 = 2023-7-13 breaks isIso8601: 须为日期，如 2023-07-13', async () => {
    const problem = await onlyProblemOf('iso8601', '2023-7-13');
    expect(problem.constraints).toEqual(['isIso8601']);
    expect(problem.zh).toBe('iso8601：须为日期，如 2023-07-13');
  });
});

describe('validationFailed', () => {
  it('is a DafuError coded VALIDATION_FAILED that carries the fields', async () => {
    const errors = await validate(plainToInstance(ProposalDto, { ...VALID, number: 0, proposers: [{ name: '' }] }));
    const error = validationFailed(errors);
    expect(error).toBeInstanceOf(DafuError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual({ fields: flattenValidationErrors(errors) });
    expect((error.details as { fields: FieldProblem[] }).fields.map((f) => f.field)).toEqual([
      'number',
      'proposers.0.name',
    ]);
  });

  it('answers 400 with the catalogue’s words', () => {
    const error = validationFailed([]);
    expect(describeError(error.code)).toMatchObject({ status: 400 });
    expect(error.details).toEqual({ fields: [] });
  });
});

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();
  const metadata = { type: 'body' as const, metatype: ProposalDto, data: '' };

  async function refusal(body: object): Promise<DafuError> {
    try {
      await pipe.transform(body, metadata);
    } catch (error) {
      if (error instanceof DafuError) return error;
      throw error;
    }
    throw new Error('accepted');
  }

  it('turns a valid body into the DTO class', async () => {
    const result = await pipe.transform({ ...VALID }, metadata);
    expect(result).toBeInstanceOf(ProposalDto);
    expect(result.proposers[0]).toBeInstanceOf(ProposerDto);
  });

  it('refuses unknown fields with a coded error naming them', async () => {
    const error = await refusal({ ...VALID, status: 'closed' });
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.details).toEqual({
      fields: [expect.objectContaining({ field: 'status', constraints: ['whitelistValidation'] })],
    });
  });

  it('does not convert a string to a number on its own', async () => {
    const error = await refusal({ ...VALID, number: '146' });
    expect(error.details).toEqual({ fields: [expect.objectContaining({ field: 'number' })] });
  });

  it('names nested fields by their dotted path', async () => {
    const error = await refusal({ ...VALID, proposers: [{ name: '姚峥' }, { name: '' }] });
    expect(error.details).toEqual({
      fields: [expect.objectContaining({ field: 'proposers.1.name', zh: 'proposers.1.name：不能为空' })],
    });
  });
});
