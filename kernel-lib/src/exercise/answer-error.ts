/**
 * An answer the check cannot read: a variable that is not defined in the kernel (the
 * exercise cell, or a cell above it, was not run since the kernel started) or has the
 * wrong shape. Thrown inside a check item, it fails that item with its message.
 */
export class AnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AnswerError";
  }
}
