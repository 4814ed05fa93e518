import { doseBlock, MAX_DOSES_PER_RECORD, nextStart } from "./dose-block.js";
import type { DoseOptions } from "./dose-block.js";
import { AMOUNT_UNITS, TIME_UNITS, toBase } from "./dose-units.js";
import type { AmountUnit, DoseUnit, UnitScale } from "./dose-units.js";
import { RegimenError } from "./regimen-error.js";
import { tokenize } from "./regimen-tokens.js";
import type { Token } from "./regimen-tokens.js";
import type { DoseEvent } from "./types.js";

/** Dosing frequencies written as words, to their interval in h. */
const FREQUENCIES: ReadonlyMap<string, number> = new Map([
  ["qd", 24], ["od", 24], ["daily", 24], ["bid", 12], ["tid", 8], ["qid", 6], ["qod", 48],
]);

const ROUTES: ReadonlyMap<string, DoseOptions["route"]> = new Map([
  ["iv", "iv"], ["oral", "oral"], ["po", "oral"], ["sc", "sc"], ["im", "im"],
]);

/**
 * Reads regimen text into NONMEM dose records (in text order; internal: use `parseRegimen`).
 * The grammar is in docs/regimens.md: blocks joined by "then" or ";"; a block is
 * `[loading|maintenance] AMOUNT UNIT[/kg|/m2]` (or `RATE UNIT/TU`, a continuous infusion)
 * followed, in any order and at most once each, by `over D TU` | `rate R AU/TU` |
 * `q I TU` (`every I TU`, `qd`, `bid`, `tid`, `qid`, `qod`) | `x N [doses]` | `for P TU` |
 * `at T[, T…] TU` | `into cmt N` | a route (`iv`, `oral`/`po`, `sc`, `im`) | `ss`. A block
 * without `at` starts at 0, or, after "then", one interval after the last dose so far (see
 * `nextStart`). Throws one `RegimenError` pointing at the first word that does not fit.
 */
export function readRegimenText(text: string): DoseEvent[] {
  if (text.length > MAX_REGIMEN_CHARACTERS) {
    const word = text.slice(MAX_REGIMEN_CHARACTERS, MAX_REGIMEN_CHARACTERS + 20);
    throw new RegimenError(text, MAX_REGIMEN_CHARACTERS, word, `the text is ${text.length} characters long, more than the ${MAX_REGIMEN_CHARACTERS.toLocaleString("en-US")} a regimen may have (a dosing history belongs in a dataset)`);
  }
  return new RegimenReader(text).read();
}

/** The longest regimen text read: a regimen is a line or two (a 4 MB one took minutes to read). */
const MAX_REGIMEN_CHARACTERS = 10_000;

/** Why a number beyond Number.MAX_VALUE is refused, in words (it reads as Infinity). */
const TOO_LARGE = "is too large (above 1.8e308, the largest number a computer holds)";

interface Block {
  amount: number;
  options: DoseOptions;
  /** The words that set each option, for error messages. */
  words: Partial<Record<string, Token>>;
}

class RegimenReader {
  private readonly tokens: Token[];
  private k = 0;

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  read(): DoseEvent[] {
    if (this.tokens.length === 1 && this.tokens[0].key === "none") return [];
    const events: DoseEvent[] = [];
    let joinedBy: Token | undefined;
    for (;;) {
      const block = this.block();
      if (block.options.at === undefined && joinedBy?.key === "then") {
        const start = nextStart(events, block.options.every);
        if (start === undefined) {
          this.fail(joinedBy, 'neither the dose before "then" nor the one after it has an interval; give the start with "at … h"');
        }
        block.options.at = start;
      }
      events.push(...doseBlock(block.amount, block.options));
      const next = this.peek();
      if (!next) return events;
      if (next.key !== "then" && next.key !== ";") this.fail(next, "unexpected word");
      joinedBy = this.take();
    }
  }

  private block(): Block {
    const first = this.peek();
    if (first && (first.key === "loading" || first.key === "maintenance")) this.take();
    const amountWord = this.peek();
    const amount = this.number("an amount such as 100");
    const { scale, unit } = this.amountUnit();
    const block: Block = { amount: this.finite(toBase(amount, scale), amountWord as Token, `the amount in ${scale.base}`), options: { unit }, words: { amount: amountWord } };
    if (!(block.amount > 0)) this.fail(amountWord, "the amount must be > 0");
    if (this.peek()?.key === "/") {
      // "10 mg/h": a continuous infusion at that rate, until the end of the simulation or for a period.
      this.take();
      const rate = block.amount / toBase(1, this.unit(TIME_UNITS, "a time unit (min, h, d) of the infusion rate"));
      block.options.rate = this.finite(rate, amountWord as Token, `the infusion rate in ${unit}/h`);
      block.amount = Infinity;
      block.words.rate = amountWord;
    }
    let period: number | undefined;
    for (let word = this.peek(); word && word.key !== "then" && word.key !== ";"; word = this.peek()) {
      const key = this.modifierKey(word);
      if (block.words[key]) this.fail(word, `"${word.text}" repeats ${key === "times" ? "the number of doses" : `the ${key}`}`);
      block.words[key] = word;
      this.take();
      const o = block.options;
      switch (key) {
        case "over":
          o.over = this.positive(this.time("the infusion duration"), word, "the infusion duration");
          break;
        case "rate":
          o.rate = this.positive(this.rate(o.unit as DoseUnit), word, "the infusion rate");
          break;
        case "every":
          o.every = FREQUENCIES.get(word.key) ?? this.positive(this.time("the dosing interval"), word, "the dosing interval");
          break;
        case "times":
          o.times = this.count(word);
          break;
        case "for":
          period = this.positive(this.time("the dosing period"), word, "the dosing period");
          break;
        case "at":
          o.at = this.times();
          break;
        case "cmt":
          if (word.key === "into" && ["cmt", "compartment"].includes(this.peek()?.key ?? "")) this.take();
          o.cmt = this.count(word);
          break;
        case "route":
          o.route = ROUTES.get(word.key);
          break;
        case "ss":
          o.steadyState = true;
          break;
      }
    }
    this.finishBlock(block, period);
    return block;
  }

  /** Checks that need the whole block: "x", "for" and "ss" need an interval. */
  private finishBlock(block: Block, period: number | undefined): void {
    const { options: o, words } = block;
    if (words.route && words.cmt) this.fail(words.cmt, `give the route or the compartment, not both: "${words.route.text}" doses the compartment the model's $ROUTES name`);
    if (block.amount === Infinity) {
      // A continuous infusion: "for P" is how long it runs; it has no doses to count or repeat.
      const extra = [words.over, words.every, words.times].filter((w): w is Token => w !== undefined).sort((a, b) => a.index - b.index)[0];
      if (extra) this.fail(extra, `a continuous infusion ("${words.amount?.text} …/h") has no "${extra.text}"; give a dose such as "100 mg over 1 h q8h x 3" instead`);
      // Infinity here would silently make the infusion run to the end of the simulation.
      if (period !== undefined) block.amount = this.finite((o.rate as number) * period, words.for as Token, `the amount infused (rate × "for")`);
      return;
    }
    if (words.over && words.rate) this.fail(words.rate as Token, 'give either "over" or "rate", not both');
    if (words.for && words.times) this.fail(words.for, 'give either "x N" or "for …", not both');
    const needsInterval = words.for ?? ((o.times ?? 1) > 1 ? words.times : undefined) ?? words.ss;
    if (needsInterval && o.every === undefined) this.fail(needsInterval, 'this needs a dosing interval such as "q12h"');
    if (o.every !== undefined && !words.times && !words.for && !words.ss) {
      this.fail(words.every as Token, 'an interval needs the number of doses: add "x N" or "for N days"');
    }
    // Every dose that starts within the period: 7 days of q12h is 14 doses (0 … 156 h).
    if (period !== undefined) o.times = Math.ceil(period / (o.every as number) - 1e-9);
    if (period !== undefined && !((o.times as number) <= MAX_DOSES_PER_RECORD)) {
      this.fail(words.for as Token, `this period at one dose every ${o.every} h is more than the ${MAX_DOSES_PER_RECORD.toLocaleString("en-US")} doses one block may hold`);
    }
  }

  private modifierKey(word: Token): string {
    switch (word.key) {
      case "over":
      case "rate":
      case "for":
      case "at":
      case "ss":
        return word.key;
      case "q":
      case "every":
      case "qd":
      case "od":
      case "daily":
      case "bid":
      case "tid":
      case "qid":
      case "qod":
        return "every";
      case "x":
      case "\u00d7":
        return "times";
      case "into":
      case "cmt":
      case "compartment":
        return "cmt";
      case "iv":
      case "oral":
      case "po":
      case "sc":
      case "im":
        return "route";
      default:
        return this.fail(word, "unexpected word");
    }
  }

  private count(after: Token): number {
    const word = this.peek();
    const n = this.number(`a whole number after "${after.text}"`);
    if (!Number.isInteger(n) || n < 1) this.fail(word as Token, "expected a whole number ≥ 1");
    if (n > MAX_DOSES_PER_RECORD) this.fail(word as Token, `${n} doses is more than the ${MAX_DOSES_PER_RECORD.toLocaleString("en-US")} one block may hold`);
    if (after.key === "x" || after.key === "\u00d7") {
      const key = this.peek()?.key;
      if (key === "doses" || key === "dose" || key === "times") this.take();
    }
    return n;
  }

  /** `T[, T…] TU` → times in h. */
  private times(): number[] {
    const words = [this.peek() as Token];
    const values = [this.number("a time")];
    while (this.peek()?.key === ",") {
      this.take();
      words.push(this.peek() as Token);
      values.push(this.number("a time after the comma"));
    }
    const unit = this.unit(TIME_UNITS, "a time unit (min, h, d)");
    return values.map((v, i) => this.finite(toBase(v, unit), words[i], "the time in h"));
  }

  /** `D TU` → `what` in h. */
  private time(what: string): number {
    const word = this.peek() as Token;
    const value = this.number("a number");
    return this.finite(toBase(value, this.unit(TIME_UNITS, "a time unit (min, h, d)")), word, `${what} in h`);
  }

  /** `R AU[/kg|/m2]/TU` → the block's amount unit per h; the rate's amount must be of the block's kind. */
  private rate(blockUnit: DoseUnit): number {
    const valueWord = this.peek() as Token;
    const value = this.number("a rate such as 500 mg/h");
    const unitWord = this.peek();
    const { scale, unit } = this.amountUnit();
    if (unit !== blockUnit) this.fail(unitWord, `the rate is in ${unit}/h but the dose in ${blockUnit}: give both in the same kind of unit`);
    const slash = this.peek();
    if (slash?.key !== "/") this.fail(slash, 'expected "/" as in "500 mg/h"');
    this.take();
    const time = this.unit(TIME_UNITS, "a time unit (min, h, d)");
    return this.finite((value * scale.mul * time.div) / (scale.div * time.mul), valueWord, `the rate in ${blockUnit}/h`);
  }

  /** `AU` or `AU/kg` or `AU/m2` (also m² and m^2) → the scale to mg or nmol and the dose unit. */
  private amountUnit(): { scale: AmountUnit; unit: DoseUnit } {
    const scale = this.unit(AMOUNT_UNITS, "an amount unit (g, mg, ug, mcg, µg, ng; mol, mmol, umol, nmol, pmol)");
    const slash = this.peek();
    const next = this.tokens[this.k + 1];
    if (slash?.key !== "/" || (next?.key !== "kg" && next?.key !== "m")) return { scale, unit: scale.base };
    this.take();
    this.take();
    if (next.key === "kg") return { scale, unit: `${scale.base}/kg` };
    if (this.peek()?.key === "^") this.take();
    const square = this.peek();
    if (square?.key !== "2" && square?.key !== "\u00b2") this.fail(square, 'expected "m2" (or m², m^2): a dose per square metre of body surface area');
    this.take();
    return { scale, unit: `${scale.base}/m2` };
  }

  private positive(value: number, word: Token, what: string): number {
    if (!(value > 0)) this.fail(word, `${what} must be > 0`);
    return value;
  }

  private number(expected: string): number {
    const word = this.peek();
    if (word?.kind !== "number") this.fail(word, `expected ${expected}`);
    this.take();
    return this.finite(Number(word.text), word, "the number");
  }

  /**
   * `value`, refused at `word` when it is not finite: a number of over 308 digits, or one that
   * overflows in its unit's conversion ("1e308 g" in mg), which the dose checks would
   * otherwise report as an option = Infinity with no place in the text.
   */
  private finite(value: number, word: Token, what: string): number {
    if (!Number.isFinite(value)) this.fail(word, `${what} ${TOO_LARGE}`);
    return value;
  }

  private unit<U extends UnitScale>(units: ReadonlyMap<string, U>, expected: string): U {
    const word = this.peek();
    const unit = word && units.get(word.key);
    if (!unit) this.fail(word, `expected ${expected}`);
    this.take();
    return unit;
  }

  private peek(): Token | undefined {
    return this.tokens[this.k];
  }

  private take(): Token {
    return this.tokens[this.k++];
  }

  private fail(word: Token | undefined, problem: string): never {
    throw new RegimenError(this.text, word ? word.index : this.text.length, word ? word.text : "", problem);
  }
}
