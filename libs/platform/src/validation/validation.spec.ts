import { Type } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Min, ValidateNested, validateSync } from 'class-validator';
import { DafuError } from '../errors/dafu-error';
import { ErrorCode } from '../errors/error-codes';
import { flattenValidationErrors, validationFailed } from './validation';

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
