/**
 * A model that cannot be compiled. The message names the line (for text models) and the
 * problem; `line` is 1-based in the model source and `section` is the section it sits in
 * ("ODE", "PARAMETERS", …), both absent for models built with `defineModel`.
 *
 * @example
 * try { parseModel(text); } catch (e) { if (e instanceof ModelError) highlight(e.line); }
 */
export class ModelError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly section?: string,
  ) {
    super(line !== undefined ? `line ${line}: ${message}` : message);
    this.name = "ModelError";
  }
}
