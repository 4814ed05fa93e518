// The built service as JupyterHub starts it (`main.js --hub`, the environment a managed
// service gets): the port answers at once — JupyterHub stops if a managed service does not
// answer within about 10 s — and the loaded service then answers on it with hub identities.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHubStandIn, type HubStandIn } from "../support/hub-stand-in.js";
import { freePort } from "../support/ports.js";

const repo = resolve(__dirname, "../../..");
const data = mkdtempSync(join(tmpdir(), "pmxlab-server-hub-main-"));
let hub: HubStandIn;
let child: ChildProcess;
let base: string;
let firstAnswerMs: number;

beforeAll(async () => {
  hub = await startHubStandIn();
  hub.tokens.set("ada-token", { name: "ada", groups: ["students"], scopes: ["access:services!service=pmxlab"] });
  const port = await freePort();
  base = `http://127.0.0.1:${port}/services/pmxlab`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    PMXLAB_DATA_DIR: data,
    JUPYTERHUB_API_URL: hub.settings.apiUrl,
    JUPYTERHUB_API_TOKEN: hub.settings.apiToken,
    JUPYTERHUB_CLIENT_ID: "service-pmxlab",
    JUPYTERHUB_SERVICE_NAME: "pmxlab",
    JUPYTERHUB_SERVICE_PREFIX: "/services/pmxlab/",
    JUPYTERHUB_SERVICE_URL: `http://127.0.0.1:${port}`,
    JUPYTERHUB_OAUTH_CALLBACK_URL: "/services/pmxlab/oauth_callback",
    JUPYTERHUB_OAUTH_ACCESS_SCOPES: JSON.stringify(["access:services", "access:services!service=pmxlab"]),
    PMXLAB_HUB_PUBLIC_URL: hub.settings.publicUrl,
  };
  const started = Date.now();
  child = spawn(process.execPath, [join(repo, "server", "dist", "main.js"), "--hub"], { env, stdio: "ignore" });
  for (let i = 0; ; i++) {
    const answered = await fetch(`${base}/`).then((r) => r.status, () => 0);
    if (answered !== 0) {
      firstAnswerMs = Date.now() - started;
      break;
    }
    if (i > 200) throw new Error("main.js --hub did not answer in 20 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("main.js --hub did not become healthy in 60 s");
}, 90_000);

afterAll(async () => {
  child?.kill();
  await hub?.close();
  rmSync(data, { recursive: true, force: true });
});

describe("server/dist/main.js --hub", () => {
  it("answers the hub's probe before the service has loaded", () => {
    // A generous bound: the probe must not wait for the kernel library (seconds on a busy machine).
    expect(firstAnswerMs).toBeLessThan(5_000);
  });

  it("then serves hub users under the service prefix and refuses the rest", async () => {
    expect(await (await fetch(`${base}/me`, { headers: { authorization: "token ada-token" } })).json()).toEqual({ user: "ada", instructor: false });
    expect((await fetch(`${base}/me`)).status).toBe(401);
  });
});
