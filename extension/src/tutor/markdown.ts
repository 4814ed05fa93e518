import DOMPurify from "dompurify";
import { marked } from "marked";

/**
 * A tutor reply as safe HTML: markdown (marked), then DOMPurify, which removes scripts,
 * event handlers and anything else a model (or a prompt injection through it) could put in.
 * Math (`$…$`, `$$…$$`) is kept out of the markdown parser, which would read `_` and `*`
 * in it as emphasis, and comes back as escaped text in `.pmx-math` for the page's typesetter.
 */
export function replyHtml(markdown: string): string {
  const math: string[] = [];
  const protectedText = markdown.replace(/\$\$[\s\S]+?\$\$|\$[^$\n]+?\$/g, (m) => `@@PMXMATH${math.push(m) - 1}@@`);
  const html = DOMPurify.sanitize(marked.parse(protectedText, { async: false, gfm: true }) as string);
  return html.replace(/@@PMXMATH(\d+)@@/g, (_, i: string) => `<span class="pmx-math">${escapeHtml(math[Number(i)]!)}</span>`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
