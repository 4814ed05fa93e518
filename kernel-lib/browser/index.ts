// @pmxlab/kernel/browser — browser-only additions (web workers) to the core library.
export { PopulationWebWorkerPool } from "./population-web-worker-pool.js";
