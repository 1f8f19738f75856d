const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * A key given in the environment as standard base64, decoded strictly: null for anything that is
 * not whole base64 (Buffer.from would silently skip the bad characters and give a shorter key).
 */
export function decodeBase64Key(value: string): Buffer | null {
  if (!BASE64.test(value) || value.length % 4 !== 0) return null;
  return Buffer.from(value, 'base64');
}
