import ts from "typescript";
import { lineMapOf } from "../cell/line-map.js";
import type { RunSource } from "../cell/error-text.js";
import { folderOf, ModuleNotFoundError, resolveImport } from "./resolve.js";

/** What the module loader needs from the kernel. */
export interface ModuleHost {
  /** Modules the kernel serves itself, by name. */
  readonly builtinNames: ReadonlySet<string>;
  /** Loads a built-in module (its namespace object). */
  builtin(name: string): Promise<unknown>;
  /** The text of a file of the contents drive, or undefined when there is none. */
  readFile(path: string): Promise<string | undefined>;
  /** Notes code run under `url`, so that errors show its lines (see error-text.ts). */
  register(url: string, source: RunSource): void;
}

type Dependency = { builtin: unknown } | { module: LocalModule };

interface LocalModule {
  path: string;
  exports: Record<string, unknown>;
  state: "loading" | "loaded" | "evaluating" | "done";
  dependencies: Map<string, Dependency>;
  run?: (exports: unknown, require: (id: string) => unknown, module: { exports: unknown }) => void;
}

const COMMONJS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  esModuleInterop: true,
  sourceMap: true,
};

/**
 * The notebook's own TypeScript modules (`import { checks } from "./checks"`): fetched from
 * the contents drive, each transpiled to CommonJS and evaluated once per kernel session (a
 * restart reads them again), with their imports — other local files, and the kernel's
 * built-in modules — loaded first, so `require` inside them is synchronous. Cycles resolve
 * as in Node (a module sees the exports of one still loading). Top-level `await` is not
 * supported in these modules (it is in cells).
 */
export class LocalModules {
  private readonly modules = new Map<string, LocalModule>();

  constructor(private readonly host: ModuleHost) {}

  /** The namespace of `specifier` imported from folder `fromDir`, loaded and evaluated. */
  async import(specifier: string, fromDir: string): Promise<unknown> {
    const resolution = resolveImport(specifier, fromDir, this.host.builtinNames);
    if (resolution.kind === "builtin") return this.host.builtin(resolution.name);
    const module = await this.load(specifier, resolution.candidates);
    return evaluate(module);
  }

  private async load(specifier: string, candidates: string[]): Promise<LocalModule> {
    for (const path of candidates) {
      const known = this.modules.get(path);
      if (known) return known;
    }
    for (const path of candidates) {
      const text = await this.host.readFile(path);
      if (text === undefined) continue;
      const module: LocalModule = { path, exports: {}, state: "loading", dependencies: new Map() };
      this.modules.set(path, module);
      try {
        await this.prepare(module, text);
      } catch (error) {
        this.modules.delete(path);
        throw error;
      }
      module.state = "loaded";
      return module;
    }
    throw new ModuleNotFoundError(`Cannot find module "${specifier}": none of ${candidates.join(", ")} exists`);
  }

  private async prepare(module: LocalModule, text: string): Promise<void> {
    if (module.path.endsWith(".json")) {
      module.run = (_e, _r, m) => {
        m.exports = JSON.parse(text);
      };
      return;
    }
    const output = ts.transpileModule(text, { compilerOptions: COMMONJS, fileName: module.path, reportDiagnostics: true });
    const error = output.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
    if (error) {
      const at = ts.createSourceFile(module.path, text, ts.ScriptTarget.ES2022).getLineAndCharacterOfPosition(error.start ?? 0);
      throw new SyntaxError(`${module.path} ${at.line + 1}:${at.character + 1} - ${ts.flattenDiagnosticMessageText(error.messageText, "\n")}`);
    }
    const dir = folderOf(module.path);
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (module.dependencies.has(fileName)) continue;
      const resolution = resolveImport(fileName, dir, this.host.builtinNames);
      module.dependencies.set(
        fileName,
        resolution.kind === "builtin" ? { builtin: await this.host.builtin(resolution.name) } : { module: await this.load(fileName, resolution.candidates) },
      );
    }
    const url = `pmxlab-module:///${module.path}`;
    this.host.register(url, { name: module.path, line: lineMapOf(output.sourceMapText ?? "") });
    const js = output.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n");
    module.run = (0, eval)(`(function (exports, require, module) {${js}\n})\n//# sourceURL=${url}`);
  }
}

function evaluate(module: LocalModule): unknown {
  if (module.state === "evaluating" || module.state === "done") return module.exports;
  module.state = "evaluating";
  const holder = { exports: module.exports as unknown };
  const require = (id: string): unknown => {
    const dependency = module.dependencies.get(id);
    if (!dependency) throw new ModuleNotFoundError(`Cannot find module "${id}" from ${module.path}`);
    return "builtin" in dependency ? dependency.builtin : evaluate(dependency.module);
  };
  try {
    module.run?.(module.exports, require, holder);
  } catch (error) {
    module.state = "loaded";
    throw error;
  }
  module.exports = holder.exports as Record<string, unknown>;
  module.state = "done";
  return module.exports;
}
