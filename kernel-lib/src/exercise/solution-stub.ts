const BEGIN = /^\s*\/\/\s*BEGIN SOLUTION\s*$/;
const END = /^\s*\/\/\s*END SOLUTION\s*$/;
const STUB = /^(\s*)\/\/\s*STUB:? ?(.*)$/;
const DECLARATION = /^(\s*)(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(:\s*[^=]+?)?\s*=/;

/**
 * The student version of a cell's code: each region between `// BEGIN SOLUTION` and
 * `// END SOLUTION` lines is replaced by a stub that compiles.
 * - `// STUB <code>` lines inside the region become the stub (`// STUB const t: number = NaN;`);
 * - without them, each variable the solution declares at the region's own indentation is
 *   kept with the value `undefined` (`let halfLife: any = undefined; // your answer`), so
 *   later cells still compile and the check says "no answer yet".
 * Throws naming the line for an unclosed or nested region.
 *
 * @example
 * stubSolutions("// BEGIN SOLUTION\nconst t = Math.LN2 / ke;\n// END SOLUTION");
 * // "let t: any = undefined; // TODO: your answer"
 */
export function stubSolutions(source: string, where = "cell"): string {
  const lines = source.split("\n");
  const out: string[] = [];
  let region: string[] | undefined;
  let start = 0;
  lines.forEach((line, i) => {
    if (BEGIN.test(line)) {
      if (region) throw new Error(`${where} line ${i + 1}: BEGIN SOLUTION inside another solution (opened at line ${start + 1})`);
      region = [];
      start = i;
    } else if (END.test(line)) {
      if (!region) throw new Error(`${where} line ${i + 1}: END SOLUTION without BEGIN SOLUTION`);
      out.push(...stubOf(region, lines[start].match(/^\s*/)![0]));
      region = undefined;
    } else if (region) region.push(line);
    else out.push(line);
  });
  if (region) throw new Error(`${where} line ${start + 1}: BEGIN SOLUTION is never closed by END SOLUTION`);
  return out.join("\n");
}

/** True when the source has a solution region. */
export function hasSolution(source: string): boolean {
  return source.split("\n").some((line) => BEGIN.test(line));
}

function stubOf(region: string[], indent: string): string[] {
  const stub = region.flatMap((line) => {
    const m = STUB.exec(line);
    return m ? [m[1] + m[2]] : [];
  });
  if (stub.length > 0) return stub;
  const declared = region.flatMap((line) => {
    const m = DECLARATION.exec(line);
    return m && m[1] === indent ? [`${indent}let ${m[2]}: any = undefined; // TODO: your answer`] : [];
  });
  return declared.length > 0 ? declared : [`${indent}// TODO: your code here`];
}
