export { rodas4 } from "./rodas4.js";
