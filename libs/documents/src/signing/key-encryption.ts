import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export type KeyEncryptionErrorReason =
  'bad-master-key' | 'weak-secret' | 'malformed' | 'unsupported-version' | 'authentication-failed';

export class KeyEncryptionError extends Error {
  constructor(readonly reason: KeyEncryptionErrorReason) {
    super(reason);
    this.name = new.target.name;
  }
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Binds the ciphertext to its purpose, so a blob sealed for another use does not open here. */
const AAD = Buffer.from('dafu signing key v1', 'utf8');
const HKDF_INFO = 'dafu signing keys';
export const MIN_SECRET_LENGTH = 32;

/**
 * Seals a private key PEM for storage: AES-256-GCM with a fresh 12-byte IV, as
 * `v1:base64(iv):base64(tag):base64(ciphertext)`. The version prefix lets a later scheme
 * (a KMS, another cipher) coexist with rows sealed by this one.
 */
export function encryptPrivateKey(pem: string, masterKey: Buffer): string {
  assertMasterKey(masterKey);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(pem, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64')))
    .join(':');
}

export function decryptPrivateKey(sealed: string, masterKey: Buffer): string {
  assertMasterKey(masterKey);
  const parts = sealed.split(':');
  if (parts[0] !== VERSION) {
    throw new KeyEncryptionError(parts.length === 4 ? 'unsupported-version' : 'malformed');
  }
  if (parts.length !== 4 || !parts.slice(1).every((part) => /^[A-Za-z0-9+/]+={0,2}$/.test(part))) {
    throw new KeyEncryptionError('malformed');
  }
  const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, 'base64'));
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new KeyEncryptionError('malformed');
  const decipher = createDecipheriv('aes-256-gcm', masterKey, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(AAD);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // GCM does not tell a wrong key from a tampered blob; both are an authentication failure.
    throw new KeyEncryptionError('authentication-failed');
  }
}

/**
 * Derives the 32-byte master key from a passphrase held in the environment. HKDF (not a slow
 * KDF) is enough because the secret is required to be long and random, not a memorable password.
 */
export function masterKeyFromSecret(secret: string): Buffer {
  if (secret.length < MIN_SECRET_LENGTH) throw new KeyEncryptionError('weak-secret');
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), HKDF_INFO, 32));
}

function assertMasterKey(masterKey: Buffer): void {
  if (!Buffer.isBuffer(masterKey) || masterKey.length !== 32) throw new KeyEncryptionError('bad-master-key');
}
