import { randomBytes } from 'node:crypto';
import { CprKeys, CprProtector } from './cpr-protection';

const keys = (currentKeyId = 1, encryptionKeys: Array<[number, Buffer]> = [[1, randomBytes(32)]], hashKey = randomBytes(32)): CprKeys => ({
  currentKeyId,
  encryptionKeys: new Map(encryptionKeys),
  hashKey,
});

describe('CprProtector', () => {
  const protector = new CprProtector(keys());

  it('encrypts to something that holds no digit run of the number and opens to the ten digits', () => {
    const sealed = protector.encrypt('010190-1234');
    expect(sealed.length).toBe(1 + 12 + 16 + 10);
    expect(sealed.toString('latin1')).not.toContain('0101901234');
    expect(protector.decrypt(sealed)).toBe('0101901234');
  });

  it('seals the same number differently each time (random IV), with the key id first', () => {
    const [a, b] = [protector.encrypt('0101901234'), protector.encrypt('0101901234')];
    expect(a.equals(b)).toBe(false);
    expect(a[0]).toBe(1);
  });

  it('refuses a value that was altered', () => {
    const sealed = protector.encrypt('0101901234');
    sealed[sealed.length - 1] ^= 0x01;
    expect(() => protector.decrypt(sealed)).toThrow();
  });

  it('opens values sealed with an older key after a new one became current (rotation)', () => {
    const old = randomBytes(32);
    const before = new CprProtector(keys(1, [[1, old]]));
    const after = new CprProtector(keys(2, [[1, old], [2, randomBytes(32)]]));
    const sealedBefore = before.encrypt('0101901234');
    const sealedAfter = after.encrypt('0202021234');
    expect(sealedAfter[0]).toBe(2);
    expect(after.decrypt(sealedBefore)).toBe('0101901234');
    expect(after.decrypt(sealedAfter)).toBe('0202021234');
    expect(() => before.decrypt(sealedAfter)).toThrow('no CPR encryption key with id 2');
  });

  it('hashes the number the same with or without the dash, differently under another key', () => {
    expect(protector.hash('010190-1234').equals(protector.hash('0101901234'))).toBe(true);
    expect(protector.hash('0101901234').equals(protector.hash('0101901235'))).toBe(false);
    expect(protector.hash('0101901234').equals(new CprProtector(keys()).hash('0101901234'))).toBe(false);
    expect(protector.hash('0101901234')).toHaveLength(32);
  });

  it('looks a number up by the current hash key and, during a rotation, by the other one; hashes new values with the current key only', () => {
    const [previousKey, currentKey] = [randomBytes(32), randomBytes(32)];
    const before = new CprProtector(keys(1, undefined, previousKey));
    const during = new CprProtector({ ...keys(1, undefined, currentKey), transitionHashKey: previousKey });
    const after = new CprProtector(keys(1, undefined, currentKey));
    expect(before.lookupHashes('010190-1234')).toEqual([before.hash('0101901234')]);
    expect(during.hash('0101901234').equals(after.hash('0101901234'))).toBe(true);
    expect(during.lookupHashes('010190-1234')).toEqual([after.hash('0101901234'), before.hash('0101901234')]);
    expect(during.lookupHashes('0101901235')).not.toContainEqual(before.hash('0101901234'));
  });

  it('tells which key ids it holds and which one seals', () => {
    const twoKeys = new CprProtector(keys(2, [[2, randomBytes(32)], [1, randomBytes(32)]]));
    expect(twoKeys.currentKeyId).toBe(2);
    expect([1, 2, 3].map((id) => twoKeys.hasKey(id))).toEqual([true, true, false]);
  });

  it('needs a key for the current key id', () => {
    expect(() => new CprProtector(keys(3))).toThrow('CPR key id 3 has no key');
  });
});
