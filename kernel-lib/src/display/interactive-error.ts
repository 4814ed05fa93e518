/**
 * A bad interactive simulation: a bad option of `interactive()` (unknown parameter, empty
 * range, value outside its range, model without source text) or a spec that is not one
 * (a renderer reading `application/vnd.pmxlab.interactive+json`). The message names the
 * option or field and what is wrong.
 *
 * @example
 * try { interactive("pk1cmt_iv", { regimen: "100 mg", params: { K: [1, 2] } }); }
 * catch (e) { if (e instanceof InteractiveError) console.log(e.message); } // names "K" and the known parameters
 */
export class InteractiveError extends Error {
  constructor(message: string) {
    super(`interactive: ${message}`);
    this.name = "InteractiveError";
  }
}
