// readHubSettings: where a managed service binds. JupyterHub names the service's address in
// JUPYTERHUB_SERVICE_URL; the service binds that host (loopback on one machine, every
// interface in a container of the hub pod) and that port.
import { describe, expect, it } from "vitest";
import { readHubSettings } from "../../src/hub/index.js";

const env = (serviceUrl: string): NodeJS.ProcessEnv => ({
  JUPYTERHUB_API_URL: "http://127.0.0.1:8001/hub/api/",
  JUPYTERHUB_API_TOKEN: "t",
  JUPYTERHUB_CLIENT_ID: "service-pmxlab",
  JUPYTERHUB_SERVICE_PREFIX: "/services/pmxlab",
  JUPYTERHUB_SERVICE_URL: serviceUrl,
  PMXLAB_HUB_PUBLIC_URL: "http://127.0.0.1:8000/",
});

describe("readHubSettings", () => {
  it("binds the host and port of JUPYTERHUB_SERVICE_URL", () => {
    expect(readHubSettings(env("http://127.0.0.1:8003"))).toMatchObject({ host: "127.0.0.1", port: 8003 });
    expect(readHubSettings(env("http://0.0.0.0:10101"))).toMatchObject({ host: "0.0.0.0", port: 10101 });
    expect(readHubSettings(env("http://[::1]:9000"))).toMatchObject({ host: "::1", port: 9000 });
  });

  it("names a missing variable", () => {
    const missing = env("http://127.0.0.1:8003");
    delete missing.JUPYTERHUB_SERVICE_URL;
    expect(() => readHubSettings(missing)).toThrow(/JUPYTERHUB_SERVICE_URL is not set/);
  });
});
