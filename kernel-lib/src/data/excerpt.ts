/**
 * `text` as an error message may quote it: whole when it has at most `max` characters, else
 * its first `max` followed by "…" and its length. A 500,000-digit cell once made a 500 KB
 * message whose explanation a pipe cut off.
 *
 * @example
 * excerpt("1".repeat(100), 5); // "11111… (100 characters)"
 */
export function excerpt(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}
