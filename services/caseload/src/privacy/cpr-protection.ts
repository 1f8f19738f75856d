import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { normaliseCpr } from '../citizens/cpr';

export const CPR_ENCRYPTION_KEY_BYTES = 32;
/** The hash key may be longer (HMAC takes any length), never shorter. */
export const CPR_HASH_KEY_MIN_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

/**
 * The keys for CPR numbers at rest. Encryption keys have an id (1-255) that is stored as the first
 * byte of every ciphertext, so a later key can be added for new rows while rows sealed with an
 * older one still open: rotation adds the new key as current and keeps the old ones here until
 * the re-encryption job has moved every row to the current one.
 */
export interface CprKeys {
  currentKeyId: number;
  encryptionKeys: ReadonlyMap<number, Buffer>;
  /** The key new values are hashed with (CPR_HASH_KEY). */
  hashKey: Buffer;
  /**
   * During a hash-key rotation only: the other key whose hashes stored rows may still carry
   * (CPR_HASH_KEY_PREVIOUS, or CPR_HASH_KEY_NEXT before the switch). Lookups and the uniqueness
   * check match its hashes too; nothing new is hashed with it.
   */
  transitionHashKey?: Buffer;
}

/**
 * CPR numbers at rest (domain §6): AES-256-GCM with a random IV per value, and an HMAC-SHA256
 * keyed hash for lookup and uniqueness, so the database never holds a CPR number in clear and a
 * copy of it without the keys cannot be searched by CPR number (a plain hash of the only 3.65
 * million possible numbers per year of birth would be reversed in seconds).
 */
export class CprProtector {
  constructor(private readonly keys: CprKeys) {
    if (!keys.encryptionKeys.has(keys.currentKeyId)) throw new Error(`CPR key id ${keys.currentKeyId} has no key`);
  }

  /** The id of the key new values are sealed with. */
  get currentKeyId(): number {
    return this.keys.currentKeyId;
  }

  /** Whether values sealed with this key id can be opened. */
  hasKey(keyId: number): boolean {
    return this.keys.encryptionKeys.has(keyId);
  }

  /** key id (1 byte) ‖ IV (12) ‖ GCM tag (16) ‖ ciphertext of the ten digits. */
  encrypt(cpr: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.encryptionKeys.get(this.keys.currentKeyId)!, iv);
    const sealed = Buffer.concat([cipher.update(normaliseCpr(cpr), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([this.keys.currentKeyId]), iv, cipher.getAuthTag(), sealed]);
  }

  /** The ten digits; throws when the key is unknown or the value was altered. */
  decrypt(stored: Buffer): string {
    if (stored.length <= HEADER_BYTES) throw new Error('not a sealed CPR number');
    const key = this.keys.encryptionKeys.get(stored[0]);
    if (!key) throw new Error(`no CPR encryption key with id ${stored[0]}`);
    const decipher = createDecipheriv('aes-256-gcm', key, stored.subarray(1, 1 + IV_BYTES));
    decipher.setAuthTag(stored.subarray(1 + IV_BYTES, HEADER_BYTES));
    return Buffer.concat([decipher.update(stored.subarray(HEADER_BYTES)), decipher.final()]).toString('utf8');
  }

  /** The keyed hash of the number (with or without the dash) under the current hash key: equal numbers, equal hashes. */
  hash(cpr: string): Buffer {
    return hmac(this.keys.hashKey, cpr);
  }

  /**
   * Every hash a stored row of this number may carry: the current key's, and during a rotation the
   * other key's. Lookups and the uniqueness check match any of them.
   */
  lookupHashes(cpr: string): Buffer[] {
    const { transitionHashKey } = this.keys;
    return transitionHashKey ? [this.hash(cpr), hmac(transitionHashKey, cpr)] : [this.hash(cpr)];
  }
}

const hmac = (key: Buffer, cpr: string): Buffer => createHmac('sha256', key).update(normaliseCpr(cpr), 'utf8').digest();
