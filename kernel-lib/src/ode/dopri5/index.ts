export { dopri5 } from "./dopri5.js";
