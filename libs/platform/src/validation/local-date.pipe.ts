import { Injectable, PipeTransform } from '@nestjs/common';
import { DafuError } from '../errors/dafu-error';
import { ErrorCode } from '../errors/error-codes';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A route parameter that must be a real calendar date, 'YYYY-MM-DD'. */
@Injectable()
export class LocalDatePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const match = LOCAL_DATE.exec(value);
    const valid =
      match !== null &&
      new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().slice(0, 10) === value;
    if (!valid) {
      throw new DafuError(ErrorCode.ValidationFailed, {
        fields: [
          {
            field: 'date',
            constraints: ['isDate'],
            zh: `date：“${value}”不是有效日期，如 2026-10-01`,
            en: `"${value}" is not a date like 2026-10-01`,
          },
        ],
      });
    }
    return value;
  }
}
