import { createHmac, randomBytes } from 'node:crypto';
import { DEVELOPMENT_PSEUDONYM_KEY, partnerPseudonym, PSEUDONYM_PATTERN, readPartnerPseudonymKey } from './pseudonym-key';

describe("the partners' pseudonyms and their key", () => {
  const key = randomBytes(32);
  const citizen = '3f2b6c1e-8d4a-4f6b-9c2d-1a2b3c4d5e6f';

  it('is the base64url HMAC-SHA256 of tenant, partner code and citizen id, 22 characters', () => {
    const expected = createHmac('sha256', key).update(`kbh:foa:${citizen}`).digest('base64url').slice(0, 22);
    expect(partnerPseudonym(key, 'kbh', 'foa', citizen)).toBe(expected);
    expect(partnerPseudonym(key, 'kbh', 'foa', citizen)).toMatch(PSEUDONYM_PATTERN);
  });

  it('differs per partner, per tenant and per key, and never contains the citizen id', () => {
    const foa = partnerPseudonym(key, 'kbh', 'foa', citizen);
    expect(partnerPseudonym(key, 'kbh', 'ungdomsringen', citizen)).not.toBe(foa);
    expect(partnerPseudonym(key, 'slagelse', 'foa', citizen)).not.toBe(foa);
    expect(partnerPseudonym(randomBytes(32), 'kbh', 'foa', citizen)).not.toBe(foa);
    expect(foa).not.toContain(citizen.slice(0, 8));
  });

  it('takes a base64 key of at least 32 bytes from PARTNER_PSEUDONYM_KEY', () => {
    const reading = readPartnerPseudonymKey({ NODE_ENV: 'production', PARTNER_PSEUDONYM_KEY: key.toString('base64') });
    expect(reading).toEqual({ key, development: false });
    expect(readPartnerPseudonymKey({ PARTNER_PSEUDONYM_KEY: randomBytes(16).toString('base64') }).problem).toMatch(/at least 32 bytes \(got 16 bytes/);
    expect(readPartnerPseudonymKey({ PARTNER_PSEUDONYM_KEY: 'not base64 at all!!' }).problem).toMatch(/must be base64/);
  });

  it('refuses to run production without a key, or with the public development key', () => {
    expect(readPartnerPseudonymKey({ NODE_ENV: 'production' }).problem).toMatch(/^PARTNER_PSEUDONYM_KEY is required with NODE_ENV=production/);
    expect(readPartnerPseudonymKey({ NODE_ENV: 'production', PARTNER_PSEUDONYM_KEY: '' }).problem).toMatch(/is required/);
    expect(readPartnerPseudonymKey({ NODE_ENV: 'production', PARTNER_PSEUDONYM_KEY: DEVELOPMENT_PSEUDONYM_KEY.toString('base64') }).problem).toMatch(/development key/);
  });

  it('falls back to the fixed development key outside production', () => {
    expect(readPartnerPseudonymKey({ NODE_ENV: 'development' })).toEqual({ key: DEVELOPMENT_PSEUDONYM_KEY, development: true });
    expect(readPartnerPseudonymKey({})).toEqual({ key: DEVELOPMENT_PSEUDONYM_KEY, development: true });
    expect(DEVELOPMENT_PSEUDONYM_KEY.length).toBeGreaterThanOrEqual(32);
  });
});
