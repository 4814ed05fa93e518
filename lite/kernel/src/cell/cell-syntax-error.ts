import ts from "typescript";

/**
 * A cell that does not parse. Its message reads as the tslab kernel prints a diagnostic,
 * `LINE:COLUMN - message` with the cell's line and column (1-based), which the extension's
 * *Check* recognises as the error to report.
 */
export class CellSyntaxError extends Error {
  override readonly name = "CellSyntaxError";

  constructor(
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${line}:${column} - ${detail}`);
  }

  /** The error of TypeScript's diagnostic `diagnostic` on `source`. */
  static of(diagnostic: ts.Diagnostic, source: string): CellSyntaxError {
    const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022);
    const { line, character } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    return new CellSyntaxError(line + 1, character + 1, ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
  }
}
