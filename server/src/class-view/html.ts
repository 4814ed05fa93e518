// Small HTML helpers for the service's pages: every interpolated value is escaped.

/** Text → HTML text (also safe in a double-quoted attribute). */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A whole page: no inline event handlers; `script` is the page's one script. */
export function page(title: string, body: string, script = ""): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1b1b1b; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; }
td.pass { background: #d9f2d9; } td.fail { background: #fbe0dc; } td.none { color: #999; }
button { margin-right: .5rem; } .status, .note { margin-left: .5rem; color: #555; }
/* The class grid grows a column per exercise: it scrolls sideways inside the page, with the
   student column kept in view (separate borders: collapsed ones do not stick with the cell). */
.grid-scroll { max-width: 100%; overflow-x: auto; margin: .5rem 0 1.5rem; }
.grid-scroll table { border-collapse: separate; border-spacing: 0; margin: 0; }
.grid-scroll th, .grid-scroll td { border-width: 0 1px 1px 0; white-space: nowrap; }
.grid-scroll tr > :first-child { position: sticky; left: 0; z-index: 1; background: #fff; border-left-width: 1px; }
.grid-scroll tr:first-child > * { border-top-width: 1px; }
</style></head>
<body><h1>${esc(title)}</h1>
${body}
${script ? `<script>${script}</script>` : ""}
</body></html>`;
}
