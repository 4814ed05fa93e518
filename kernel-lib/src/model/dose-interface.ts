import { DOSE_ROUTES } from "../dosing/dose-block.js";
import type { DoseRoute } from "../dosing/types.js";
import type { ModelDefinition } from "./definition.js";
import type { MolecularWeight, RouteSpec } from "./types.js";
import { parseUnit, sameDimension } from "./units.js";

/** Daltons as mathjs units: 1 Da = 1 g/mol. */
const DALTONS: ReadonlyMap<string, string> = new Map([["Da", "g/mol"], ["kDa", "kg/mol"]]);

/**
 * How regimen doses enter a model: the compartment of each route (`$ROUTES`) and the
 * molecular weight (`$MW`). `fail(kind, name, message)` throws the compiler's ModelError.
 * @internal
 */
export function doseInterface(
  def: ModelDefinition,
  compartments: readonly { name: string; cmt: number }[],
  fail: (kind: "route" | "section", name: string, message: string) => never,
): { routes: RouteSpec[]; molecularWeight?: MolecularWeight } {
  const routes = Object.entries(def.routes ?? {}).map(([route, target]): RouteSpec => {
    if (!(DOSE_ROUTES as readonly string[]).includes(route)) fail("route", route, `unknown route "${route}"; the routes are ${DOSE_ROUTES.join(", ")}`);
    const c = compartments.find((x) => x.name === target);
    if (!c) fail("route", route, `route ${route} = ${target}: "${target}" is not a compartment (compartments: ${compartments.map((x) => x.name).join(", ")})`);
    return { route: route as DoseRoute, cmt: c.cmt };
  });
  const text = def.molecularWeight?.trim();
  if (!text) return { routes };
  const m = /^(\S+)\s+(.+)$/.exec(text);
  const value = Number(m?.[1]);
  if (!m || !(value > 0) || !Number.isFinite(value)) fail("section", "MW", `$MW ${text}: expected a molecular weight > 0 with its unit, e.g. "$MW 146000 g/mol" (or Da, kDa)`);
  const unit = DALTONS.get(m[2].trim()) ?? m[2].trim();
  let parsed;
  try {
    parsed = parseUnit(unit);
  } catch (error) {
    return fail("section", "MW", `$MW ${text}: ${(error as Error).message}`);
  }
  if (!sameDimension(parsed, parseUnit("g/mol"))) fail("section", "MW", `$MW ${text}: ${unit} is not a mass per amount of substance (g/mol, kg/mol, Da, kDa)`);
  return { routes, molecularWeight: { value, unit } };
}
