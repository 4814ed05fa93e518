export { luFactor, luSolve } from "./lu.js";
export { expm } from "./expm.js";
