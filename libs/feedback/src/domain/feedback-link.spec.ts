import { feedbackLinkExpiry, signFeedbackToken, verifyFeedbackToken } from './feedback-link';

const SECRET = 'a-feedback-link-secret-of-at-least-32-chars';
const REPLY = '3f1c2b6e-8a4d-4c1e-9b7a-0d2e5f6a7b8c';
const now = new Date('2026-01-10T08:00:00Z');

describe('feedback links', () => {
  const expiresAt = feedbackLinkExpiry(now, 60);
  const token = signFeedbackToken(REPLY, expiresAt, SECRET);

  it('expires after the given number of days', () => {
    expect(expiresAt.toISOString()).toBe('2026-03-11T08:00:00.000Z');
  });

  it('is URL-safe and short enough for a path segment (Fastify allows 100 characters)', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(token.length).toBeLessThanOrEqual(60);
  });

  it('verifies to its reply until it expires', () => {
    expect(verifyFeedbackToken(token, now, SECRET)).toEqual({ ok: true, replyId: REPLY, expiresAt });
    expect(verifyFeedbackToken(token, new Date(expiresAt.getTime() - 1000), SECRET).ok).toBe(true);
  });

  it('reads an upper-case reply id as the same reply', () => {
    const upper = signFeedbackToken(REPLY.toUpperCase(), expiresAt, SECRET);
    expect(verifyFeedbackToken(upper, now, SECRET)).toEqual({ ok: true, replyId: REPLY, expiresAt });
  });

  it('refuses it at and after the expiry', () => {
    expect(verifyFeedbackToken(token, expiresAt, SECRET)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyFeedbackToken(token, new Date('2027-01-01'), SECRET)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses another key', () => {
    expect(verifyFeedbackToken(token, now, `${SECRET}x`)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a payload changed to another reply or a later expiry', () => {
    const [payload, signature] = token.split('.');
    const otherReply = Buffer.from(payload, 'base64url');
    otherReply[0] ^= 0xff;
    const later = Buffer.from(payload, 'base64url');
    later.writeUInt32BE(later.readUInt32BE(16) + 86400, 16);
    for (const changed of [otherReply, later]) {
      expect(verifyFeedbackToken(`${changed.toString('base64url')}.${signature}`, now, SECRET)).toEqual({
        ok: false,
        reason: 'bad_signature',
      });
    }
  });

  it('refuses a truncated signature', () => {
    expect(verifyFeedbackToken(token.slice(0, -4), now, SECRET)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyFeedbackToken(token.slice(0, -1), now, SECRET)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses to sign something that is not a reply id', () => {
    expect(() => signFeedbackToken('not-a-uuid', expiresAt, SECRET)).toThrow();
  });

  it.each([
    '',
    'abc',
    'a.b.c',
    'not base64!.sig',
    `${Buffer.alloc(19).toString('base64url')}.c2ln`,
    `${Buffer.alloc(21).toString('base64url')}.c2ln`,
  ])('refuses the malformed token %j', (bad) => {
    expect(verifyFeedbackToken(bad, now, SECRET)).toEqual({ ok: false, reason: 'malformed' });
  });
});
