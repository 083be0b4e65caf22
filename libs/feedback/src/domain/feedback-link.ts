import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The proposer's one-time feedback link: `<payload>.<signature>`, both base64url, where the
 * payload is `<replyId>.<expiry in Unix seconds>` and the signature an HMAC-SHA256 over it.
 * Stateless: the link is "used" once the reply has its feedback (one per reply, in Postgres).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`dafu-feedback.${payload}`).digest();
}

export function signFeedbackToken(replyId: string, expiresAt: Date, secret: string): string {
  const payload = `${replyId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${Buffer.from(payload).toString('base64url')}.${mac(secret, payload).toString('base64url')}`;
}

export type FeedbackTokenCheck =
  { ok: true; replyId: string; expiresAt: Date } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export function verifyFeedbackToken(token: string, now: Date, secret: string): FeedbackTokenCheck {
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]) || !/^[A-Za-z0-9_-]+$/.test(parts[1])) {
    return { ok: false, reason: 'malformed' };
  }
  const payload = Buffer.from(parts[0], 'base64url').toString('utf8');
  const [replyId, expiry, ...rest] = payload.split('.');
  if (rest.length > 0 || !UUID.test(replyId ?? '') || !/^\d{1,12}$/.test(expiry ?? '')) {
    return { ok: false, reason: 'malformed' };
  }
  const given = Buffer.from(parts[1], 'base64url');
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad_signature' };
  const expiresAt = new Date(Number(expiry) * 1000);
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, replyId, expiresAt };
}

/** When a link made now stops working. */
export function feedbackLinkExpiry(now: Date, ttlDays: number): Date {
  return new Date(now.getTime() + ttlDays * 24 * 3600 * 1000);
}
