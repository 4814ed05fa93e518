// pmxlab's extension shares @jupyter/collaborative-drive with JupyterLab (it must be the one
// instance jupyter-collaboration provides, for its token to match) and so does not bundle it.
// The browser-only edition has no jupyter-collaboration: this federated extension puts the
// module in the page's shared scope instead, so pmxlab's extension loads (its collaboration
// plugins take the token as optional and find no provider). No plugins of its own.
// Built by scripts/lite.sh with @jupyterlab/builder; see docs/lite.md.
import "@jupyter/collaborative-drive";

export default [];
