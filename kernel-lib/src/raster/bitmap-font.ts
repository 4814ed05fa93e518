/**
 * pmxlab's own 5×7 bitmap font (drawn for this module): printable ASCII plus µ · – ° ² ³ ± ×,
 * the characters of pharmacometric axis titles ("CP (µg/L)", "AUC (mg·h/L)").
 *
 * Each glyph is 7 rows (cap height; the baseline under row 7), or 9 rows for letters with a
 * descender (g j p q y µ), top to bottom; each row is one base-32 digit whose 5 bits are
 * the pixels from left (16) to right (1). E.g. "0" is `ehjlphe`: e = 01110, h = 10001, …
 */
const CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~µ·–°²³±×";
const ROWS =
  "0000000 4444404 aa00000 aavavaa 4fke5u4 op248j3 cik8lid 4400000 2488842 8422248 04lel40 044v440 " +
  "0000c48 000v000 00000cc 01248g0 ehjlphe 4c4444e eh1248v v2421he 26aiv22 vgu11he 68guhhe v124888 " +
  "ehhehhe ehhf12c 0cc0cc0 0cc0c48 248g842 00v0v00 8421248 eh12404 eh1dlle ehhvhhh uhhuhhu ehggghe " +
  "sihhhis vgguggv vgguggg ehgnhhf hhhvhhh e44444e 72222ic hikokih ggggggv hrllhhh hhpljhh ehhhhhe " +
  "uhhuggg ehhhlid uhhukih fgge11u v444444 hhhhhhe hhhhha4 hhhllla hha4ahh hha4444 v1248gv e88888e " +
  "0g84210 e22222e 4ah0000 000000v 8400000 00e1fhf ggmphhu 00egghe 11djhhf 00ehvge 698s888 00fhhf1he " +
  "ggmphhh 40c444e 2062222ic ggikoki c44444e 00qllll 00mphhh 00ehhhe 00uhhuggg 00fhhf111 00mpggg " +
  "00ege1u 88s8896 00hhhjd 00hhha4 00hhlla 00ha4ah 00hhhf1he 00v248v 2448442 4444444 8442448 008l200 " +
  "00hhhpmgg 0004000 000v000 ciic000 c24e000 e62e000 44v440v 0ha4ah0";

/** Glyph width and full height (with descender rows) in font pixels; one blank column separates glyphs. */
export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 9;

const GLYPHS: ReadonlyMap<string, readonly number[]> = new Map(
  ROWS.split(" ").map((rows, k) => [[...CHARS][k], [...rows].map((digit) => parseInt(digit, 32))]),
);

/** Drawn for characters the font lacks, so that a missing glyph shows rather than vanishes. */
const UNKNOWN = GLYPHS.get("?") as readonly number[];

/**
 * Internal: the rows of `char`'s glyph (bit 16 = leftmost pixel), or "?"'s for a character
 * the font lacks.
 *
 * @example
 * glyphRows("1"); // [4, 12, 4, 4, 4, 4, 14]
 */
export function glyphRows(char: string): readonly number[] {
  return GLYPHS.get(char) ?? UNKNOWN;
}
