import { describe, expect, it } from "vitest";
import { parseRegimen, Regimen, RegimenError } from "../../src/dosing/index.js";

// Expected records derived by hand from NONMEM's meaning of the fields:
// n doses every I h starting at T are one record with TIME T, II I, ADDL n − 1;
// an infusion of A mg over D h has RATE A / D mg/h.
describe("parseRegimen", () => {
  it('reads "100 mg q12h x 14" as one record of 14 doses 12 h apart', () => {
    expect(parseRegimen("100 mg q12h x 14").doses()).toEqual([{ time: 0, amount: 100, cmt: 1, rate: 0, ii: 12, addl: 13, ss: 0, unit: "mg" }]);
  });

  it('reads "loading 400 mg then 200 mg q24h x 6" with maintenance one 24-h interval after the loading dose', () => {
    expect(parseRegimen("loading 400 mg then 200 mg q24h x 6").doses()).toEqual([
      { time: 0, amount: 400, cmt: 1, rate: 0, ii: 0, addl: 0, ss: 0, unit: "mg" },
      { time: 24, amount: 200, cmt: 1, rate: 0, ii: 24, addl: 5, ss: 0, unit: "mg" },
    ]);
  });

  it('reads "500 mg over 1h q8h x 9" as 1-h infusions at 500 mg/h', () => {
    expect(parseRegimen("500 mg over 1h q8h x 9").doses()).toEqual([{ time: 0, amount: 500, cmt: 1, rate: 500, ii: 8, addl: 8, ss: 0, unit: "mg" }]);
  });

  it('reads "100 mg" as a single bolus at time 0', () => {
    expect(parseRegimen("100 mg").doses()).toEqual([{ time: 0, amount: 100, cmt: 1, rate: 0, ii: 0, addl: 0, ss: 0, unit: "mg" }]);
  });

  it('reads "100 mg q12h for 7 days" as the 14 doses that start within 168 h', () => {
    expect(parseRegimen("100 mg q12h for 7 days").doses()).toEqual([{ time: 0, amount: 100, cmt: 1, rate: 0, ii: 12, addl: 13, ss: 0, unit: "mg" }]);
    // 10 h of q8h: doses at 0 and 8 h start within the period, the one at 16 h does not.
    expect(parseRegimen("100 mg q8h for 10 h").doses()[0].addl).toBe(1);
  });

  it('reads "200 mg at 0, 12, 36 h" as three single doses', () => {
    const single = { amount: 200, cmt: 1, rate: 0, ii: 0, addl: 0, ss: 0, unit: "mg" };
    expect(parseRegimen("200 mg at 0, 12, 36 h").doses()).toEqual([
      { time: 0, ...single },
      { time: 12, ...single },
      { time: 36, ...single },
    ]);
  });

  it("converts amounts to mg and times to h", () => {
    expect(parseRegimen("1 g").doses()[0].amount).toBe(1000);
    expect(parseRegimen("250 ug").doses()[0].amount).toBe(0.25);
    expect(parseRegimen("250 mcg").doses()[0].amount).toBe(0.25);
    expect(parseRegimen("250 \u00b5g").doses()[0].amount).toBe(0.25);
    expect(parseRegimen("250 \u03bcg").doses()[0].amount).toBe(0.25);
    expect(parseRegimen("1 g over 30 min").doses()[0]).toMatchObject({ amount: 1000, rate: 2000 });
    expect(parseRegimen("5 mg q1d x 3 at 90 min").doses()[0]).toMatchObject({ time: 1.5, ii: 24, addl: 2 });
    expect(parseRegimen("1 g rate 2 g/h").doses()[0].rate).toBe(2000);
  });

  it("reads compartment, route and steady-state words, in any order and any case", () => {
    expect(parseRegimen("100MG Q12H X 3 SS into cmt 2").doses()).toEqual([{ time: 0, amount: 100, cmt: 2, rate: 0, ii: 12, addl: 2, ss: 1, unit: "mg" }]);
    // A route leaves the compartment to the model's $ROUTES: CMT 0 until simulated.
    expect(parseRegimen("100 mg Q12H x 3 IV ss").doses()).toEqual([{ time: 0, amount: 100, cmt: 0, rate: 0, ii: 12, addl: 2, ss: 1, route: "iv", unit: "mg" }]);
    expect(parseRegimen("100 mg po").doses()[0]).toMatchObject({ cmt: 0, route: "oral" });
    expect(parseRegimen("100 mg sc").doses()[0].route).toBe("sc");
    expect(() => parseRegimen("100 mg cmt 3 oral")).toThrow(/give the route or the compartment, not both/);
  });

  it("starts a block after then one interval of the previous block after its last dose", () => {
    // Last dose of the first block at 13 × 12 = 156 h, plus its 12-h interval.
    expect(parseRegimen("100 mg q12h x 14 then 50 mg q6h x 4").doses()[1]).toMatchObject({ time: 168, ii: 6, addl: 3 });
  });

  it("points at the offending word and lists the accepted forms", () => {
    let error: unknown;
    try {
      parseRegimen("100 mg q12h x 14 with food");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegimenError);
    const lines = (error as Error).message.split("\n");
    expect(lines[0]).toBe('cannot read regimen: unexpected word at "with" (character 18)');
    expect(lines[1]).toBe("  100 mg q12h x 14 with food");
    expect(lines[2]).toBe("                   ^^^^");
    expect(lines[3]).toMatch(/^accepted forms/);
    expect((error as Error).message).toContain("loading 400 mg then 200 mg q24h x 6");
  });

  it("quotes a long text around the offending word only, with the carets under it", () => {
    const text = `${"100 mg q12h x 2 then ".repeat(400)}200 mg with food`; // 8,416 characters
    let message = "";
    try {
      parseRegimen(text);
    } catch (e) {
      message = (e as Error).message;
    }
    const lines = message.split("\n");
    const at = text.indexOf("with");
    expect(lines[0]).toBe(`cannot read regimen: unexpected word at "with" (character ${at + 1})`);
    expect(lines[1]).toBe(`  …${text.slice(at - 60)}`);
    expect(lines[2]).toBe(`  ${" ".repeat(61)}^^^^`);
    expect(message.length).toBeLessThan(2_000);
  });

  it("refuses a text longer than 10,000 characters before reading it", () => {
    const text = "100 mg q12h x 2 then ".repeat(200_000); // 4.2 MB: it took minutes to read
    expect(() => parseRegimen(text)).toThrow(RegimenError);
    expect(() => parseRegimen(text)).toThrow(/^cannot read regimen: the text is 4200000 characters long, more than the 10,000 a regimen may have \(a dosing history belongs in a dataset\) at "/);
  });

  it("rejects an unknown unit, a missing count and a missing amount, naming each", () => {
    expect(() => parseRegimen("100 mgg q12h x 2")).toThrow(/expected an amount unit \(g, mg, ug, mcg, µg, ng; mol, mmol, umol, nmol, pmol\) at "mgg"/);
    expect(() => parseRegimen("100 mg q12h")).toThrow(/an interval needs the number of doses: add "x N" or "for N days" at "q"/);
    expect(() => parseRegimen("q12h x 3")).toThrow(/expected an amount such as 100 at "q" \(character 1\)/);
    expect(() => parseRegimen("100 mg x 3")).toThrow(/this needs a dosing interval such as "q12h" at "x"/);
    expect(() => parseRegimen("100 mg then 50 mg")).toThrow(/give the start with "at … h" at "then"/);
    expect(() => parseRegimen("")).toThrow(/at the end of the text/);
    expect(() => parseRegimen("0 mg")).toThrow(/the amount must be > 0 at "0"/);
  });

  // A number of over 308 digits reads as Infinity: it was refused as "dose option amount =
  // Infinity", a plain Error with no place in the text.
  describe("refuses a number too large for the computer at its word", () => {
    const big = `1${"0".repeat(310)}`; // 1e310
    const shown = `"${big.slice(0, 60)}… (311 characters)"`;
    const message = (text: string) => {
      try {
        parseRegimen(text);
      } catch (e) {
        expect(e).toBeInstanceOf(RegimenError);
        return (e as Error).message.split("\n").slice(0, 3);
      }
      return [];
    };
    const tooLarge = (what: string, where: string, character: number) =>
      `cannot read regimen: ${what} is too large (above 1.8e308, the largest number a computer holds) at ${where} (character ${character})`;

    it("as an amount, with the carets under it", () => {
      const lines = message(`${big} mg`);
      expect(lines[0]).toBe(tooLarge("the number", shown, 1));
      expect(lines[2]).toBe(`  ${"^".repeat(60)}`);
    });

    it.each([
      ["an interval", `100 mg q${big}h x 2`, 9],
      ["an infusion duration", `100 mg over ${big} h`, 13],
      ["a time after at", `100 mg at 0, ${big} h`, 14],
      ["a rate", `100 mg rate ${big} mg/h`, 13],
    ])("as %s", (_, text, character) => {
      expect(message(text)[0]).toBe(tooLarge("the number", shown, character));
    });

    // 1e308 fits, but not once converted to the base unit (mg, h).
    it.each([
      ["an amount in g", `1${"0".repeat(308)} g`, "the amount in mg", 1],
      ["a rate in mg/min", `1${"0".repeat(308)} mg/min`, "the infusion rate in mg/h", 1],
      ["a time in weeks", `100 mg at 1${"0".repeat(308)} week`, "the time in h", 11],
      ["an interval in days", `100 mg q 1${"0".repeat(308)} d x 2`, "the dosing interval in h", 10],
    ])("as %s that overflows when converted", (_, text, what, character) => {
      expect(message(text)[0]).toBe(tooLarge(what, `"${text.slice(character - 1, character + 59)}… (309 characters)"`, character));
    });

    // Infinity would have made the infusion run to the end of the simulation, silently.
    it("as the amount of a continuous infusion over a period", () => {
      expect(message(`1${"0".repeat(300)} mg/h for 1${"0".repeat(10)} h`)[0]).toBe(tooLarge('the amount infused (rate × "for")', '"for"', 308));
    });
  });

  it("refuses a dosing period of more doses than a block holds at its word", () => {
    expect(() => parseRegimen("100 mg q1h for 2000000 h")).toThrow(
      /^cannot read regimen: this period at one dose every 1 h is more than the 1,000,000 doses one block may hold at "for" \(character 12\)\n/,
    );
  });

  it("is also available as Regimen.parse", () => {
    expect(Regimen.parse("100 mg q12h x 14").equals(parseRegimen("100 mg q12h x 14"))).toBe(true);
  });
});
