/** The MIME type of a pmxlab interactive simulation (the spec written by `interactive()` in @pmxlab/kernel). */
export const INTERACTIVE_MIME_TYPE = "application/vnd.pmxlab.interactive+json";
