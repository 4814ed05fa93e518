export { auto } from "./auto.js";
