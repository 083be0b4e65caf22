import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { DafuConfig } from '../config/dafu-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** The SMTP server letters and notifications go out through (SMTP_URL); none configured means no e-mail. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private transport?: Transporter;

  constructor(private readonly config: DafuConfig) {}

  get enabled(): boolean {
    return this.config.mail.smtpUrl !== null;
  }

  /** Returns the server's reply; throws when the server refuses or cannot be reached. */
  async send(mail: OutgoingMail): Promise<string> {
    if (!this.config.mail.smtpUrl) throw new Error('No SMTP server is configured (SMTP_URL)');
    this.transport ??= createTransport(this.config.mail.smtpUrl, {
      from: this.config.mail.from,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as never);
    const info = await this.transport.sendMail({ ...mail, from: this.config.mail.from });
    return String(info.response ?? '');
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
