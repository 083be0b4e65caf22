import { DafuError } from '../errors/dafu-error';
import { ErrorCode } from '../errors/error-codes';
import { CalendarYearPipe } from './calendar-year.pipe';

describe('CalendarYearPipe', () => {
  const pipe = new CalendarYearPipe();

  it.each(['1949', '2026', '2200'])('takes %s', (value) => {
    expect(pipe.transform(value)).toBe(Number(value));
  });

  it.each(['-1', '1948', '2201', '20266', '2026.5', 'abcd', '', '0x7e8'])('refuses %s with a coded 400', (value) => {
    expect(() => pipe.transform(value)).toThrow(DafuError);
    try {
      pipe.transform(value);
    } catch (error) {
      expect((error as DafuError).code).toBe(ErrorCode.ValidationFailed);
    }
  });
});
