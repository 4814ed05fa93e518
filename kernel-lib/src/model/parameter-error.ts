/**
 * A parameter vector a model cannot run with: an unknown name, NaN or infinity, a volume,
 * clearance or rate constant that is not positive, a negative time. The message names the
 * parameter, its value and unit, and the model.
 */
export class ParameterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ParameterError";
  }
}
