import { randomBytes } from 'node:crypto';
import {
  KeyEncryptionError,
  KeyEncryptionErrorReason,
  decryptPrivateKey,
  encryptPrivateKey,
  masterKeyFromSecret,
} from './key-encryption';

const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';

function reasonOf(action: () => unknown): KeyEncryptionErrorReason | 'no error' {
  try {
    action();
    return 'no error';
  } catch (error) {
    if (error instanceof KeyEncryptionError) return error.reason;
    throw error;
  }
}

function flipBase64(part: string): string {
  const bytes = Buffer.from(part, 'base64');
  bytes[0] ^= 0x01;
  return bytes.toString('base64');
}

describe('private key encryption at rest', () => {
  const masterKey = randomBytes(32);

  it('round-trips a PEM', () => {
    const sealed = encryptPrivateKey(PEM, masterKey);
    expect(sealed).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain('PRIVATE KEY');
    expect(decryptPrivateKey(sealed, masterKey)).toBe(PEM);
  });

  it('uses a fresh IV, so sealing the same key twice differs', () => {
    const first = encryptPrivateKey(PEM, masterKey);
    const second = encryptPrivateKey(PEM, masterKey);
    expect(first).not.toBe(second);
    expect(first.split(':')[1]).not.toBe(second.split(':')[1]);
    expect(Buffer.from(first.split(':')[1], 'base64')).toHaveLength(12);
  });

  it.each([1, 2, 3])('refuses a blob with part %i tampered', (part) => {
    const parts = encryptPrivateKey(PEM, masterKey).split(':');
    parts[part] = flipBase64(parts[part]);
    expect(reasonOf(() => decryptPrivateKey(parts.join(':'), masterKey))).toBe('authentication-failed');
  });

  it('refuses the wrong master key', () => {
    const sealed = encryptPrivateKey(PEM, masterKey);
    expect(reasonOf(() => decryptPrivateKey(sealed, randomBytes(32)))).toBe('authentication-failed');
  });

  it.each([
    ['', 'malformed'],
    ['not sealed at all', 'malformed'],
    ['v1:abc', 'malformed'],
    ['v1:!!:!!:!!', 'malformed'],
    ['v1:AAAA:AAAA:AAAA', 'malformed'],
    ['v9:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AAAA', 'unsupported-version'],
  ])('refuses %j as %s', (sealed, reason) => {
    expect(reasonOf(() => decryptPrivateKey(sealed, masterKey))).toBe(reason);
  });

  it('wants a 32-byte master key', () => {
    expect(reasonOf(() => encryptPrivateKey(PEM, randomBytes(16)))).toBe('bad-master-key');
    expect(reasonOf(() => decryptPrivateKey('v1:a:b:c', Buffer.alloc(0)))).toBe('bad-master-key');
  });

  it('derives a stable 32-byte master key from a long secret', () => {
    const secret = 'correct horse battery staple, and then some more';
    const key = masterKeyFromSecret(secret);
    expect(key).toHaveLength(32);
    expect(masterKeyFromSecret(secret).equals(key)).toBe(true);
    expect(masterKeyFromSecret(`${secret}!`).equals(key)).toBe(false);
    expect(decryptPrivateKey(encryptPrivateKey(PEM, key), masterKeyFromSecret(secret))).toBe(PEM);
  });

  it('refuses a secret shorter than 32 characters', () => {
    expect(reasonOf(() => masterKeyFromSecret('x'.repeat(31)))).toBe('weak-secret');
    expect(reasonOf(() => masterKeyFromSecret('x'.repeat(32)))).toBe('no error');
  });
});
