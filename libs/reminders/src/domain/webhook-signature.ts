import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a receiving platform knows a POST came from Dafu and was not replayed: an HMAC-SHA256 over
 * `<timestamp>.<body>` with the webhook's secret, sent as `X-Dafu-Signature: sha256=<hex>`
 * beside `X-Dafu-Timestamp` (Unix seconds).
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: recompute, compare in constant time, and refuse stale timestamps. */
export function verifyWebhookSignature(
  secret: string,
  timestamp: number,
  body: string,
  signature: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  if (!Number.isFinite(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
