// A notebook file with broken cells gives one message naming the file, the cell and the field
// (it gave "Cannot read properties of null (reading 'metadata')" or the runner's AttributeError).
import { describe, expect, it } from "vitest";
import { asNotebook } from "../../src/exercise/index.js";

const notebook = (cells: unknown[], extra: object = {}) => ({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5, ...extra });
const code = { cell_type: "code", source: "1 + 1", metadata: {}, outputs: [], execution_count: null };

describe("asNotebook", () => {
  it("takes a well-formed notebook as it is, unknown fields kept", () => {
    const value = notebook([code, { cell_type: "markdown", source: ["# a\n", "b"], metadata: { tags: [] }, id: "x" }]);
    expect(asNotebook(value, "a.ipynb")).toBe(value);
  });

  it.each([
    [notebook([null]), "cell 1: Invalid input: expected object, received null"],
    [notebook([code, { source: "x", metadata: {} }]), 'cell 2: cell_type: Invalid option: expected one of "code"|"markdown"|"raw"'],
    [notebook(["text"]), "cell 1: Invalid input: expected object, received string"],
    [notebook([{ ...code, source: 5 }]), "cell 1: source: Invalid input"],
    [notebook([{ ...code, metadata: null }]), "cell 1: metadata: Invalid input: expected record, received null"],
    [{ cells: [], nbformat: 4 }, "metadata: Invalid input: expected record, received undefined"],
    [{ metadata: {}, nbformat: 4 }, "cells: Invalid input: expected array, received undefined"],
    [notebook([], { nbformat: 3 }), "nbformat: Too small: expected number to be >=4"],
  ])("names what is wrong: %j", (value, message) => {
    expect(() => asNotebook(value, "a.ipynb")).toThrow(`a.ipynb: not a notebook: ${message}`);
  });
});
