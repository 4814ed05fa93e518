export { bolus1cmt } from "./pk/bolus1cmt.js";
