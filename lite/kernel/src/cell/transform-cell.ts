import ts from "typescript";
import { CellSyntaxError } from "./cell-syntax-error.js";
import { lineMapOf, type LineMap } from "./line-map.js";

/** Name, inside a cell's code, of the object holding the kernel's variables (see run-cell.ts). */
export const SCOPE = "__pmxlab_scope";
/** Name, inside a cell's code, of the kernel's helpers: `import(specifier)`. */
export const HELPERS = "__pmxlab";

/**
 * A cell made ready to run: JavaScript whose lines are those of the transpiled cell, to be
 * run in an async function inside `with (scope)`, so that the kernel's variables are the
 * properties of one object shared by all cells.
 */
export interface CellProgram {
  /** The function body: top-level declarations are assignments to the scope, imports go through the kernel's loader. */
  body: string;
  /** Names the cell declares at the top level: the runner creates them on the scope before the body runs. */
  declared: string[];
  /** Whether the body returns the value of the cell's last expression statement. */
  returnsLast: boolean;
  /** Line of the TypeScript cell (1-based) of a line of `body` (1-based). */
  cellLine: LineMap;
}

const TRANSPILE_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  // Keeps `import { simulate } from …` even when this cell does not use simulate: a later cell may.
  verbatimModuleSyntax: true,
  sourceMap: true,
  removeComments: false,
  useDefineForClassFields: true,
};

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Transpiles one TypeScript cell (types removed, as `tsc` would) and rewrites its top level
 * so that it can run as a function body where declarations persist across cells (the
 * semantics of the tslab kernel):
 * - `const`/`let`/`var x = e` become `(x = e)` (destructuring too); functions keep their
 *   declaration (still hoisted) and are copied to the scope first; `class C` becomes `C = class C`;
 * - static `import … from "m"` and dynamic `import("m")` go to the kernel's loader, the
 *   imported names becoming variables of the scope;
 * - a last expression statement becomes `return (e);`, the value the cell shows;
 * - `export` is dropped (a cell is not a module).
 * Every rewrite stays on the lines of the code it replaces, so a line of `body` is a line
 * of the transpiled JavaScript, which the source map takes back to the cell.
 * Throws a {@link CellSyntaxError} (line and column of the cell) on a syntax error.
 *
 * @example
 * transformCell("const a: number = 1;\na + 1").body; // '(a = 1);\nreturn (a + 1);'
 */
export function transformCell(source: string): CellProgram {
  const output = ts.transpileModule(source, { compilerOptions: TRANSPILE_OPTIONS, fileName: "cell.ts", reportDiagnostics: true });
  const error = output.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (error) throw CellSyntaxError.of(error, source);
  const js = output.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n");
  const file = ts.createSourceFile("cell.js", js, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const edits: Edit[] = [];
  const declared = new Set<string>();
  const hoisted: string[] = [];
  const statements = file.statements;
  const last = statements[statements.length - 1];
  for (const statement of statements) rewriteStatement(statement, edits, declared, hoisted, file);
  importCalls(file, edits);
  const returnsLast = last !== undefined && ts.isExpressionStatement(last);
  if (returnsLast) {
    const expression = last.expression;
    edits.push({ start: expression.getStart(file), end: expression.getStart(file), text: "return (" }, { start: expression.end, end: expression.end, text: ")" });
  }
  let body = applyEdits(js, edits);
  // Copying the (hoisted) functions first lets code of this very cell call them before their definition.
  if (hoisted.length > 0) body = hoisted.map((name) => `${SCOPE}.${name} = ${name};`).join(" ") + " " + body;
  return { body, declared: [...declared], returnsLast, cellLine: lineMapOf(output.sourceMapText ?? "") };
}

function rewriteStatement(statement: ts.Statement, edits: Edit[], declared: Set<string>, hoisted: string[], file: ts.SourceFile): void {
  if (ts.isImportDeclaration(statement)) {
    edits.push({ start: statement.getStart(file), end: statement.end, text: keepLines(statement.getText(file), importAssignments(statement, declared)) });
  } else if (ts.isExportDeclaration(statement)) {
    edits.push({ start: statement.getStart(file), end: statement.end, text: keepLines(statement.getText(file), ";") });
  } else if (ts.isExportAssignment(statement)) {
    // `export default e`: the expression is still evaluated.
    edits.push({ start: statement.getStart(file), end: statement.expression.getStart(file), text: "" });
  } else if (ts.isVariableStatement(statement)) {
    dropExport(statement, edits, file);
    rewriteVariables(statement, edits, declared, file);
  } else if (ts.isFunctionDeclaration(statement) && statement.name) {
    dropExport(statement, edits, file);
    declared.add(statement.name.text);
    hoisted.push(statement.name.text);
  } else if (ts.isClassDeclaration(statement) && statement.name) {
    dropExport(statement, edits, file);
    const name = statement.name.text;
    declared.add(name);
    const start = classKeyword(statement, file);
    edits.push({ start, end: start, text: `${name} = ` });
    if (!statement.getText(file).endsWith(";")) edits.push({ start: statement.end, end: statement.end, text: ";" });
  }
}

/** `import d, { a as b } from "m"` → `{ const m = await __pmxlab.import("m"); d = m.default; b = m.a; }` on one line. */
function importAssignments(statement: ts.ImportDeclaration, declared: Set<string>): string {
  const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
  const load = `await ${HELPERS}.import(${JSON.stringify(specifier)})`;
  const clause = statement.importClause;
  if (!clause) return `${load};`;
  const assignments: string[] = [];
  if (clause.name) assignments.push(`${clause.name.text} = __m.default;`);
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) assignments.push(`${bindings.name.text} = __m;`);
  if (bindings && ts.isNamedImports(bindings)) {
    for (const element of bindings.elements) {
      if (element.isTypeOnly) continue;
      const imported = (element.propertyName ?? element.name).text;
      assignments.push(`${element.name.text} = __m[${JSON.stringify(imported)}];`);
    }
  }
  for (const a of assignments) declared.add(a.slice(0, a.indexOf(" ")));
  return `{ const __m = ${load}; ${assignments.join(" ")} }`;
}

function rewriteVariables(statement: ts.VariableStatement, edits: Edit[], declared: Set<string>, file: ts.SourceFile): void {
  const list = statement.declarationList;
  const isVar = (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0;
  // The keyword (`const `, `let `, `var `) goes.
  const keywordStart = list.getStart(file);
  const firstDeclaration = list.declarations[0];
  edits.push({ start: keywordStart, end: firstDeclaration ? firstDeclaration.getStart(file) : list.end, text: "" });
  for (const declaration of list.declarations) {
    for (const name of boundNames(declaration.name)) declared.add(name);
    const start = declaration.getStart(file);
    if (declaration.initializer) {
      edits.push({ start, end: start, text: "(" }, { start: declaration.end, end: declaration.end, text: ")" });
    } else if (isVar) {
      // `var x;` keeps the value x has from an earlier cell, as a redeclared var does.
      edits.push({ start, end: declaration.end, text: "void 0" });
    } else {
      edits.push({ start: declaration.end, end: declaration.end, text: " = undefined" });
    }
  }
  if (!statement.getText(file).endsWith(";")) edits.push({ start: statement.end, end: statement.end, text: ";" });
}

function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : boundNames(element.name)));
}

function dropExport(statement: ts.Statement, edits: Edit[], file: ts.SourceFile): void {
  const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
  for (const modifier of modifiers ?? []) {
    if (modifier.kind === ts.SyntaxKind.ExportKeyword || modifier.kind === ts.SyntaxKind.DefaultKeyword) {
      edits.push({ start: modifier.getStart(file), end: modifier.end, text: "" });
    }
  }
}

/** Where the `class` keyword is (after decorators and modifiers). */
function classKeyword(statement: ts.ClassDeclaration, file: ts.SourceFile): number {
  return statement.getChildren(file).find((child) => child.kind === ts.SyntaxKind.ClassKeyword)?.getStart(file) ?? statement.getStart(file);
}

/** `import("m")` anywhere in the cell → `__pmxlab.import("m")`: the kernel resolves it, as a static import. */
function importCalls(file: ts.SourceFile, edits: Edit[]): void {
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      edits.push({ start: node.expression.getStart(file), end: node.expression.end, text: `${HELPERS}.import` });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}

/** The replacement, followed by as many line breaks as the replaced text had, so later lines keep their numbers. */
function keepLines(replaced: string, replacement: string): string {
  const lost = countLines(replaced) - countLines(replacement);
  return lost > 0 ? replacement + "\n".repeat(lost) : replacement;
}

function countLines(text: string): number {
  let n = 0;
  for (const c of text) if (c === "\n") n++;
  return n;
}

function applyEdits(text: string, edits: Edit[]): string {
  // Stable order: by start, insertions before replacements at the same place, in the order made.
  const ordered = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = "";
  let at = 0;
  for (const e of ordered) {
    out += text.slice(at, e.start) + e.text;
    at = Math.max(at, e.end);
  }
  return out + text.slice(at);
}
