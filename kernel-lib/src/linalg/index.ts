export { luFactor, luSolve } from "./lu.js";
export { MatrixExponential } from "./expm.js";
