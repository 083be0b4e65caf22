import { createHmac } from 'node:crypto';
import { verifyWebhookSignature, webhookSignature } from './webhook-signature';

const secret = 'a-secret-of-at-least-thirty-two-characters';
const body = JSON.stringify({ title: '【办理提醒】第146号提案答复期限还有3天' });

describe('webhook signatures', () => {
  it('is the HMAC-SHA256 of timestamp.body, as any receiver can recompute it', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(webhookSignature(secret, 1700000000, body)).toBe(`sha256=${expected}`);
  });

  it('verifies an untouched message within five minutes', () => {
    const signature = webhookSignature(secret, 1700000000, body);
    expect(verifyWebhookSignature(secret, 1700000000, body, signature, 1700000100)).toBe(true);
  });

  it('refuses a changed body, another secret, a moved timestamp or a replay after five minutes', () => {
    const signature = webhookSignature(secret, 1700000000, body);
    expect(verifyWebhookSignature(secret, 1700000000, body.replace('3天', '4天'), signature, 1700000000)).toBe(false);
    expect(verifyWebhookSignature(`${secret}x`, 1700000000, body, signature, 1700000000)).toBe(false);
    expect(verifyWebhookSignature(secret, 1700000001, body, signature, 1700000000)).toBe(false);
    expect(verifyWebhookSignature(secret, 1700000000, body, signature, 1700000301)).toBe(false);
    expect(verifyWebhookSignature(secret, 1700000000, body, 'sha256=00', 1700000000)).toBe(false);
  });
});
