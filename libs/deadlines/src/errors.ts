import { DafuError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';

export class CalendarDayNotFoundError extends DafuError {
  constructor(date: string) {
    super(ErrorCode.CalendarDayNotFound, { date });
  }
}
export class WorkingWeekendNotWeekendError extends DafuError {
  constructor(date: string) {
    super(ErrorCode.CalendarWorkingWeekendNotWeekend, { date });
  }
}
