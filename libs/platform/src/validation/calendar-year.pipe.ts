import { Injectable, PipeTransform } from '@nestjs/common';
import { DafuError } from '../errors/dafu-error';
import { ErrorCode } from '../errors/error-codes';

/** The years a work calendar can hold (the database's own bounds on work_calendar_years). */
export const FIRST_CALENDAR_YEAR = 1949;
export const LAST_CALENDAR_YEAR = 2200;

/** A route parameter that must be a year of the work calendar, e.g. 2026. */
@Injectable()
export class CalendarYearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(year >= FIRST_CALENDAR_YEAR && year <= LAST_CALENDAR_YEAR)) {
      throw new DafuError(ErrorCode.ValidationFailed, {
        fields: [
          {
            field: 'year',
            constraints: ['isCalendarYear'],
            zh: `year：“${value}”不是${FIRST_CALENDAR_YEAR}至${LAST_CALENDAR_YEAR}年间的年份`,
            en: `"${value}" is not a year from ${FIRST_CALENDAR_YEAR} to ${LAST_CALENDAR_YEAR}`,
          },
        ],
      });
    }
    return year;
  }
}
