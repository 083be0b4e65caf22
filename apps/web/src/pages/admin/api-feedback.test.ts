import { ApiError } from '../../api/errors';
import { fieldErrorsOf } from './api-feedback';

const invalid = new ApiError(400, {
  code: 'VALIDATION_FAILED',
  messages: { zh: '提交的内容有误，请按提示修改。', en: 'Some fields are invalid; see details.' },
  details: {
    fields: [
      {
        field: 'password',
        constraints: ['matches'],
        zh: 'password：格式不正确',
        en: 'password must have 10 characters',
      },
      { field: 'steps.1.name', constraints: ['maxLength'], zh: 'steps.1.name：内容过长', en: 'steps.1.name: too long' },
    ],
  },
} as ConstructorParameters<typeof ApiError>[1]);

describe('fieldErrorsOf', () => {
  it('puts each field message at its field path, without the field name the form already shows', () => {
    expect(fieldErrorsOf(invalid, 'zh')).toEqual([
      { name: ['password'], errors: ['格式不正确'] },
      { name: ['steps', 1, 'name'], errors: ['内容过长'] },
    ]);
    expect(fieldErrorsOf(invalid, 'en')).toEqual([
      { name: ['password'], errors: ['password must have 10 characters'] },
      { name: ['steps', 1, 'name'], errors: ['too long'] },
    ]);
  });

  it('reads a rule’s problems the same way', () => {
    const problem = new ApiError(400, {
      code: 'GRADE_SCALE_INVALID',
      details: { problems: [{ field: 'classes', zh: 'classes：等次A重复', en: 'classes: grade A appears twice' }] },
    } as ConstructorParameters<typeof ApiError>[1]);
    expect(fieldErrorsOf(problem, 'zh')).toEqual([{ name: ['classes'], errors: ['等次A重复'] }]);
  });

  it('names the field of a coded refusal only when asked, and nothing for other errors', () => {
    const taken = new ApiError(409, { code: 'USERNAME_TAKEN', messages: { zh: '用户名已被使用。', en: 'Taken.' } });
    expect(fieldErrorsOf(taken, 'zh', { USERNAME_TAKEN: 'username' })).toEqual([
      { name: ['username'], errors: ['用户名已被使用。'] },
    ]);
    expect(fieldErrorsOf(taken, 'zh')).toEqual([]);
    expect(fieldErrorsOf(new TypeError('fetch failed'), 'zh')).toEqual([]);
  });
});
