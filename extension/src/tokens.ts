import { Token } from "@lumino/coreutils";

/**
 * The user's pmxlab settings, as currently set in Settings → pmxlab.
 *
 * Provided by the `@pmxlab/jupyterlab:settings` plugin; values follow the settings
 * editor live (read them when needed rather than caching them).
 *
 * @example
 * ```ts
 * const plugin = { requires: [IPmxlabSettings], activate: (app, settings) => settings.kernelName };
 * ```
 */
export interface IPmxlabSettings {
  /** Kernelspec name used for new pmxlab notebooks (default `"tslab"`, the TypeScript kernel). */
  readonly kernelName: string;
}

/** The token of {@link IPmxlabSettings}. */
export const IPmxlabSettings = new Token<IPmxlabSettings>(
  "@pmxlab/jupyterlab:IPmxlabSettings",
  "The pmxlab user settings (kernel used for new notebooks).",
);
