import { Injectable } from '@nestjs/common';

/**
 * The one source of "now" for business dates (today's date, the sign-off date). Tests pin it to
 * replay the seed letters on their own dates; production reads the system time.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
