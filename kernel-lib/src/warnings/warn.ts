/** Receives each warning the kernel gives: a message that names what looks wrong and where. */
export type WarningHandler = (message: string) => void;

/** Default: the console, which a notebook shows under the cell (stderr in Node). */
const toConsole: WarningHandler = (message) => console.warn(`pmxlab warning: ${message}`);
let handler: WarningHandler = toConsole;

/**
 * The kernel's one way to warn: about input that is accepted but probably not meant (it
 * runs, unlike an error). Internal callers use `warn`; users redirect warnings with
 * {@link setWarningHandler}. The things that warn also keep their warnings where they can be
 * read later (a compiled model's `warnings`).
 * @internal
 */
export function warn(message: string): void {
  handler(message);
}

/**
 * Sends the kernel's warnings to `next` (undefined: back to the console) and returns the
 * handler it replaces, so a caller can collect warnings and restore the previous handler.
 *
 * @example
 * const seen: string[] = [];
 * const previous = setWarningHandler((m) => seen.push(m));
 * parseModel(text);            // a conversion parameter of 1 lands in `seen`
 * setWarningHandler(previous);
 */
export function setWarningHandler(next: WarningHandler | undefined): WarningHandler {
  const previous = handler;
  handler = next ?? toConsole;
  return previous;
}
