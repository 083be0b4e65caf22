import { Type } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Min, ValidateNested, validateSync } from 'class-validator';
import { DafuError } from '../errors/dafu-error';
import { ErrorCode } from '../errors/error-codes';
import {
  flattenValidationErrors,
  IsOmittable,
  nulCharacterFields,
  RefuseUnstorableValuesPipe,
  unstorableValues,
  validationFailed,
} from './validation';

class PersonDto {
  @IsString() @IsNotEmpty() name: string;
}

class ProposalDto {
  @IsInt() @Min(1) number: number;
  @ValidateNested({ each: true }) @Type(() => PersonDto) proposers: PersonDto[];
}

function errorsOf(plain: object) {
  return validateSync(plainToInstance(ProposalDto, plain));
}

describe('flattenValidationErrors', () => {
  it('names nested fields by their path, with the constraint, in Chinese and English', () => {
    const problems = flattenValidationErrors(errorsOf({ number: 0, proposers: [{ name: '姚峥' }, { name: '' }] }));
    expect(problems).toEqual([
      { field: 'number', constraints: ['min'], zh: 'number：数值过小', en: expect.stringContaining('number') },
      {
        field: 'proposers.1.name',
        constraints: ['isNotEmpty'],
        zh: 'proposers.1.name：不能为空',
        en: expect.any(String),
      },
    ]);
  });

  it('finds nothing to say about valid input', () => {
    expect(flattenValidationErrors(errorsOf({ number: 146, proposers: [{ name: '姚峥' }] }))).toEqual([]);
  });
});

describe('validationFailed', () => {
  it('is a coded error carrying the fields', () => {
    const error = validationFailed(errorsOf({ number: 'x', proposers: [] }));
    expect(error).toBeInstanceOf(DafuError);
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.details).toEqual({
      fields: [expect.objectContaining({ field: 'number', constraints: ['min', 'isInt'] })],
    });
  });
});

describe('RefuseUnstorableValuesPipe', () => {
  it('refuses integers beyond an integer column in either direction (1e300 is one), and lets fractions and digit strings be', () => {
    expect(unstorableValues({ version: 12345678901234567000, copies: -2_147_483_648, n: 2_147_483_647 })).toEqual([
      { field: 'version', constraint: 'storableInteger' },
      { field: 'copies', constraint: 'storableInteger' },
    ]);
    expect(unstorableValues({ ratio: 1e300, text: '99999999999999999999' })).toEqual([
      { field: 'ratio', constraint: 'storableInteger' },
    ]);
    expect(unstorableValues({ ratio: 0.5, text: '99999999999999999999', at: 2_147_483_647 })).toEqual([]);
  });

  const pipe = new RefuseUnstorableValuesPipe();

  it('names every field of a body, query or path value that holds a NUL, nested ones by their path', () => {
    expect(nulCharacterFields({ title: '养老\u0000服务', proposers: [{ name: 'ok' }, { name: '刘\u0000' }] })).toEqual([
      'title',
      'proposers.1.name',
    ]);
    expect(nulCharacterFields({ ['a\u0000']: 1 })).toEqual(['a\u0000']);
    expect(() => pipe.transform('三\u0000民', { type: 'param', data: 'id' })).toThrow(
      expect.objectContaining({ code: ErrorCode.ValidationFailed }),
    );
    try {
      pipe.transform({ q: 'a\u0000b' }, { type: 'query' });
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(DafuError);
      expect((error as DafuError).details).toEqual({
        fields: [expect.objectContaining({ field: 'q', constraints: ['noNulCharacter'] })],
      });
    }
  });

  it('refuses lone surrogates, which no UTF-8 text holds (a validator threw URIError on one in an e-mail)', () => {
    expect(unstorableValues({ email: '\ud800', ok: '😀', low: 'a\udc00' })).toEqual([
      { field: 'email', constraint: 'wellFormedUnicode' },
      { field: 'low', constraint: 'wellFormedUnicode' },
    ]);
  });

  it('refuses keys every object inherits, which the whitelist would take for known fields', () => {
    expect(unstorableValues({ note: 'x', constructor: 'y', nested: { toString: 1 } })).toEqual([
      { field: 'constructor', constraint: 'whitelistValidation' },
      { field: 'nested.toString', constraint: 'whitelistValidation' },
    ]);
    expect(() => pipe.transform(JSON.parse('{"hasOwnProperty":1}'), { type: 'body' })).toThrow(
      expect.objectContaining({ code: ErrorCode.ValidationFailed }),
    );
  });

  it('refuses a body that is not a JSON object where the endpoint takes a DTO, and lets an absent one be', () => {
    for (const body of [null, 42, 'text', true, []]) {
      expect(() => pipe.transform(body, { type: 'body', metatype: ProposalDto })).toThrow(
        expect.objectContaining({ code: ErrorCode.ValidationFailed }),
      );
    }
    expect(pipe.transform(undefined, { type: 'body', metatype: ProposalDto })).toBeUndefined();
    expect(pipe.transform(null, { type: 'body', metatype: Object })).toBeNull();
    expect(pipe.transform(['a'], { type: 'body', metatype: Array })).toEqual(['a']);
  });

  it('lets everything else through unchanged, including custom parameters', () => {
    const body = { title: '关于加快养老服务发展的建议', n: 3, list: ['a', null], when: null };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
    const actor = { name: '\u0000' };
    expect(pipe.transform(actor, { type: 'custom' })).toBe(actor);
  });
});

describe('IsOmittable', () => {
  class PartialRulesDto {
    @IsOmittable() @IsInt() @Min(1) replyMonths?: number;
  }
  const errors = (plain: object) => validateSync(plainToInstance(PartialRulesDto, plain));

  it('lets a field be left out, but validates it when sent, null included', () => {
    expect(errors({})).toEqual([]);
    expect(errors({ replyMonths: 3 })).toEqual([]);
    expect(flattenValidationErrors(errors({ replyMonths: null }))).toEqual([
      expect.objectContaining({ field: 'replyMonths', constraints: expect.arrayContaining(['isInt']) }),
    ]);
  });
});
