/** The content of a Jupyter `display_data` / `update_display_data` message. */
export interface DisplayContent {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient: Record<string, unknown>;
}

/** Sends a display message: `update` false for `display_data`, true for `update_display_data`. */
export type DisplayWriter = (content: DisplayContent, update: boolean) => void;

/** tslab's `Display` (tslab 1.0.22, dist/public.d.ts): one method per common MIME type, and `raw`. */
export interface Display {
  javascript(s: string): void;
  html(s: string): void;
  markdown(s: string): void;
  latex(s: string): void;
  svg(s: string): void;
  png(b: Uint8Array): void;
  jpeg(b: Uint8Array): void;
  gif(b: Uint8Array): void;
  pdf(b: Uint8Array): void;
  text(s: string): void;
  raw(contentType: string, b: string | Uint8Array): void;
}

/** The module a cell gets from `import * as tslab from "tslab"`. */
export interface TslabShim {
  display: Display;
  newDisplay(): Display;
  versions: { tslab: string; typescript: string; node: string };
}

/**
 * The `tslab` module for cells in the browser, behaving as tslab 1.0.22's `dist/public.js`:
 * each `display.*` call sends one `display_data` with one MIME type (bytes as base64);
 * a display from `newDisplay()` carries a `display_id` and its later calls update it in place.
 *
 * @example
 * const tslab = tslabShim((content) => console.log(content.data));
 * tslab.display.html("<b>hi</b>"); // { "text/html": "<b>hi</b>" }
 */
export function tslabShim(write: DisplayWriter, typescriptVersion: string): TslabShim {
  const display = (id?: string): Display => {
    let shown = false;
    const raw = (contentType: string, b: string | Uint8Array): void => {
      const value = b instanceof Uint8Array ? toBase64(b) : b;
      const update = id !== undefined && shown;
      if (id !== undefined) shown = true;
      write({ data: { [contentType]: value }, metadata: {}, transient: id === undefined ? {} : { display_id: id } }, update);
    };
    return {
      javascript: (s) => raw("text/javascript", s),
      html: (s) => raw("text/html", s),
      markdown: (s) => raw("text/markdown", s),
      latex: (s) => raw("text/latex", s),
      svg: (s) => raw("image/svg+xml", s),
      png: (b) => raw("image/png", b),
      jpeg: (b) => raw("image/jpeg", b),
      gif: (b) => raw("image/gif", b),
      pdf: (b) => raw("application/pdf", b),
      text: (s) => raw("text/plain", s),
      raw,
    };
  };
  return {
    display: display(),
    newDisplay: () => display(randomId()),
    versions: { tslab: "1.0.22 (pmxlab lite)", typescript: typescriptVersion, node: "none (browser)" },
  };
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Base64 of bytes, as Node's `Buffer.toString("base64")`. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  // In slices: String.fromCharCode takes its bytes as arguments, and arguments are limited.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
