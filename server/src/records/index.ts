export { Records, type CheckRecord, type ExchangeRecord } from "./records.js";
