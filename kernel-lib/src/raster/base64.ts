const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Internal: standard base64 (RFC 4648, section 4, with `=` padding) of `bytes`. Written out
 * because neither `btoa` (browser, and it wants a binary string) nor Node's byte helpers
 * exist in every place this library runs.
 *
 * @example
 * toBase64(new Uint8Array([0x89, 0x50, 0x4e, 0x47])); // "iVBORw=="
 */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (a << 16) | (b << 8) | c;
    chunk +=
      ALPHABET[n >>> 18] +
      ALPHABET[(n >>> 12) & 63] +
      (i + 1 < bytes.length ? ALPHABET[(n >>> 6) & 63] : "=") +
      (i + 2 < bytes.length ? ALPHABET[n & 63] : "=");
    // Joining bounded pieces keeps string building linear for large images.
    if (chunk.length >= 4096) {
      parts.push(chunk);
      chunk = "";
    }
  }
  parts.push(chunk);
  return parts.join("");
}
