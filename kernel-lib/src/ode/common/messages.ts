import type { SolverStatus } from "../types.js";
import type { ResolvedOptions } from "./options.js";

/**
 * The message for a non-success status: what happened, at which t, with which step size,
 * and what to try. Built only when an integration fails. Internal.
 *
 * @example failureMessage("step-too-small", 0.9999, 3.1e-15, options)
 * // "step size 3.1e-15 too small at t = 0.9999 (the solution may blow up: check parameters)"
 */
export function failureMessage(
  status: SolverStatus,
  t: number,
  h: number,
  options: ResolvedOptions,
  detail = "",
): string {
  const at = `at t = ${num(t, 6)}`;
  switch (status) {
    case "step-too-small":
      return `step size ${num(h, 2)} too small ${at} (the solution may blow up: check parameters)`;
    case "max-steps":
      return (
        `maxSteps = ${options.maxSteps} step attempts used up ${at} with step size ${num(h, 2)}` +
        " (raise maxSteps; if the problem is stiff, use rodas4() or auto())"
      );
    case "timeout":
      return `wall-clock budget maxWallMs = ${options.maxWallMs} ms exceeded ${at} with step size ${num(h, 2)}`;
    case "unstable":
      return (
        `${detail || "state or error estimate is NaN or infinite"} ${at} with step size ${num(h, 2)}` +
        " (check the right-hand side and parameters)"
      );
    case "success":
      return "";
  }
}

function num(x: number, digits: number): string {
  return String(Number(x.toPrecision(digits)));
}
