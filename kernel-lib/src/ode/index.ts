export type {
  Algorithm,
  Integrator,
  Jacobian,
  OdeProblem,
  OdeSolution,
  OutputWindow,
  Rhs,
  RhsCode,
  SolverOptions,
  SolverStats,
  SolverStatus,
  StateSink,
} from "./types.js";
export { auto } from "./auto/index.js";
export { dopri5 } from "./dopri5/index.js";
export { rodas4 } from "./rodas4/index.js";
export { solve } from "./solve.js";
export { DEFAULT_TOLERANCE } from "./common/options.js";
export { NO_OUTPUTS } from "./common/outputs.js";
