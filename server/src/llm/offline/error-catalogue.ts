// The offline tutor's catalogue of common errors in pmxlab notebooks: TypeScript errors as
// tslab reports them (tslab prints "line:column - message", without the TS code, so each
// entry matches the message text), runtime errors, and @pmxlab/kernel's own messages.
// Each entry explains what happened and gives one next step and a guiding question; none
// gives the exercise's answer. Entries are tried in order: the specific before the general.
import { closest } from "fastest-levenshtein";

/** What an entry can look at besides the error text. */
export interface ErrorContext {
  /** The student's code in the cell, if known. */
  code?: string;
}

/** One kind of error the offline tutor can explain. */
export interface ErrorEntry {
  /** Stable id, e.g. "ts-cannot-find-name". */
  id: string;
  /** A short title shown as the reply's heading. */
  title: string;
  /** Matched against "Name: message" plus the traceback. */
  pattern: RegExp;
  /** An extra condition on the context (e.g. the code uses object shorthand). */
  when?: (match: RegExpExecArray, context: ErrorContext) => boolean;
  /** What happened, in the words of the course. */
  explain: (match: RegExpExecArray, context: ErrorContext) => string;
  /** One concrete next step. */
  next: (match: RegExpExecArray, context: ErrorContext) => string;
  /** A question that makes the student look for the cause themselves. */
  question: string;
}

/** A catalogue entry that matched, with its match. */
export interface ErrorMatch {
  entry: ErrorEntry;
  match: RegExpExecArray;
}

/** "Did you mean X?" for a misspelt name among the known ones (case-insensitive first). */
function didYouMean(name: string, known: string[]): string {
  const candidates = known.map((k) => k.trim()).filter((k) => k.length > 0);
  if (candidates.length === 0) return "";
  const sameCase = candidates.find((k) => k.toLowerCase() === name.toLowerCase());
  const best = sameCase ?? closest(name, candidates);
  return ` Did you mean \`${best}\`? Names are case-sensitive.`;
}

/** Variables written as object shorthand, e.g. `{ CL, V }` → ["CL", "V"]. */
function shorthandNames(code: string): string[] {
  const names: string[] = [];
  for (const m of code.matchAll(/\{([^{}:()=]*)\}/g)) {
    for (const part of m[1].split(",")) {
      const name = part.trim();
      if (/^[A-Za-z_$][\w$]*$/.test(name)) names.push(name);
    }
  }
  return names;
}

export const ERROR_CATALOGUE: readonly ErrorEntry[] = [
  {
    id: "tslab-object-shorthand",
    title: "A variable of an earlier cell in object shorthand",
    pattern: /ReferenceError:?\s*([A-Za-z_$][\w$]*) is not defined/,
    when: (m, c) => c.code !== undefined && shorthandNames(c.code).includes(m[1]),
    explain: (m) =>
      `\`${m[1]}\` was defined in an earlier cell, but this cell passes it as object shorthand (\`{ ${m[1]} }\`). tslab 1.0.22 moves variables of earlier cells, and shorthand properties still point at the old name, so the cell fails with "${m[1]} is not defined" although the variable exists.`,
    next: (m) => `Write the property out in full: \`{ ${m[1]}: ${m[1]} }\` instead of \`{ ${m[1]} }\`, then run the cell again.`,
    question: "Which other objects in your cell use the same shorthand?",
  },
  {
    id: "check-run-cells-above",
    title: "The check found no answer variable",
    pattern: /`([A-Za-z_$][\w$]*)` is not defined: run the exercise cell/,
    explain: (m) =>
      `The check reads \`${m[1]}\` from the kernel, and the kernel does not have it: the exercise cell has not run since the kernel started, it failed before defining \`${m[1]}\`, or the variable has another name.`,
    next: () => "Run the cells above the exercise (after a restart, from the top), then the exercise cell, and press Check again.",
    question: "Does the exercise cell run without an error, and is the variable spelt exactly as the exercise asks?",
  },
  {
    id: "runtime-not-defined",
    title: "A name that is not defined",
    pattern: /(?:ReferenceError:?\s*)?([A-Za-z_$][\w$]*) is not defined/,
    explain: (m) =>
      `JavaScript could not find \`${m[1]}\` when the cell ran. Either the cell that defines it has not run in this kernel session (cells run in the order you run them, and a restart forgets everything), or the name is spelt differently where it is defined.`,
    next: (m) => `Find the line that defines \`${m[1]}\` and run that cell first; if it is defined, compare the spelling and capital letters.`,
    question: "Where in the notebook is this name defined, and has that cell run since the kernel started?",
  },
  {
    id: "ts-cannot-find-console",
    title: "TypeScript cannot see Node's types",
    pattern: /Cannot find name '(console|process|require|Buffer)'/,
    explain: () => "tslab type-checks each cell from the notebook's folder. It did not find Node's type declarations (@types/node) from there, so even `console` is unknown.",
    next: () => "Open the notebook from inside the pmxlab project (where `npm install` was run), or install @types/node in the notebook's folder, then restart the kernel.",
    question: "In which folder is this notebook, and is the pmxlab project (with its node_modules) above it?",
  },
  {
    id: "ts-cannot-find-name",
    title: "TypeScript: cannot find a name (TS2304)",
    pattern: /(?:TS2304|TS2552)?[^\n]*Cannot find name '([^']+)'(?:\. Did you mean '([^']+)'\?)?/,
    explain: (m) =>
      `TypeScript checks the cell before it runs and does not know \`${m[1]}\`: it is not declared in this cell, not defined by a cell that has run, and not imported.${m[2] ? ` TypeScript suggests \`${m[2]}\`.` : ""}`,
    next: (m) => `If \`${m[1]}\` comes from @pmxlab/kernel, add it to the import line (\`import { …, ${m[1]} } from "@pmxlab/kernel"\`); if it is your own variable, run the cell that defines it or fix its spelling.`,
    question: "Is this a function of the library or a variable of yours, and where should it come from?",
  },
  {
    id: "missing-await-property",
    title: "A Promise where a value was expected (missing await)",
    pattern: /Property '([^']+)' does not exist on type 'Promise<([^>]*)>'/,
    explain: (m) =>
      `The function you called is asynchronous: it returns a Promise of ${m[2] || "a value"}, not the value itself, so \`.${m[1]}\` is not there yet.`,
    next: () => "Put `await` in front of the call (`const result = await f(...)`): tslab allows await at the top level of a cell. Inside your own function, mark that function `async`.",
    question: "Which call in this line returns a Promise, and what do you need to get its value?",
  },
  {
    id: "missing-await-condition",
    title: "A Promise used as a value (missing await)",
    pattern: /always return true since this '?Promise|Did you forget to use 'await'\?|\[object Promise\]|Promise \{ <pending> \}/,
    explain: () => "A Promise was used where its value was meant: an asynchronous function's result needs `await` before you can read, compare or print it.",
    next: () => "Add `await` before the asynchronous call and run the cell again.",
    question: "Which of the functions you call returns a Promise?",
  },
  {
    id: "await-outside-async",
    title: "await inside a function that is not async (TS1308)",
    pattern: /'await' expressions are only allowed within async functions/,
    explain: () => "`await` can be used at the top level of a cell, but inside a function only when that function is declared `async`.",
    next: () => "Write `async` before the function (`async function f() { … }` or `async () => { … }`) and await its call in turn.",
    question: "Which function encloses the await, and who calls it?",
  },
  {
    id: "ts-property-missing",
    title: "A property that does not exist (TS2339)",
    pattern: /Property '([^']+)' does not exist on type '([^']+)'/,
    explain: (m) => `TypeScript knows the shape of \`${m[2]}\` and it has no property \`${m[1]}\`. Often the name is spelt differently, or the value sits one level deeper (a simulation's concentrations are in \`sim.outputs.CP\`).`,
    next: (m) => `Type the value followed by a dot in a cell and press Tab to list what \`${m[2]}\` really has, then use that name.`,
    question: "What does the object you are using contain, and where is the value you want inside it?",
  },
  {
    id: "ts-object-literal-unknown-property",
    title: "An option the function does not take",
    pattern: /Object literal may only specify known properties, and '([^']+)' does not exist in type/,
    explain: (m) => `The object you pass has a property \`${m[1]}\` that the function's options do not include, so TypeScript refuses it; a misspelt option would otherwise be ignored silently.`,
    next: () => "Compare the property with the function's documented options (hover or Shift+Tab on the function) and correct the name.",
    question: "Which option did you mean, and how is it spelt in the documentation?",
  },
  {
    id: "ts-argument-type",
    title: "An argument of the wrong type (TS2345)",
    pattern: /Argument of type '([^']+)' is not assignable to parameter of type '([^']+)'/,
    explain: (m) => `A function received ${m[1]} where it expects ${m[2]}. TypeScript stops the cell before it runs so the wrong value never reaches the simulation.`,
    next: () => "Look at what the function expects (for example a regimen as text such as \"100 mg q12h x 3\", parameters as an object { CL: …, V: … }, times as an array or { end, step }) and pass a value of that shape.",
    question: "What type does this argument have in your code, and what does the function ask for?",
  },
  {
    id: "ts-assign-type",
    title: "A value of the wrong type (TS2322)",
    pattern: /Type '([^']+)' is not assignable to type '([^']+)'/,
    explain: (m) => `A value of type ${m[1]} is stored where ${m[2]} was declared. A common case is text such as "7 h" in a variable declared as number, or a number where a string was declared.`,
    next: () => "Either change the value to the declared type or change the declaration (a check accepts a number in the asked unit or text with a unit such as \"30 min\").",
    question: "Which type did you declare for this variable, and which type does the value on the right have?",
  },
  {
    id: "ts-implicit-any",
    title: "A function parameter without a type (TS7006)",
    pattern: /Parameter '([^']+)' implicitly has an 'any' type/,
    explain: (m) => `TypeScript does not know what \`${m[1]}\` is, and the notebook's strict settings do not guess.`,
    next: (m) => `Give the parameter a type, e.g. \`(${m[1]}: number) => …\`.`,
    question: "What kind of value will this function receive?",
  },
  {
    id: "ts-argument-count",
    title: "The wrong number of arguments (TS2554)",
    pattern: /Expected (\d+(?:-\d+)?) arguments?, but got (\d+)/,
    explain: (m) => `The function takes ${m[1]} argument(s) and the call gives ${m[2]}.`,
    next: () => "Read the function's signature (Shift+Tab on its name) and pass the arguments it lists, in order; options usually go together in one object.",
    question: "Which argument is missing or extra?",
  },
  {
    id: "ts-const-assign",
    title: "Assigning to a constant (TS2588)",
    pattern: /Cannot assign to '([^']+)' because it is a constant/,
    explain: (m) => `\`${m[1]}\` was declared with \`const\`, so it cannot be given a new value.`,
    next: (m) => `Declare it with \`let\` if it must change, or compute the new value under a new name instead of reassigning \`${m[1]}\`.`,
    question: "Does this value really need to change, or is it a new quantity?",
  },
  {
    id: "ts-redeclare",
    title: "A name declared twice (TS2451)",
    pattern: /Cannot redeclare block-scoped variable '([^']+)'/,
    explain: (m) => `\`${m[1]}\` is declared twice in the same cell.`,
    next: (m) => `Keep one declaration of \`${m[1]}\` and assign or rename the other.`,
    question: "Which of the two declarations do you need?",
  },
  {
    id: "ts-syntax",
    title: "A syntax error",
    pattern: /(?:'[^']+' expected|Unterminated (?:string|template) literal|SyntaxError|Unexpected token|Invalid character|Declaration or statement expected)/,
    explain: () => "The cell is not valid TypeScript, so none of it ran. Frequent causes: a missing bracket or comma, a quote that is never closed, and model text spanning several lines written in \"quotes\" instead of `backticks`.",
    next: () => "Go to the line and column the error names and check the brackets and quotes just before it; write multi-line model text between backticks.",
    question: "Which bracket or quote opened before that position is never closed?",
  },
  {
    id: "pmxlab-unknown-parameter",
    title: "A parameter the model does not have",
    pattern: /unknown parameter "([^"]+)" for model ([\w.-]+); known: ([^\n]+)/,
    explain: (m) => `Model ${m[2]} has no parameter \`${m[1]}\`; its parameters are ${m[3].trim()}.${didYouMean(m[1], m[3].split(","))}`,
    next: () => "Use the model's own parameter names in `params` (they follow the literature: CL, V, KA, F1, …); `getModel(name).parameters` lists them with units.",
    question: "Which of the model's parameters does your value stand for?",
  },
  {
    id: "pmxlab-unknown-model",
    title: "A model name that is not in the library",
    pattern: /unknown model "([^"]*)"; known models: ([^\n]+)/,
    explain: (m) => `There is no built-in model "${m[1]}".${didYouMean(m[1], m[2].split(","))}`,
    next: () => "Pick the model from the list (`listModels()` gives each with its description): the name tells compartments and route, e.g. pk1cmt_iv, pk1cmt_oral, pk2cmt_iv.",
    question: "How many compartments and which route does your exercise describe?",
  },
  {
    id: "pmxlab-regimen",
    title: "A regimen pmxlab cannot read",
    pattern: /cannot read regimen: ([^\n]+)/,
    explain: (m) => `The regimen text did not parse: ${m[1].trim()}. A regimen reads like a prescription: an amount with its unit, then optionally an interval and a count, such as "100 mg q12h x 3" (three doses 12 h apart) or "100 mg q12h for 7 days".`,
    next: () => "Write amount and unit with a space (\"100 mg\"), the interval as q<number><unit> (\"q8h\"), and the count as \"x N\" or \"for N days\"; the error's caret shows where reading stopped.",
    question: "How many doses does the prescription give, and how far apart are they?",
  },
  {
    id: "pmxlab-unit-scale",
    title: "Units of the same kind at different scales",
    pattern: /has unit ([^,\n]+), expected ([^:\n]+): the scales differ by a factor of ([\d.e+]+)/,
    explain: (m) => `The expression has unit ${m[1].trim()} and the line declares ${m[2].trim()}: the same kind of quantity, but ${m[3]} times apart. pmxlab refuses this rather than silently giving numbers ${m[3]}-fold off (1 mg/L = 1000 ng/mL, 1 mg = 1000 ug).`,
    next: () => "Declare the unit the expression really has, or convert explicitly with a parameter that carries the conversion's unit.",
    question: "In which unit is each quantity in this expression, and which unit do you want to read the result in?",
  },
  {
    id: "pmxlab-unit-mismatch",
    title: "An equation whose units do not match",
    pattern: /line (\d+): ([^\n]*?) has unit ([^\n]+?), expected ([^\n(]+?)(?: \(([^)]*)\))?$/m,
    explain: (m) =>
      `On line ${m[1]} of the model, \`${m[2].trim()}\` works out to ${m[3].trim()} but must be ${m[4].trim()}${m[5] ? ` (${m[5]})` : ""}. Every term of a rate equation must be an amount per time. A leftover volume (L) often means a rate constant was multiplied by V, or CL was used without dividing by V; a missing time (1/h) means a volume or amount was used where a rate belongs.`,
    next: () => "Write the unit under each symbol of that line (e.g. CL in L/h, V in L, central in mg) and simplify: find the term whose unit differs from the others.",
    question: "What unit does each term of this equation have, and which one is the odd one out?",
  },
  {
    id: "pmxlab-unknown-symbol",
    title: "A symbol the model does not declare",
    pattern: /unknown symbol "([^"]+)"/,
    explain: (m) => `The model uses \`${m[1]}\` but declares it nowhere: every name in an equation must be a parameter, covariate, compartment or $DERIVED value defined above it (or t).`,
    next: (m) => `Declare \`${m[1]}\` under $PARAMETERS with value, unit and label (\`${m[1]} = … : unit : label\`), or define it under $DERIVED from other names.`,
    question: "What does this symbol stand for, and is it a parameter or computed from other names?",
  },
  {
    id: "pmxlab-unknown-unit",
    title: "A unit pmxlab does not know",
    pattern: /unknown unit "([^"]+)"/,
    explain: (m) => `"${m[1]}" is not a unit pmxlab can read. Units are mathjs unit strings: mg, ug, L, mL, h, min, d, 1/h, L/h, mg/L, ng/mL, nM, kg; "1" means dimensionless.`,
    next: () => "Write the unit in that form, e.g. L/h rather than litre/hr.",
    question: "Which standard unit symbol means the same thing?",
  },
  {
    id: "pmxlab-model-section",
    title: "A model missing a section",
    pattern: /model (\S+) has no (compartments|parameters|outputs|equations)/,
    explain: (m) => `Model ${m[1]} has no ${m[2]}. A model text needs $PARAMETERS, $COMPARTMENTS, $ODE and $OUTPUTS, each heading on its own line.`,
    next: () => "Compare your text with a built-in model (`modelSource(\"pk1cmt_oral\")`) and add the missing section.",
    question: "Which sections does a complete model have, and which one is missing here?",
  },
  {
    id: "pmxlab-invalid-parameter-value",
    title: "A parameter value that cannot be simulated",
    pattern: /parameter (\w+) = (\S+) ([^:\n]*): ([^\n(]+)/,
    explain: (m) =>
      `${m[1]} is ${m[2]} ${m[3].trim()}, and ${m[4].trim()}. ${m[2] === "NaN" || m[2] === "undefined" ? "NaN usually comes from arithmetic with a variable that is undefined (a cell not run, or a misspelt name)." : "A sign or a unit conversion may have gone wrong."}`,
    next: (m) => `Print \`${m[1]}\` and the values it is computed from, in the cell before the simulation.`,
    question: "Where does this value come from, and what should its sign and size be?",
  },
  {
    id: "pmxlab-dose-needs-weight",
    title: "A weight-based dose without a weight",
    pattern: /a dose in (\S+) needs the subject's (weight|body surface area)/,
    explain: (m) => `The regimen is in ${m[1]}, so pmxlab needs each subject's ${m[2]} to turn it into an amount, and none was given.`,
    next: () => "Give the covariate (WT in kg, or BSA) with the simulation, or convert the dose to mg yourself first.",
    question: "How do you turn a dose per kilogram into an amount for this patient?",
  },
  {
    id: "pmxlab-dose-needs-molecular-weight",
    title: "A mass dose into a molar compartment",
    pattern: /cannot convert a dose in (\S+) into compartment (\S+) of model (\S+), whose unit is (\S+);/,
    explain: (m) => `The dose is in ${m[1]} (a mass) and compartment ${m[2]} of ${m[3]} holds ${m[4]} (an amount of substance). Mass and moles convert only through the molecular weight, which this model does not declare.`,
    next: () => "Declare the drug's molecular weight in the model (`$MW 146000 g/mol` for an IgG1 antibody, with its source), or give the dose in the compartment's unit.",
    question: "How many grams does one mole of your drug weigh, and where is that number from?",
  },
  {
    id: "pmxlab-route",
    title: "A route the model does not have",
    pattern: /model (\S+) has no route "([^"]+)"; its routes are ([^.\n]+)/,
    explain: (m) => `The regimen gives the dose "${m[2]}", but ${m[1]} only has ${m[3].trim()}. An IV model has no absorption depot, so an oral dose has nowhere to go.`,
    next: () => "Use a model with that route (for oral doses one with a depot, such as pk1cmt_oral) or the route the model has.",
    question: "Does the exercise give this drug by mouth or into a vein, and which model has the compartment for that?",
  },
  {
    id: "pmxlab-times-order",
    title: "Output times out of order",
    pattern: /times must be in increasing order: (times\[\d+\] = [^\n]+)/,
    explain: (m) => `The times to report must increase: ${m[1]}.`,
    next: () => "Give the times sorted, or use { end, step } for an even grid.",
    question: "How were these times put together, and where does the order break?",
  },
  {
    id: "pmxlab-no-column",
    title: "An output the simulation does not have",
    pattern: /no column "([^"]+)" in this simulation of (\S+); columns: ([^\n]+)/,
    explain: (m) => `Model ${m[2]} has no output or state \`${m[1]}\`; this simulation has ${m[3].trim()}.`,
    next: () => "Use one of the listed names (concentrations are usually CP).",
    question: "Which of the listed columns is the quantity you want?",
  },
  {
    id: "pmxlab-quantity",
    title: "An answer the check cannot read as a quantity",
    pattern: /is not a quantity pmxlab can read|should be a number or a quantity/,
    explain: () => "The check reads a number in the asked unit, or text with a number and a unit such as \"30 min\", or { value, unit }; this answer is none of these.",
    next: () => "Store a plain number (in the unit the exercise asks) or text like \"7 h\"; not a sentence and not an array.",
    question: "In which unit does the exercise ask for the answer?",
  },
  {
    id: "runtime-undefined-property",
    title: "Reading a property of undefined",
    pattern: /Cannot read propert(?:y|ies) of (undefined|null)(?: \(reading '([^']+)'\))?/,
    explain: (m) => `The code read ${m[2] ? `\`.${m[2]}\`` : "a property"} of a value that is ${m[1]}: the object before the dot does not exist (a variable not yet computed, a misspelt name, or a function that returned nothing).`,
    next: () => "Print the value just before the dot to see where it becomes undefined.",
    question: "Which value on that line is undefined, and where should it have been set?",
  },
  {
    id: "runtime-not-a-function",
    title: "Calling something that is not a function",
    pattern: /TypeError:?\s*([\w.$]+) is not a function/,
    explain: (m) => `\`${m[1]}\` is not a function: a misspelt method name, a value used where a function was expected, or a function that was not imported.`,
    next: () => "Check the spelling and the import line; print the value to see what it is.",
    question: "What is this name, and where does it come from?",
  },
  {
    id: "module-not-found",
    title: "A module that cannot be found",
    pattern: /Cannot find module '([^']+)'/,
    explain: (m) => `The kernel cannot resolve \`${m[1]}\` from the notebook's folder.`,
    next: () => "Open the notebook inside the pmxlab project (where `npm install` ran); for a course file such as ./checks, keep the notebook beside it.",
    question: "Where is this notebook on disk, relative to the project?",
  },
];

/** The first catalogue entry matching an error text (and its context), if any. */
export function matchError(text: string, context: ErrorContext = {}): ErrorMatch | undefined {
  for (const entry of ERROR_CATALOGUE) {
    const match = entry.pattern.exec(text);
    if (match && (entry.when === undefined || entry.when(match, context))) return { entry, match };
  }
  return undefined;
}
