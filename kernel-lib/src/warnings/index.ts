export { setWarningHandler, warn } from "./warn.js";
export type { WarningHandler } from "./warn.js";
