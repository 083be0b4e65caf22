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

  it('is URL-safe and verifies to its reply until it expires', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyFeedbackToken(token, now, SECRET)).toEqual({
      ok: true,
      replyId: REPLY,
      expiresAt: new Date('2026-03-11T08:00:00.000Z'),
    });
    expect(verifyFeedbackToken(token, new Date(expiresAt.getTime() - 1000), SECRET).ok).toBe(true);
  });

  it('refuses it at and after the expiry', () => {
    expect(verifyFeedbackToken(token, expiresAt, SECRET)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyFeedbackToken(token, new Date('2027-01-01'), SECRET)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses another key', () => {
    expect(verifyFeedbackToken(token, now, `${SECRET}x`)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a payload changed to another reply or a later expiry', () => {
    const [, signature] = token.split('.');
    const otherReply = Buffer.from(`${REPLY.replace('3f', '4f')}.${expiresAt.getTime() / 1000}`).toString('base64url');
    const later = Buffer.from(`${REPLY}.${expiresAt.getTime() / 1000 + 86400}`).toString('base64url');
    expect(verifyFeedbackToken(`${otherReply}.${signature}`, now, SECRET)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyFeedbackToken(`${later}.${signature}`, now, SECRET)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it.each([
    '',
    'abc',
    'a.b.c',
    'not base64!.sig',
    `${Buffer.from('not-a-uuid.123').toString('base64url')}.c2ln`,
    `${Buffer.from(`${REPLY}.soon`).toString('base64url')}.c2ln`,
    `${Buffer.from(`${REPLY}.1.2`).toString('base64url')}.c2ln`,
  ])('refuses the malformed token %j', (bad) => {
    expect(verifyFeedbackToken(bad, now, SECRET)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a truncated signature', () => {
    expect(verifyFeedbackToken(token.slice(0, -4), now, SECRET)).toEqual({ ok: false, reason: 'bad_signature' });
  });
});
