/** A model that cannot be compiled: names the line (for text models) and the problem. */
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

/** A parameter value the model cannot run with (NaN, a negative volume, …). */
export class ParameterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ParameterError";
  }
}
