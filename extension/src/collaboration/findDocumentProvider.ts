import type { DocumentProviderLike } from "./providerTypes.js";

/**
 * The jupyter-docprovider provider syncing a document, looked up in
 * `ICollaborativeContentProvider.providers`, which keys them `"<format>:<contentType>:<path>"`
 * (e.g. `"json:notebook:course/week1.ipynb"`). Null when the document is not shared in real
 * time (collaboration off, or another drive).
 *
 * @param paths - candidate paths: the context's `path`, then its `localPath` (drive prefix removed).
 * @example
 * ```ts
 * const provider = findDocumentProvider(contentProvider.providers, "json", "notebook", [context.path, context.localPath]);
 * ```
 */
export function findDocumentProvider(
  providers: ReadonlyMap<string, unknown>,
  format: string,
  contentType: string,
  paths: readonly string[],
): DocumentProviderLike | null {
  for (const path of paths) {
    const provider = providers.get(`${format}:${contentType}:${path}`);
    if (provider) return provider as DocumentProviderLike;
  }
  return null;
}
