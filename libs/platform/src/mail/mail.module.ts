import { Global, Module } from '@nestjs/common';
import { Mailer } from './mailer';

/** One SMTP transport per process, shared by the letters and the notifications. */
@Global()
@Module({ providers: [Mailer], exports: [Mailer] })
export class MailModule {}
