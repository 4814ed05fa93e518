/** CRC-32 lookup table for the reflected polynomial 0xEDB88320 (ISO 3309, as PNG requires). */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * Internal: the CRC-32 of `bytes` (PNG specification, section 5.5: initial value and final
 * XOR 0xFFFFFFFF), as an unsigned 32-bit integer.
 *
 * @example
 * crc32(new TextEncoder().encode("IEND")); // 0xAE426082
 */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
