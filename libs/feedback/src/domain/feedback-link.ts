import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The proposer's one-time feedback link: `<payload>.<signature>`, both base64url. The payload is
 * the reply id's 16 bytes and the expiry as 4 bytes of Unix seconds; the signature the first 16
 * bytes of an HMAC-SHA256 over it. Binary keeps the token near 50 characters: it is a path
 * segment, and Fastify refuses parameters over 100. Stateless: the link is "used" once the reply
 * has its feedback (one per reply, enforced in Postgres).
 */
const PAYLOAD_BYTES = 20;
const MAC_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(secret: string, payload: Buffer): Buffer {
  return createHmac('sha256', secret).update('dafu-feedback.').update(payload).digest().subarray(0, MAC_BYTES);
}

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function signFeedbackToken(replyId: string, expiresAt: Date, secret: string): string {
  const id = replyId.toLowerCase();
  if (!UUID.test(id)) throw new Error(`Not a reply id: ${replyId}`);
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  Buffer.from(id.replace(/-/g, ''), 'hex').copy(payload, 0);
  payload.writeUInt32BE(Math.max(0, Math.floor(expiresAt.getTime() / 1000)), 16);
  return `${payload.toString('base64url')}.${mac(secret, payload).toString('base64url')}`;
}

export type FeedbackTokenCheck =
  { ok: true; replyId: string; expiresAt: Date } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export function verifyFeedbackToken(token: string, now: Date, secret: string): FeedbackTokenCheck {
  const parts = token.split('.');
  if (parts.length !== 2 || !BASE64URL.test(parts[0]) || !BASE64URL.test(parts[1])) {
    return { ok: false, reason: 'malformed' };
  }
  const payload = Buffer.from(parts[0], 'base64url');
  if (payload.length !== PAYLOAD_BYTES || payload.toString('base64url') !== parts[0]) {
    return { ok: false, reason: 'malformed' };
  }
  const given = Buffer.from(parts[1], 'base64url');
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad_signature' };
  const expiresAt = new Date(payload.readUInt32BE(16) * 1000);
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, replyId: uuidOf(payload.subarray(0, 16)), expiresAt };
}

/** When a link made now stops working. */
export function feedbackLinkExpiry(now: Date, ttlDays: number): Date {
  return new Date(now.getTime() + ttlDays * 24 * 3600 * 1000);
}
