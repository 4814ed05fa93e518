import { AnswerError } from "./answer-error.js";

/** The student's answers a check reads: the variables defined by the notebook's cells. */
export interface Answers {
  /** The value of variable `name`; throws an {@link AnswerError} ("… run the cells above first") when it is not defined. */
  get(name: string): unknown;
  has(name: string): boolean;
}

/**
 * {@link Answers} over plain values (a Map, or an object's own properties — never its
 * prototype's), as in tests, the server, or the tslab kernel's table of cell variables.
 *
 * @example
 * answersFrom({ halfLife: "2 h" }).get("halfLife"); // "2 h"
 */
export function answersFrom(values: ReadonlyMap<string, unknown> | Record<string, unknown>): Answers {
  const has = (name: string) => (values instanceof Map ? values.has(name) : Object.prototype.hasOwnProperty.call(values, name));
  return {
    has,
    get(name) {
      if (!has(name)) {
        throw new AnswerError(`\`${name}\` is not defined: run the exercise cell, and the cells above it, first (after a kernel restart, run the cells above first)`);
      }
      return values instanceof Map ? values.get(name) : (values as Record<string, unknown>)[name];
    },
  };
}
