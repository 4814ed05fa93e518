export { luFactor, luSolve } from "./lu.js";
export { MatrixExponential } from "./expm.js";
export { cholesky, type CholeskyOptions } from "./cholesky.js";
